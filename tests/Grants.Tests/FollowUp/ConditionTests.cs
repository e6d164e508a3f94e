using System.Net;
using System.Net.Http.Headers;
using Grants.FollowUp;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Tests.Infrastructure;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Grants.Tests.FollowUp.FollowUpArrange;

namespace Grants.Tests.FollowUp;

/// <summary>Co-financing conditions: reminders, evidence, the kansli's confirmation, and the deadline that lets the grant lapse.</summary>
public sealed class ConditionTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private static readonly DecisionCondition Esf = new("under förutsättning att Europeiska socialfonden beviljar ansökta medel", "Europeiska socialfonden", new DateOnly(2026, 4, 30));
    private static readonly DecisionCondition Kommun = new("under förutsättning att Skellefteå kommun beviljar ansökta medel", "Skellefteå kommun", new DateOnly(2026, 5, 31));

    private async Task<(GrantsApp App, Guid Id)> ConditionalAsync()
    {
        var app = WithSmtp(smtp);
        var id = await DemoApplicationAsync(app, "Solen");
        await PublishAsync(app, id, DecisionKind.ConditionallyGranted, new DateOnly(2026, 8, 1), new DateOnly(2027, 6, 30),
            [new GrantedAmount(2026, 100_000), new GrantedAmount(2027, 150_000)], [Kommun, Esf]);
        return (app, id);
    }

    [Fact]
    public async Task A_conditional_grant_records_its_conditions_waits_with_its_plan_and_lapses_when_the_deadline_passes_telling_both()
    {
        var (app, id) = await ConditionalAsync();
        await using var _app = app;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            application.State.Should().Be("villkorat-beviljad");
            application.ConditionsDeadline.Should().Be(new DateOnly(2026, 4, 30), "the earliest open deadline");
            (await db.Conditions.Where(c => c.ApplicationId == id).OrderBy(c => c.Number).Select(c => c.Funder).ToListAsync())
                .Should().Equal("Skellefteå kommun", "Europeiska socialfonden");
            var plan = await db.ReportPlans.Include(p => p.Reports).SingleAsync(p => p.ApplicationId == id);
            plan.ActivatedAt.Should().BeNull();
            plan.Reports.Should().BeEmpty();
            var timer = await db.WorkflowTimers.SingleAsync(t => t.SubjectId == id.ToString() && t.FiredAt == null && t.CancelledAt == null);
            timer.DueAt.Should().Be(new DateTimeOffset(2026, 4, 30, 22, 0, 0, TimeSpan.Zero), "local midnight after the last day");
        }

        app.Time.SetUtcNow(At(new DateOnly(2026, 4, 16)));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ConditionReminderStep>().RunAsync(app.Time.GetUtcNow(), default);
        await DeliverAsync(app);
        var reminder = smtp.Messages().Where(m => m.Subject == "Påminnelse om villkor för beviljade medel: Solen (SKN 2015/5)").Should().ContainSingle().Subject;
        reminder.TextBody.Should().Contain("Europeiska socialfonden").And.Contain("2026-04-30").And.Contain($"/FollowUp/Project/{id}");

        app.Time.SetUtcNow(At(new DateOnly(2026, 5, 1), hour: 1));
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<WorkflowSweep>().RunAsync(default)).Fired.Should().Be(1);
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(a => a.Id == id)).State.Should().Be("forfallen");

        // Delivered now, as the outbox job would (the background job itself is covered by the Mail tests): in the full
        // suite this host's Hangfire workers may still be busy with the demo's sweep work.
        await DeliverAsync(app);
        var lapsed = await MailWait.ForAsync(app, smtp, m => m.Subject == "Beviljandet har förfallit: Solen (SKN 2015/5)", "about the lapsed grant");
        lapsed.To.Mailboxes.Select(m => m.Address).Should().Contain("rami.haddadi@exempel.se");
        lapsed.Cc.Mailboxes.Select(m => m.Address).Should().Contain("kansli@demo.grants.se");
        lapsed.TextBody.Should().Contain("Europeiska socialfonden");
    }

    [Fact]
    public async Task Evidence_is_reported_by_the_applicant_and_when_the_kansli_confirms_every_condition_the_grant_takes_effect_with_its_plan()
    {
        var (app, id) = await ConditionalAsync();
        await using var _app = app;
        List<Condition> conditions;
        await using (var scope = app.Services.CreateAsyncScope())
            conditions = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Conditions.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.Number).ToListAsync();

        var applicant = await app.BearerClientAsync(Login.Applicant);
        var bad = await applicant.PostAsync($"/api/follow-up/conditions/{conditions[0].Id}/outcome", Evidence("Met", "beslut.exe", "MZ"u8.ToArray()));
        (await bad.ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("evidence");
        var noOutcome = await applicant.PostAsync($"/api/follow-up/conditions/{conditions[0].Id}/outcome", Evidence("", "beslut.pdf", "%PDF-1.4 beslut"u8.ToArray()));
        (await noOutcome.ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("outcome");

        var ok = await applicant.PostAsync($"/api/follow-up/conditions/{conditions[0].Id}/outcome", Evidence("Met", "kommunens-beslut.pdf", "%PDF-1.4 beslut"u8.ToArray()));
        (await ok.ExpectJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().Should().Be("ReportedMet");
        var other = await app.BearerClientAsync(Login.OtherApplicant);
        (await other.PostAsync($"/api/follow-up/conditions/{conditions[1].Id}/outcome", Evidence("Met", "x.pdf", "%PDF-1.4"u8.ToArray())))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        var kansli = await app.BearerClientAsync(Login.Secretariat);
        (await (await kansli.PostJsonAsync($"/api/follow-up/conditions/{conditions[0].Id}/confirm", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "Declined" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("comment");
        (await kansli.PostJsonAsync($"/api/follow-up/conditions/{conditions[0].Id}/confirm", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "Met" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await db.Applications.SingleAsync(a => a.Id == id)).State.Should().Be("villkorat-beviljad");
            (await db.Applications.SingleAsync(a => a.Id == id)).ConditionsDeadline.Should().Be(new DateOnly(2026, 4, 30));
        }
        (await kansli.PostJsonAsync($"/api/follow-up/conditions/{conditions[1].Id}/confirm", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "Met", ["comment"] = "ESF-beslut 2026-04-20" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await kansli.PostJsonAsync($"/api/follow-up/conditions/{conditions[1].Id}/confirm", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "Met" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);

        await using var check = app.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var application = await db2.Applications.SingleAsync(a => a.Id == id);
        application.State.Should().Be("beviljad");
        application.ConditionsDeadline.Should().BeNull();
        (await db2.WorkflowTimers.CountAsync(t => t.SubjectId == id.ToString() && t.FiredAt == null && t.CancelledAt == null)).Should().Be(0);
        var plan = await db2.ReportPlans.Include(p => p.Reports).SingleAsync(p => p.ApplicationId == id);
        plan.ActivatedAt.Should().NotBeNull();
        plan.Reports.Select(r => (r.Kind, r.DueDate)).OrderBy(r => r.DueDate).Should().Equal(
            (ReportKind.StatusReport, new DateOnly(2026, 12, 31)), (ReportKind.FinalReport, new DateOnly(2027, 8, 29)));
        var evidence = await db2.Attachments.SingleAsync(a => a.ApplicationId == id && a.FileName == "kommunens-beslut.pdf");
        evidence.Sha256.Should().HaveLength(64);
        (await db2.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "follow-up.condition-confirmed" && a.Role == "Kansli")).Should().Be(2);
    }

    [Fact]
    public async Task A_funder_saying_no_lets_the_grant_lapse()
    {
        var (app, id) = await ConditionalAsync();
        await using var _app = app;
        Guid first;
        await using (var scope = app.Services.CreateAsyncScope())
            first = (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Conditions.SingleAsync(c => c.ApplicationId == id && c.Number == 1)).Id;
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        (await kansli.PostJsonAsync($"/api/follow-up/conditions/{first}/confirm", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "Declined", ["comment"] = "Kommunen avslog 2026-04-02" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.Applications.SingleAsync(a => a.Id == id)).State.Should().Be("forfallen");
        (await db.OutboxMails.Where(m => m.Key.StartsWith("conditions-lapsed:" + id)).ToListAsync()).Should().ContainSingle()
            .Which.Cc.Should().Contain("kansli@demo.grants.se");
    }

    private static MultipartFormDataContent Evidence(string outcome, string fileName, byte[] data)
    {
        var content = new MultipartFormDataContent { { new StringContent(outcome), "outcome" }, { new StringContent("Beslut bifogas"), "comment" } };
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "evidence", fileName);
        return content;
    }
}

