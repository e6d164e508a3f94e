using System.Xml.Linq;
using Grants.Workflow;

namespace Grants.Tests.Workflow;

public sealed class WorkflowSvgTests
{
    private static WorkflowDefinition Ansokan() =>
        DefinitionLoader.Parse(File.ReadAllText(Path.Combine(WorkflowHost.RepoWorkflows(), "ansokan.json")), "ansokan.json");

    [Fact]
    public void The_svg_draws_every_state_and_transition_and_marks_the_current_state()
    {
        var def = Ansokan();
        var svg = XDocument.Parse(WorkflowSvg.Of(def, "hos-lsg", key => key == "lsg-recommends" ? "LSG tillstyrker" : key));
        XNamespace ns = "http://www.w3.org/2000/svg";

        svg.Root!.Attribute("role")!.Value.Should().Be("img");
        svg.Root.Attribute("aria-label")!.Value.Should().Contain("nuvarande tillstånd: Hos LSG");
        svg.Root.Attribute("style").Should().BeNull("the CSP forbids inline styles");
        var boxes = svg.Descendants(ns + "g").ToList();
        boxes.Should().HaveCount(def.States.Count);
        var current = boxes.Single(g => g.Attribute("class")!.Value == "state current");
        current.Elements(ns + "text").Select(t => t.Value).Should().Equal("Hos LSG", "(nuvarande)");
        current.Element(ns + "rect")!.Attribute("fill")!.Value.Should().Be("#ffdd00");
        var pairs = def.Transitions.SelectMany(t => t.From.Select(f => (f, t.To))).Distinct().Count();
        svg.Descendants(ns + "path").Count(p => p.Attribute("marker-end") is not null).Should().Be(pairs);
        svg.Descendants(ns + "text").Select(t => t.Value).Should().Contain(l => l.Contains("Tillstyrk [LSG tillstyrker]"));
    }

    [Fact]
    public void The_timeline_names_triggers_as_past_events()
    {
        var def = Ansokan();
        def.TriggerDoneLabel("skicka-in").Should().Be("Inskickad");
        def.TriggerDoneLabel("tillstyrk").Should().Be("Tillstyrkt");
        def.TriggerLabel("tillstyrk").Should().Be("Tillstyrk");
        def.Triggers.Should().OnlyContain(t => !string.IsNullOrWhiteSpace(t.DoneLabel));
    }
}
