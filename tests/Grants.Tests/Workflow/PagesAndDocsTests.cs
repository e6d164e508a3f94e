using System.Net;
using Grants.Identity;
using Grants.Workflow;

namespace Grants.Tests.Workflow;

public sealed class PagesAndDocsTests
{
    [Fact]
    public async Task The_pages_render_for_their_roles_and_refuse_others()
    {
        using var host = new WorkflowHost();
        var org = await host.OrganisationAsync();
        var id = await WorkflowArrange.ApplicationInAsync(host, "hos-lsg");
        var kansli = await host.ClientAsync(Roles.Secretariat);
        var lsg = await host.ClientAsync(Roles.Lsg);
        var applicant = await host.ClientAsync(Roles.Applicant, org.Id);

        var details = WebUtility.HtmlDecode(await kansli.GetStringAsync($"/Applications/Details/{id}"));
        details.Should().Contain("Handläggning").And.Contain("Hos LSG (nuvarande)").And.Contain("<svg").And.Contain("<g class=\"state current\">")
            .And.Contain("Från Hos LSG till Tillstyrkt av LSG: Tillstyrk [LSG tillstyrker]");
        WebUtility.HtmlDecode(await applicant.GetStringAsync($"/Applications/Details/{id}")).Should().Contain("Under handläggning hos lokala samverkansgruppen");

        WebUtility.HtmlDecode(await lsg.GetStringAsync("/Lsg")).Should().Contain("Ansökningar som väntar på LSG").And.Contain("Projekt i hos-lsg");
        WebUtility.HtmlDecode(await lsg.GetStringAsync($"/Lsg/Statement/{id}")).Should().Contain("inte registrerad som ledamot");
        WebUtility.HtmlDecode(await kansli.GetStringAsync($"/Lsg/Statement/{id}")).Should().Contain("Registrera yttrandet");
        (await kansli.GetAsync("/Lsg/Register")).StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await kansli.GetStringAsync("/Workflow")).Should().Contain("Versioner").And.Contain("ansokan.json")
            .And.Contain("<svg").And.Contain("inga hinder").And.NotContain("<script");

        (await applicant.GetAsync("/Lsg")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await applicant.GetAsync("/Workflow")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await lsg.GetAsync("/Lsg/Register")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await applicant.GetAsync("/api/workflows/versions")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>docs/workflows/KEY.md is drawn from the definition. Set GRANTS_UPDATE_DOCS=1 to rewrite it.</summary>
    [Theory]
    [InlineData("ansokan")]
    [InlineData("aterrapport")]
    public void Docs_diagram_matches_the_definition(string key)
    {
        var def = DefinitionLoader.Parse(File.ReadAllText(Path.Combine(WorkflowHost.RepoWorkflows(), key + ".json")), key + ".json");
        var expected = MermaidDiagram.Markdown(def);
        var path = Path.Combine(WorkflowHost.RepoRoot(), "docs", "workflows", key + ".md");
        if (Environment.GetEnvironmentVariable("GRANTS_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }
        File.ReadAllText(path).Should().Be(expected, "run the tests with GRANTS_UPDATE_DOCS=1 after changing a definition");
    }
}
