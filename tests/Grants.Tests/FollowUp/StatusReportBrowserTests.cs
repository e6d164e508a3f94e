using Grants.Meetings;
using Grants.Tests.Infrastructure;
using Microsoft.Playwright;
using static Grants.Tests.FollowUp.FollowUpArrange;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.FollowUp;

/// <summary>The applicant fills a status report in Chromium; the kansli sees the overview and approves. axe-core on every page.</summary>
public sealed class StatusReportBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Applicant_fills_a_status_report_in_the_browser_and_the_kansli_approves_it_from_the_overview()
    {
        var id = await DemoApplicationAsync(app, "READY");
        await PublishAsync(app, id, DecisionKind.Granted, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [new GrantedAmount(2026, 430_000)]);
        var status = (await ReportsAsync(app, id))[0];

        var page = await app.LoggedInPageAsync(Login.Applicant);
        await page.GotoAsync("/FollowUp/Reports");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lägesrapport 2026-06-30" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lägesrapport 2026-06-30: READY");
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Handing in an empty form shows every error, linked to its field, in Swedish.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lämna in rapporten" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Fyll i avsnittet Organisation.");
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Ange antalet kvinnor (0 om inga).");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await Fill(page, "Form.Organisation", "LSG är styrgrupp och träffas en gång i månaden.");
        await Fill(page, "Form.Personnel", "Två koordinatorer och ett samverkansteam.");
        await Fill(page, "Form.Individual", "28 inskrivna under våren; 7 avslutade, 4 vilande.");
        await Fill(page, "Form.Participants.Women", "15");
        await Fill(page, "Form.Participants.Men", "12");
        await Fill(page, "Form.Participants.Other", "1");
        await Fill(page, "Form.Participants.New", "10");
        await Fill(page, "Form.Participants.Ended", "7");
        await Fill(page, "Form.Outcomes.Work", "6");
        await Fill(page, "Form.Outcomes.Studies", "0");
        await Fill(page, "Form.Outcomes.OtherIntervention", "0");
        await Fill(page, "Form.Outcomes.OwnRequest", "1");
        await Fill(page, "Form.Outcomes.Dormant", "4");
        await Fill(page, "Form.Economy[0].Personnel", "180000");
        await Fill(page, "Form.Economy[0].Premises", "10000");
        await Fill(page, "Form.Economy[0].Other", "5000");
        await Fill(page, "Form.Economy[0].Evaluation", "0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lämna in rapporten" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Rapporten är inlämnad (version 1)");
        await Expect(page.Locator("#report-state")).ToHaveTextAsync("Inlämnad");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Ekonomisk redovisning (utfall mot beviljat)" })).ToContainTextAsync("195 000 kronor");
        await Axe.AssertNoSeriousViolationsAsync(page);

        var kansli = await app.LoggedInPageAsync(Login.Secretariat);
        await kansli.GotoAsync("/FollowUp");
        await Expect(kansli.Locator("#overview")).ToContainTextAsync("READY");
        await Expect(kansli.Locator("#overview")).ToContainTextAsync("195 000 kronor");
        await Axe.AssertNoSeriousViolationsAsync(kansli);
        await kansli.GetByRole(AriaRole.Link, new() { Name = "READY" }).ClickAsync();
        await Expect(kansli.Locator("h1")).ToHaveTextAsync("Återrapporteringsplan: READY");
        await Axe.AssertNoSeriousViolationsAsync(kansli);
        await kansli.GotoAsync($"/FollowUp/Report/{status.Id}");
        await kansli.GetByLabel("Godkänn rapporten").CheckAsync();
        await kansli.GetByRole(AriaRole.Button, new() { Name = "Spara granskningen" }).ClickAsync();
        await Expect(kansli.Locator("#report-state")).ToHaveTextAsync("Godkänd");
        await Axe.AssertNoSeriousViolationsAsync(kansli);
    }

    private static Task Fill(IPage page, string field, string value) =>
        page.Locator("#" + Grants.Shared.FieldKeys.ElementId(field)).FillAsync(value);
}
