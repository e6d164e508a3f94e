using Grants.Applications;
using Grants.Identity;
using Grants.Shared;
using Grants.Workflow;

namespace Grants.Tests.Workflow;

/// <summary>Every transition of both definitions: allowed for a permitted role, refused by role (403), refused by state (409).</summary>
public sealed class TransitionTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    private static readonly string[] AllRoles = [.. Roles.All, WorkflowRoles.System];

    public static TheoryData<string, string, string> Cases(string file)
    {
        var def = DefinitionLoader.Parse(File.ReadAllText(Path.Combine(WorkflowHost.RepoWorkflows(), file)), file);
        var data = new TheoryData<string, string, string>();
        foreach (var t in def.Transitions)
            foreach (var from in t.From)
                data.Add(from, t.Trigger, t.To);
        return data;
    }

    public static TheoryData<string, string, string> Ansokan => Cases("ansokan.json");
    public static TheoryData<string, string, string> Aterrapport => Cases("aterrapport.json");

    private WorkflowDefinition Definition(string key) => ((WorkflowRegistry)host.Services.GetService(typeof(WorkflowRegistry))!).CurrentOf(key);

    [Theory, MemberData(nameof(Ansokan))]
    public async Task Ansokan_transition_is_allowed_for_its_roles_and_refused_otherwise(string from, string trigger, string to)
    {
        _ = host.Server;
        var def = Definition("ansokan");
        var t = def.From(from).Single(x => x.Trigger == trigger);

        foreach (var role in t.Roles)
        {
            var id = await WorkflowArrange.ApplicationInAsync(host, from, trigger);
            var result = await WorkflowArrange.FireAsync(host, Application.SubjectType, id, trigger, role);
            result.Kind.Should().Be(OutcomeKind.Ok, $"{role} may {trigger} from {from}: {result.Message}");
            result.State.Should().Be(to);
        }
        foreach (var role in AllRoles.Except(t.Roles))
        {
            var id = await WorkflowArrange.ApplicationInAsync(host, from, trigger);
            var result = await WorkflowArrange.FireAsync(host, Application.SubjectType, id, trigger, role);
            result.Kind.Should().Be(OutcomeKind.Forbidden, $"{role} may not {trigger}");
            result.Message.Should().Contain("får inte");
            result.State.Should().Be(from);
        }
        var wrongState = def.States.First(s => !def.From(s.Key).Any(x => x.Trigger == trigger));
        var other = await WorkflowArrange.ApplicationInAsync(host, wrongState.Key, trigger);
        var refused = await WorkflowArrange.FireAsync(host, Application.SubjectType, other, trigger, t.Roles[0]);
        refused.Kind.Should().Be(OutcomeKind.Conflict);
        refused.Message.Should().StartWith("Det går inte att");
        refused.State.Should().Be(wrongState.Key);
    }

    [Theory, MemberData(nameof(Aterrapport))]
    public async Task Aterrapport_transition_is_allowed_for_its_roles_and_refused_otherwise(string from, string trigger, string to)
    {
        _ = host.Server;
        var def = Definition("aterrapport");
        var t = def.From(from).Single(x => x.Trigger == trigger);
        var due = new DateOnly(2027, 1, 31);
        foreach (var role in t.Roles)
        {
            var id = await WorkflowArrange.CaseInAsync(host, from, due);
            var result = await WorkflowArrange.FireAsync(host, WorkflowCase.Type, id, trigger, role);
            result.Kind.Should().Be(OutcomeKind.Ok, result.Message);
            result.State.Should().Be(to);
        }
        foreach (var role in AllRoles.Except(t.Roles))
        {
            var id = await WorkflowArrange.CaseInAsync(host, from, due);
            var result = await WorkflowArrange.FireAsync(host, WorkflowCase.Type, id, trigger, role);
            result.Kind.Should().Be(OutcomeKind.Forbidden);
            result.State.Should().Be(from);
        }
        var wrongState = def.States.First(s => !def.From(s.Key).Any(x => x.Trigger == trigger));
        var other = await WorkflowArrange.CaseInAsync(host, wrongState.Key, due);
        var refused = await WorkflowArrange.FireAsync(host, WorkflowCase.Type, other, trigger, t.Roles[0]);
        refused.Kind.Should().Be(OutcomeKind.Conflict);
        refused.State.Should().Be(wrongState.Key);
    }
}
