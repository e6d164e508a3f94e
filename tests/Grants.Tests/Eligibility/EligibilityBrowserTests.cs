using Grants.Identity;
using Grants.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.Eligibility;

/// <summary>The rules in Chromium: live in the applicant's form, on the application's page for the kansli, and the programmes page; axe-core on each.</summary>
public sealed class EligibilityBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_applicant_sees_hinder_live_with_links_to_the_fields()
    {
        var page = await app.LoggedInPageAsync(Login.EmailOf(Roles.Applicant));
        await page.GotoAsync("/Applications/Edit");
        var live = page.Locator("#eligibility-live");
        await Expect(live).ToHaveAttributeAsync("aria-live", "polite");
        // An empty form: the completeness hinder stand from the start.
        await Expect(live).ToContainTextAsync("Ansökan saknar mätbara mål");

        await page.Locator("#Form_TargetGroup_AgeMin").FillAsync("70");
        await page.Locator("#Form_TargetGroup_AgeMax").FillAsync("80");
        await Expect(live).ToContainTextAsync("Målgruppens ålder (70–80 år) ligger utanför arbetsför ålder, 16–64 år.");
        await Expect(live.Locator("a[href='#Form_TargetGroup_AgeMin']")).ToHaveCountAsync(1);
        await Expect(live.GetByRole(AriaRole.Heading, new() { Name = "Hinder – ansökan kan inte handläggas" })).ToBeVisibleAsync();

        await page.Locator("#Form_TargetGroup_AgeMin").FillAsync("18");
        await page.Locator("#Form_TargetGroup_AgeMax").FillAsync("25");
        await Expect(live).Not.ToContainTextAsync("Målgruppens ålder");
        await Expect(page.Locator("#Form_ProgrammeId")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task The_kansli_sees_the_stored_motivation_and_reruns_the_rules()
    {
        var page = await app.LoggedInPageAsync(Login.EmailOf(Roles.Secretariat));
        await page.GotoAsync("/Applications");
        await page.GetByRole(AriaRole.Link, new() { Name = "Solen", Exact = true }).First.ClickAsync();
        var section = page.Locator("section.eligibility");
        await Expect(section).ToContainTextAsync("Avslaget motiveras med att ansvaret för asylsökande inte ligger inom Försäkringskassans, " +
            "Arbetsförmedlingens, Skellefteå kommuns, Norsjö kommuns och Region Västerbottens samlade ansvarsområde utan tillhör Migrationsverket.");
        await Expect(section.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await section.GetByRole(AriaRole.Button, new() { Name = "Pröva reglerna på nytt" }).ClickAsync();
        await Expect(section.Locator("table tbody tr")).ToHaveCountAsync(2);
        await Expect(section.Locator("table tbody tr").First).ToContainTextAsync("Omprövning");
    }

    [Fact]
    public async Task The_kansli_keeps_the_programmes()
    {
        var page = await app.LoggedInPageAsync(Login.EmailOf(Roles.Secretariat));
        await page.GotoAsync("/Eligibility/Programmes");
        await Expect(page.Locator("table")).ToContainTextAsync("Unga vuxna 16–29");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Lägsta ålder").FillAsync("30");
        await page.GetByLabel("Högsta ålder").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utlysningen" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Utlysningens namn måste fyllas i.");
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Högsta ålder får inte vara lägre än lägsta ålder.");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Namn").FillAsync("Unga 16–24 i Norsjö");
        await page.GetByLabel("Lägsta ålder").FillAsync("16");
        await page.GetByLabel("Högsta ålder").FillAsync("24");
        await page.GetByLabel("Kostnadstak (kronor)").FillAsync("300000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utlysningen" }).ClickAsync();
        await Expect(page.Locator("table")).ToContainTextAsync("Unga 16–24 i Norsjö");
        await Expect(page.Locator("table")).ToContainTextAsync("300 000 kronor");
    }
}
