using System.Text.Json.Nodes;
using Grants.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Workflow;

/// <summary>Startup refuses a definition that cannot run, naming the file and the problem.</summary>
public sealed class DefinitionTests
{
    private static readonly WorkflowCatalogue Catalogue = new(
        new HashSet<string> { "Sökande", "LSG", "Kansli", "Styrelse", "Admin", "System" },
        new HashSet<string> { "no-hinder", "lsg-statement-exists" },
        new Dictionary<string, IReadOnlyList<string>> { ["mail-applicant"] = ["template"], ["create-report-plan"] = [] },
        new HashSet<string> { "dueDate" },
        name => name == "till-lsg");

    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "key": "prov", "name": "Prov", "initial": "a",
          "states": [
            { "key": "a", "staffLabel": "A", "applicantLabel": "A" },
            { "key": "b", "staffLabel": "B", "applicantLabel": "B", "onEntry": [ { "action": "mail-applicant", "with": { "template": "till-lsg" } } ] },
            { "key": "c", "staffLabel": "C", "applicantLabel": "C", "final": true }
          ],
          "triggers": [ { "key": "go", "label": "Gå", "door": "next-step" }, { "key": "end", "label": "Sluta", "door": "timer" } ],
          "transitions": [
            { "from": ["a"], "to": "b", "trigger": "go", "roles": ["Kansli"], "guards": ["no-hinder"] },
            { "from": ["b"], "to": "c", "trigger": "end", "roles": ["Kansli", "System"] }
          ],
          "timers": [ { "key": "t", "state": "b", "trigger": "end", "dateField": "dueDate" } ]
        }
        """)!.AsObject();

    private static Action Loading(JsonObject def) => () => DefinitionLoader.Load(def.ToJsonString(), "prov.json", Catalogue);

    [Fact]
    public void A_valid_definition_loads() => Loading(Valid()).Should().NotThrow();

    [Fact]
    public void The_shipped_definitions_load_against_the_real_catalogue()
    {
        using var host = new WorkflowHost();
        _ = host.Server;
        var registry = host.Services.GetRequiredService<WorkflowRegistry>();
        registry.Current.Keys.Should().BeEquivalentTo("ansokan", "aterrapport");
        registry.CurrentOf("ansokan").States.Should().HaveCount(19);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "unknown-state", "okänt tillstånd 'x'" },
        { "unknown-trigger", "okänd händelse 'nope'" },
        { "unknown-role", "okänd roll 'Vaktmästare'" },
        { "unknown-guard", "okänt villkor (guard) 'sol-skiner'" },
        { "unknown-action", "okänd åtgärd 'skicka-fax'" },
        { "unknown-template", "okänd e-postmall 'finns-inte'" },
        { "unreachable", "Tillståndet 'd' kan inte nås från 'a'" },
        { "no-way-out", "Tillståndet 'b' är inte slutligt men saknar väg ut" },
        { "bad-timer", "ska ange antingen \"after\" eller \"dateField\"" },
        { "no-door", "Händelsen 'go' saknar \"door\"" },
        { "unknown-door", "Händelsen 'go' anger okänd dörr 'bakdorren'" },
        { "timer-not-timer-door", "händelsen 'end' måste ha dörren 'timer'" },
    };

    [Theory, MemberData(nameof(Broken))]
    public void A_broken_definition_is_refused_naming_file_and_problem(string kind, string expected)
    {
        var def = Valid();
        var states = def["states"]!.AsArray();
        var transitions = def["transitions"]!.AsArray();
        switch (kind)
        {
            case "unknown-state": transitions[0]!["to"] = "x"; break;
            case "unknown-trigger": transitions[1]!["trigger"] = "nope"; break;
            case "unknown-role": transitions[0]!["roles"] = new JsonArray("Vaktmästare"); break;
            case "unknown-guard": transitions[0]!["guards"] = new JsonArray("sol-skiner"); break;
            case "unknown-action": states[1]!["onEntry"]![0]!["action"] = "skicka-fax"; break;
            case "unknown-template": states[1]!["onEntry"]![0]!["with"]!["template"] = "finns-inte"; break;
            case "unreachable": states.Add(new JsonObject { ["key"] = "d", ["staffLabel"] = "D", ["applicantLabel"] = "D", ["final"] = true }); break;
            case "no-way-out": transitions.RemoveAt(1); def["timers"] = new JsonArray(); break;
            case "bad-timer": def["timers"]![0]!.AsObject().Remove("dateField"); break;
            case "no-door": def["triggers"]![0]!.AsObject().Remove("door"); break;
            case "unknown-door": def["triggers"]![0]!["door"] = "bakdorren"; break;
            case "timer-not-timer-door": def["triggers"]![1]!["door"] = "next-step"; break;
        }
        Loading(def).Should().Throw<WorkflowDefinitionException>()
            .Which.Message.Should().StartWith("prov.json:").And.Contain(expected);
    }

    [Fact]
    public void The_app_refuses_to_start_with_a_broken_definition_in_the_folder()
    {
        using var host = WorkflowHost.With(dir =>
        {
            var path = Path.Combine(dir, "ansokan.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"no-hinder\"", "\"finns-inte\""));
        });
        var start = () => host.Server;
        start.Should().Throw<WorkflowDefinitionException>()
            .Which.Message.Should().Contain("ansokan.json").And.Contain("okänt villkor (guard) 'finns-inte'");
    }

    [Fact]
    public void The_app_refuses_to_start_when_a_typed_key_catalogue_disagrees_with_its_file()
    {
        using var host = WorkflowHost.With(dir =>
        {
            var path = Path.Combine(dir, "ansokan.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"avsla\"", "\"avsla-helt\""));
        });
        var start = () => host.Server;
        start.Should().Throw<WorkflowDefinitionException>()
            .Which.Message.Should().Contain("ApplicationWorkflow anger händelse 'avsla' som filen saknar");
    }

    [Fact]
    public void Every_trigger_of_the_shipped_definitions_names_a_known_door()
    {
        foreach (var file in new[] { "ansokan.json", "aterrapport.json" })
        {
            var def = DefinitionLoader.Parse(File.ReadAllText(Path.Combine(WorkflowHost.RepoWorkflows(), file)), file);
            def.Triggers.Should().OnlyContain(t => Door.Find(t.Door) != null, file);
        }
    }
}
