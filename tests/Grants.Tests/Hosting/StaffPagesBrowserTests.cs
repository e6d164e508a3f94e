using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.Hosting;

/// <summary>
/// Every page of the foundation and workflow features, opened in Chromium by the role that uses it and
/// checked with axe-core (WCAG 2.1 AA: no serious or critical findings).
/// </summary>
public sealed class StaffPagesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(Login.Secretariat, "/Applications", "Ansökningar")]
    [InlineData(Login.Secretariat, "/Workflow", null)]
    [InlineData(Login.Admin, "/Association/Profile", null)]
    [InlineData(Login.Secretariat, "/Lsg/Register", null)]
    [InlineData(Login.Applicant, "/Applications", "Ansökningar")]
    [InlineData(Login.Applicant, "/Tillganglighet", null)]
    public async Task Page_passes_axe_for_its_role(string email, string path, string? heading)
    {
        var page = await app.LoggedInPageAsync(email);
        var response = await page.GotoAsync(path);
        response!.Status.Should().Be(200);
        if (heading is not null) await Expect(page.Locator("h1")).ToContainTextAsync(heading);
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Application_page_with_its_workflow_diagram_timeline_and_the_version_comparison_passes_axe()
    {
        Guid id;
        using (var scope = app.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(a => a.ProjectName == "Knut'n 2.0")).Id;

        // The applicant sends a change after submission: version 2 beside the received version 1.
        var norsjo = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, Login.OtherApplicant);
        var v1 = JsonNode.Parse(await norsjo.GetStringAsync($"/api/applications/{id}/versions/1"))!.AsObject();
        v1["project"]!["activities"] = "Aktivitetsplanen är förlängd med en termin.";
        var revised = await norsjo.PostAsJsonAsync($"/api/applications/{id}/versions", new JsonObject { ["form"] = v1.DeepClone(), ["comment"] = "Förlängd plan" });
        revised.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);

        var kansli = await app.LoggedInPageAsync(Login.Secretariat);
        await kansli.GotoAsync($"/Applications/Details/{id}");
        await Expect(kansli.Locator("h1")).ToContainTextAsync("Knut'n 2.0");
        await Expect(kansli.Locator("body")).ToContainTextAsync("Inkommen");
        await Axe.AssertNoSeriousViolationsAsync(kansli);
        await Screenshots.TakeAsync(kansli, "application-details-kansli");

        (await kansli.GotoAsync($"/Applications/Compare/{id}?from=1&to=2"))!.Status.Should().Be(200);
        await Expect(kansli.Locator("body")).ToContainTextAsync("Aktivitetsplanen är förlängd med en termin.");
        await Axe.AssertNoSeriousViolationsAsync(kansli);

        // The applicant of the organisation (Norsjö kommun) sees the applicant's labels, and passes the same check.
        var applicant = await app.LoggedInPageAsync(Login.OtherApplicant);
        await applicant.GotoAsync($"/Applications/Details/{id}");
        await Expect(applicant.Locator("h1")).ToContainTextAsync("Knut'n 2.0");
        await Axe.AssertNoSeriousViolationsAsync(applicant);
    }
}
