using System.Net;
using Grants.Demo;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.FollowUp;

/// <summary>The kansli changes a project's report plan in Chromium; other roles cannot open the page.</summary>
public sealed class PlanPageBrowserTests(PlanPageBrowserTests.App app) : IClassFixture<PlanPageBrowserTests.App>
{
    /// <summary>The demo with its follow-up project (Aktiv uppföljning, a plan with an overdue final report).</summary>
    public sealed class App : BrowserApp
    {
        public App() => With("App:DemoFollowUp", "true");
    }

    [Fact]
    public async Task Kansli_moves_the_final_report_and_adds_an_extra_status_report()
    {
        Guid id;
        using (var scope = app.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(a => a.ProjectName == DemoFollowUp.ProjectName)).Id;

        var page = await app.LoggedInPageAsync(Login.Secretariat);
        await page.GotoAsync($"/FollowUp/Project/{id}");
        await page.GetByRole(AriaRole.Link, new() { NameString = "Ändra planen (datum, extra eller strukna rapporter, period, ansvarig)" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ändra återrapporteringsplan: Aktiv uppföljning");
        await Axe.AssertNoSeriousViolationsAsync(page);

        var finalRow = page.Locator("#plan-reports tbody tr").Filter(new() { HasTextString = "Slutrapport" });
        await finalRow.Locator("input[type=date]").FillAsync("2016-03-31");
        await finalRow.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Flytta") }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Sista dag är ändrad.");
        await Expect(finalRow).ToContainTextAsync("2016-03-31");

        await page.GetByLabel("Slag av rapport").SelectOptionAsync("StatusReport");
        await page.GetByLabel("Sista dag (ÅÅÅÅ-MM-DD)").FillAsync("2015-09-30");
        await page.GetByRole(AriaRole.Button, new() { NameString = "Lägg till" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("En extra rapport är tillagd.");
        await Expect(page.Locator("#plan-reports")).ToContainTextAsync("(extra)");
        await Axe.AssertNoSeriousViolationsAsync(page);

        using var check = app.Services.CreateScope();
        var reports = await check.ServiceProvider.GetRequiredService<GrantsDbContext>().Reports.AsNoTracking().Where(r => r.ApplicationId == id).ToListAsync();
        reports.Should().Contain(r => r.Kind == Grants.FollowUp.ReportKind.FinalReport && r.DueDate == new DateOnly(2016, 3, 31));
        reports.Should().Contain(r => r.Extra && r.DueDate == new DateOnly(2015, 9, 30));
    }

    [Theory]
    [InlineData(Login.Applicant)]
    [InlineData(Login.Lsg)]
    [InlineData(Login.Board)]
    [InlineData(Login.Admin)]
    public async Task Other_roles_cannot_open_the_plan_page(string email)
    {
        Guid id;
        using (var scope = app.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(a => a.ProjectName == DemoFollowUp.ProjectName)).Id;
        // Over the real loopback server, with the login page's cookie.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(app.BaseUrl) };
        await Login.CookieAsync(client, email);
        var response = await client.GetAsync($"/FollowUp/Plan/{id}");
        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        (response.Headers.Location?.ToString() ?? "").Should().Contain("/Account/Denied");
    }
}
