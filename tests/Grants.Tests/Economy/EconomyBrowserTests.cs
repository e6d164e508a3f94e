using Grants.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Grants.Tests.Economy;

/// <summary>The report, chart, room forecast, drill-down, budget year and a commitment in Chromium, each checked with axe-core.</summary>
public sealed class EconomyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Kansli_reads_the_section_600_report_with_its_chart_tries_proposals_and_traces_a_figure()
    {
        var page = await app.LoggedInPageAsync(Login.Secretariat);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ekonomi", Exact = true }).ClickAsync();
        await page.GetByLabel("Rapportdatum (ÅÅÅÅ-MM-DD)").FillAsync("2015-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa rapporten" }).ClickAsync();
        (await page.Locator("#room").InnerTextAsync()).Should().Be("2 207 732 kronor");
        (await page.Locator("body").InnerTextAsync()).Should().Contain("323 919 kronor").And.Contain("6 594 370 kronor").And.Contain("att godkänna rapporten.");
        // The chart is one image with a name, and its figures are in a table with a caption.
        (await page.Locator("svg[role=img]").CountAsync()).Should().BeGreaterThan(0);
        var table = page.Locator("#chart-years-table");
        (await table.Locator("caption").InnerTextAsync()).Should().Contain("diagrammets siffror");
        (await table.Locator("tr", new() { HasText = "2015" }).InnerTextAsync()).Should().Contain("3 428 900 kronor").And.Contain("725 000 kronor");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "economy-report-2015-03-31");

        await page.GetByLabel("Benämning").First.FillAsync("READY");
        await page.GetByLabel("Belopp i kronor").First.FillAsync("430 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beräkna utrymmet" }).ClickAsync();
        var forecast = page.Locator("table.room-forecast");
        (await forecast.InnerTextAsync()).Should().Contain("2 207 732 kronor").And.Contain("1 777 732 kronor");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "varav tidigare beslutade projekt" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tidigare beslut 2015: 3 428 900 kronor" }).WaitForAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.Locator("section[aria-labelledby=commitments]").GetByRole(AriaRole.Link, new() { Name = "Arbetsmarknadstorget (ordinarie samverkan)" }).ClickAsync();
        (await page.Locator("#remaining").InnerTextAsync()).Should().Be("1 200 000 kronor");
        await page.GetByLabel("Utbetalningsdatum (ÅÅÅÅ-MM-DD)").FillAsync("2015-04-15");
        await page.GetByLabel("Belopp (kronor)", new() { Exact = true }).FillAsync("1 200 001");
        await page.GetByLabel("Referens (verifikation)").FillAsync("Ver 2015-0300");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera utbetalningen" }).ClickAsync();
        (await page.Locator(".error-summary").InnerTextAsync()).Should().Contain("större än det som återstår");
        (await page.Locator("#remaining").InnerTextAsync()).Should().Be("1 200 000 kronor");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Belopp (kronor)", new() { Exact = true }).FillAsync("300 000");
        await page.GetByLabel("Utbetalningsdatum (ÅÅÅÅ-MM-DD)").FillAsync("2015-04-15");
        await page.GetByLabel("Referens (verifikation)").FillAsync("Ver 2015-0300");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera utbetalningen" }).ClickAsync();
        (await page.Locator("#remaining").InnerTextAsync()).Should().Be("900 000 kronor");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/Economy/Year?year=2015");
        (await page.Locator("body").InnerTextAsync()).Should().Contain("Staten (Försäkringskassan)").And.Contain("3 000 000 kronor");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_board_reads_the_economy_without_edit_forms()
    {
        var page = await app.LoggedInPageAsync(Login.Board);
        await page.GotoAsync("/Economy?date=2015-03-31");
        (await page.Locator("#room").InnerTextAsync()).Should().Be("2 207 732 kronor");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync("/Economy/Year?year=2015");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Spara budgeten" }).CountAsync()).Should().Be(0);
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task An_applicant_has_no_economy_link_and_is_denied_the_page()
    {
        var page = await app.LoggedInPageAsync(Login.Applicant);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Ekonomi", Exact = true }).CountAsync()).Should().Be(0);
        await page.GotoAsync("/Economy");
        page.Url.Should().Contain("/Account/Denied");
    }
}
