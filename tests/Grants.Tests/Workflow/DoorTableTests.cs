using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Workflow;

/// <summary>
/// The table over the whole ansokan.json: every transition × every role × every door gives what the definition says —
/// its own door and a permitted role moves it; its own door and another role is 403; any other door is 409 whoever asks.
/// A refusal writes nothing (no transition, no audit row, state unchanged).
/// </summary>
public sealed class DoorTableTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private static readonly string[] AllRoles = [.. Roles.All, WorkflowRoles.System];

    public static TheoryData<string, string, string> Ansokan => TransitionTests.Cases("ansokan.json");

    [Theory, MemberData(nameof(Ansokan))]
    public async Task Every_role_through_every_door_gets_what_the_definition_says(string from, string trigger, string to)
    {
        _ = host.Server;
        var def = host.Services.GetRequiredService<WorkflowRegistry>().CurrentOf(ApplicationWorkflow.Key);
        var transition = def.From(from).Single(t => t.Trigger == trigger);
        var own = Door.Find(def.FindTrigger(trigger)!.Door)!;

        var refused = await WorkflowArrange.ApplicationInAsync(host, from, trigger);
        var written = await WrittenAsync(refused);
        foreach (var door in Door.All.Where(d => d != own))
            foreach (var role in AllRoles)
            {
                var result = await WorkflowArrange.FireAsync(host, Application.SubjectType, refused, trigger, role, door);
                result.Kind.Should().Be(OutcomeKind.Conflict, $"{role} through {door.Key} may not {trigger} (its door is {own.Key})");
                result.State.Should().Be(from);
            }
        foreach (var role in AllRoles.Except(transition.Roles))
        {
            var result = await WorkflowArrange.FireAsync(host, Application.SubjectType, refused, trigger, role, own);
            result.Kind.Should().Be(OutcomeKind.Forbidden, $"{role} may not {trigger} even through {own.Key}");
        }
        (await WrittenAsync(refused)).Should().Be(written, "a refusal writes nothing");
        await StateAsync(refused, from);

        foreach (var role in transition.Roles)
        {
            var id = await WorkflowArrange.ApplicationInAsync(host, from, trigger);
            var result = await WorkflowArrange.FireAsync(host, Application.SubjectType, id, trigger, role, own);
            result.Kind.Should().Be(OutcomeKind.Ok, $"{role} may {trigger} from {from} through {own.Key}: {result.Message}");
            result.State.Should().Be(to);
        }
    }

    [Fact]
    public void The_invariants_hold_over_the_whole_definition()
    {
        var def = DefinitionLoader.Parse(File.ReadAllText(Path.Combine(WorkflowHost.RepoWorkflows(), "ansokan.json")), "ansokan.json");
        var doors = def.Triggers.ToDictionary(t => t.Key, t => t.Door);

        // Nothing leaves utkast but the submission (which stamps ankomstdatum and diarienummer).
        def.From(ApplicationWorkflow.States.Draft).Should().OnlyContain(t => doors[t.Trigger] == Door.Submit.Key);
        // No decided state is entered but by the adjustment of the minutes.
        def.Transitions.Where(t => ApplicationWorkflow.States.Decided.Contains(t.To))
            .Should().NotBeEmpty().And.OnlyContain(t => doors[t.Trigger] == Door.Adjustment.Key
                || (t.To == ApplicationWorkflow.States.Granted && t.From.SequenceEqual(new[] { ApplicationWorkflow.States.ConditionallyGranted }) && doors[t.Trigger] == Door.ConditionOutcome.Key));
        // The generic door holds only the kansli's own steps: nothing the applicant or the board may fire generically.
        def.Transitions.Where(t => doors[t.Trigger] == Door.NextStep.Key)
            .Should().OnlyContain(t => t.Roles.All(r => r == Roles.Secretariat || r == Roles.Board) && !ApplicationWorkflow.States.Decided.Contains(t.To));
        def.Transitions.Where(t => doors[t.Trigger] == Door.NextStep.Key).SelectMany(t => t.Roles).Should().NotContain(Roles.Applicant);
    }

    [Fact]
    public void A_definition_opening_another_way_to_a_decision_is_refused_at_start()
    {
        using var broken = WorkflowHost.With(dir =>
        {
            var path = Path.Combine(dir, "ansokan.json");
            var text = File.ReadAllText(path);
            // "avsla" moved to the generic door: a decision without minutes.
            File.WriteAllText(path, text.Replace("\"doneLabel\": \"Avslagen\",\n      \"door\": \"adjustment\"", "\"doneLabel\": \"Avslagen\",\n      \"door\": \"next-step\""));
        });
        var start = () => broken.Server;
        start.Should().Throw<WorkflowDefinitionException>().Which.Message.Should()
            .Contain("tillståndet 'avslagen' får bara nås genom dörren 'adjustment'").And.Contain("'avsla'");
    }

    [Fact]
    public async Task The_database_refuses_a_record_beyond_utkast_without_diarienummer()
    {
        _ = host.Server;
        var org = await host.OrganisationAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var app = Application.Start(org.Id, Forms.Complete("Bakvägen"), new Actor("x", "X", Roles.Secretariat), host.Time.GetUtcNow());
        app.State = ApplicationWorkflow.States.Received;
        db.Applications.Add(app);
        var save = () => db.SaveChangesAsync();
        await save.Should().ThrowAsync<DbUpdateException>();
    }

    private async Task<(int Transitions, int Audit, int Version)> WrittenAsync(Guid id)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        return (await db.WorkflowTransitions.CountAsync(t => t.SubjectId == id.ToString()),
            await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString()),
            (await db.Applications.SingleAsync(a => a.Id == id)).Version);
    }

    private async Task StateAsync(Guid id, string state)
    {
        await using var scope = host.Scope();
        (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(a => a.Id == id)).State.Should().Be(state);
    }
}
