using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Workflow;

/// <summary>Guards, version pinning, timers through the sweep, and concurrent fires.</summary>
public sealed class EngineTests
{
    private static readonly Actor Kansli = new("k1", "Karin Kansli", "Kansli");

    [Fact]
    public async Task Guards_refuse_with_the_facts_swedish_message_and_change_nothing()
    {
        using var host = new WorkflowHost();
        _ = host.Server;
        var incomplete = Forms.Complete();
        incomplete.Signature.Name = null;
        var hindered = await WorkflowArrange.ApplicationInAsync(host, "inkommen", form: incomplete);
        var r = await WorkflowArrange.FireAsync(host, Application.SubjectType, hindered, "paborja-beredning", "Kansli");
        r.Kind.Should().Be(OutcomeKind.Conflict);
        r.Message.Should().Contain("hinder");
        r.State.Should().Be("inkommen");

        var noStatement = await WorkflowArrange.ApplicationInAsync(host, "hos-lsg");
        (await WorkflowArrange.FireAsync(host, Application.SubjectType, noStatement, "tillstyrk", "LSG")).Message.Should().Contain("yttrande saknas");

        var recommended = await WorkflowArrange.ApplicationInAsync(host, "hos-lsg", "tillstyrk");
        (await WorkflowArrange.FireAsync(host, Application.SubjectType, recommended, "avstyrk", "LSG")).Kind.Should().Be(OutcomeKind.Conflict);

        var pending = await WorkflowArrange.ApplicationInAsync(host, "villkorat-beviljad", form: Forms.Complete("P", new OtherFunder { Name = "ESF", Amount = 1, Status = FunderStatus.Sokt }));
        (await WorkflowArrange.FireAsync(host, Application.SubjectType, pending, "villkor-uppfyllda", "Kansli")).Message.Should().Contain("villkor");
        (await WorkflowArrange.FireAsync(host, Application.SubjectType, pending, "finansiar-avslog", "Kansli")).Kind.Should().Be(OutcomeKind.Conflict);

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.WorkflowTransitions.CountAsync(t => t.SubjectId == pending.ToString())).Should().Be(0);
    }

    [Fact]
    public async Task An_old_instance_keeps_its_version_when_the_file_changes_and_a_new_one_takes_the_new()
    {
        using var host = new WorkflowHost();
        _ = host.Server;
        var due = new DateOnly(2027, 1, 31);
        var oldCase = await StartCaseAsync(host, due);

        // The förbund changes the file: the LSG may now hand in a report on the applicant's behalf.
        var file = Path.Combine(host.WorkflowsDir, "aterrapport.json");
        File.WriteAllText(file, PatchNewVersion(File.ReadAllText(file)));
        await using (var scope = host.Scope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<WorkflowRegistry>();
            registry.LoadFolder(host.WorkflowsDir, scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Build());
            await WorkflowStartup.StoreVersionsAsync(scope.ServiceProvider.GetRequiredService<GrantsDbContext>(), registry, host.Time, default);
        }
        var newCase = await StartCaseAsync(host, due);

        (await WorkflowArrange.FireAsync(host, WorkflowCase.Type, oldCase, "lamna-in", "LSG")).State.Should().Be("planerad");
        (await WorkflowArrange.FireAsync(host, WorkflowCase.Type, newCase, "lamna-in", "LSG")).State.Should().Be("inlamnad");

        await using var check = host.Scope();
        var versions = await check.ServiceProvider.GetRequiredService<WorkflowQueries>().VersionsAsync(default);
        versions.Where(v => v.Key == "aterrapport").Should().HaveCount(2).And.ContainSingle(v => v.Current && v.Instances == 1);
    }

    /// <summary>The new version: "lamna-in" also for the LSG (the typed keys stay as they are, so the file still agrees with the code).</summary>
    private static string PatchNewVersion(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        foreach (var t in node["transitions"]!.AsArray())
            if ((string?)t!["trigger"] == "lamna-in") t["roles"]!.AsArray().Add("LSG");
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static async Task<Guid> StartCaseAsync(WorkflowHost host, DateOnly due)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var c = new WorkflowCase { CaseTitle = "Slutrapport", ContactEmail = "rita.rektor@test.example", Dates = new() { ["dueDate"] = due } };
        db.WorkflowCases.Add(c);
        (await engine.StartAsync(c, "aterrapport", Kansli, null, default)).IsOk.Should().BeTrue();
        await db.SaveChangesAsync();
        return c.Id;
    }

    [Fact]
    public async Task Timers_fire_through_the_sweep_once_and_the_lapse_is_mailed_through_the_outbox()
    {
        // Report reminders are the follow-up's sweep step (FollowUp tests); the engine's own timers are the conditions deadline.
        using var host = new WorkflowHost();
        _ = host.Server;
        var id = await WorkflowArrange.ApplicationInAsync(host, "pa-foredragningslista");
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await db.Applications.SingleAsync(x => x.Id == id)).ConditionsDeadline = new DateOnly(2026, 4, 30);
            await db.SaveChangesAsync();
        }
        (await WorkflowArrange.FireAsync(host, Application.SubjectType, id, "bevilja-villkorat", "Kansli")).State.Should().Be("villkorat-beviljad");

        async Task<WorkflowSweep.Result> SweepAsync()
        {
            await using var scope = host.Scope();
            return await scope.ServiceProvider.GetRequiredService<WorkflowSweep>().RunAsync(default);
        }

        (await SweepAsync()).Fired.Should().Be(0);
        host.Time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero));
        (await SweepAsync()).Fired.Should().Be(1);
        (await SweepAsync()).Fired.Should().Be(0, "a fired timer is not fired again");

        await using var check = host.Scope();
        var db2 = check.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db2.Applications.SingleAsync(x => x.Id == id)).State.Should().Be("forfallen");
        var timers = await db2.WorkflowTimers.Where(t => t.SubjectId == id.ToString()).ToListAsync();
        timers.Should().ContainSingle().Which.FiredAt.Should().NotBeNull();
        (await db2.WorkflowTransitions.CountAsync(t => t.SubjectId == id.ToString() && t.Role == WorkflowRoles.System)).Should().Be(1);
        (await db2.OutboxMails.Where(m => m.Key.StartsWith("conditions-lapsed:" + id)).ToListAsync())
            .Should().ContainSingle().Which.Subject.Should().StartWith("Beviljandet har förfallit");
    }

    private static async Task AssertStateAsync(WorkflowHost host, Guid id, string state)
    {
        await using var scope = host.Scope();
        (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().WorkflowCases.SingleAsync(c => c.Id == id)).CurrentState.Should().Be(state);
    }

    [Fact]
    public async Task Two_fires_at_once_exactly_one_succeeds_the_other_gets_409()
    {
        using var host = new WorkflowHost();
        _ = host.Server;
        var id = await WorkflowArrange.ApplicationInAsync(host, "inkommen");
        await using var a = host.Scope();
        await using var b = host.Scope();
        var appA = await a.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(x => x.Id == id);
        var appB = await b.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(x => x.Id == id);

        var first = await a.ServiceProvider.GetRequiredService<IWorkflowEngine>().FireAsync(appA, Door.NextStep, "paborja-beredning", Kansli, null, default);
        var second = await b.ServiceProvider.GetRequiredService<IWorkflowEngine>().FireAsync(appB, Door.NextStep, "begar-komplettering", Kansli, null, default);

        first.IsOk.Should().BeTrue();
        second.Kind.Should().Be(OutcomeKind.Conflict);
        second.IsConcurrentChange.Should().BeTrue();
        second.Message.Should().Be(WorkflowEngine.ConcurrencyMessage);
        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.Applications.SingleAsync(x => x.Id == id)).State.Should().Be("under-beredning");
        (await db.WorkflowTransitions.CountAsync(t => t.SubjectId == id.ToString())).Should().Be(1);
    }

    [Fact]
    public async Task A_conditional_grant_lapses_when_the_conditions_deadline_passes()
    {
        using var host = new WorkflowHost();
        _ = host.Server;
        var id = await WorkflowArrange.ApplicationInAsync(host, "pa-foredragningslista");
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var app = await db.Applications.SingleAsync(x => x.Id == id);
            app.ConditionsDeadline = new DateOnly(2026, 6, 30);
            await db.SaveChangesAsync();
        }
        (await WorkflowArrange.FireAsync(host, Application.SubjectType, id, "bevilja-villkorat", "Kansli")).State.Should().Be("villkorat-beviljad");
        host.Time.SetUtcNow(new DateTimeOffset(2026, 6, 30, 21, 0, 0, TimeSpan.Zero)); // 23:00 in Stockholm: not yet passed
        await using (var scope = host.Scope()) (await scope.ServiceProvider.GetRequiredService<WorkflowSweep>().RunAsync(default)).Fired.Should().Be(0);
        host.Time.SetUtcNow(new DateTimeOffset(2026, 6, 30, 22, 0, 1, TimeSpan.Zero)); // past midnight in Stockholm
        await using (var scope = host.Scope()) (await scope.ServiceProvider.GetRequiredService<WorkflowSweep>().RunAsync(default)).Fired.Should().Be(1);
        await using var check = host.Scope();
        (await check.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(x => x.Id == id)).State.Should().Be("forfallen");
    }
}
