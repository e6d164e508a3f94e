using Grants.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.Applications;

/// <summary>The demo applicant fills the whole form in Chromium, watches the budget sums, submits and sees the diarienummer.</summary>
public sealed class ApplicationFormBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Applicant_fills_a_two_year_application_sees_live_sums_submits_and_gets_a_diarienummer()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("E-post").FillAsync(Login.Applicant);
        await page.GetByLabel("Lösenord").FillAsync(Grants.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        await page.GotoAsync("/Applications/Edit");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ny ansökan");
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Organisation (name and number are the applicant's own, filled in by the page).
        await Expect(page.Locator("#Form_Organisation_OrganisationNumber")).ToHaveValueAsync(Forms.ApplicantOrgNr);
        await page.Locator("#Form_Organisation_Type").SelectOptionAsync("Kommun");
        await Fill(page, "Form.Organisation.Unit", "Gymnasiekontoret");
        await Fill(page, "Form.Organisation.Signatory", "Rektor Exempelsson");
        await Fill(page, "Form.Organisation.Address", "Exempelgatan 1");
        await Fill(page, "Form.Organisation.PostalCode", "931 85");
        await Fill(page, "Form.Organisation.City", "Skellefteå");
        await Fill(page, "Form.Organisation.Contact.Name", "Karin Exempel");
        await Fill(page, "Form.Organisation.Contact.Phone", "0910-000 00");
        await Fill(page, "Form.Organisation.Contact.Email", "karin.exempel@exempel.se");
        await page.GetByLabel("Bankgiro", new() { Exact = true }).CheckAsync();
        await Fill(page, "Form.Organisation.PaymentAccount", "5741-0151");

        // Project.
        await Fill(page, "Form.Project.Name", "READY i webbläsaren");
        await Fill(page, "Form.Project.Background", "Fler elever når inte gymnasieexamen inom tre år.");
        await Fill(page, "Form.Project.Purpose", "Individuellt anpassade insatser så att eleverna kan avsluta studierna.");
        await Fill(page, "Form.Project.Goals[0]", "Eleverna avslutar gymnasiestudierna inom fyra år");
        await Fill(page, "Form.Project.Goals[1]", "Varje elev har en individuell plan efter gymnasiet");
        await Fill(page, "Form.Project.BoundariesAndAddedValue", "Elever med komplicerad livssituation.");
        await Fill(page, "Form.Project.Activities", "Hösten 2026 till våren 2027.");
        await Fill(page, "Form.Project.StartDate", "2026-08-17");
        await Fill(page, "Form.Project.EndDate", "2027-06-30");
        await page.GetByLabel("Skellefteå kommun", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Hur Skellefteå kommun medverkar").FillAsync("Projektägare");
        await page.GetByLabel("Arbetsförmedlingen", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Hur Arbetsförmedlingen medverkar").FillAsync("Information och planering");
        await Fill(page, "Form.Cooperation.OtherPartners", "UngKomp");
        await Fill(page, "Form.Project.GenderEquality", "Insatserna anpassas efter individen.");
        await Fill(page, "Form.Project.Accessibility", "Lokalerna är tillgängliga.");
        await Fill(page, "Form.Project.Diversity", "Alla i målgruppen erbjuds plats.");
        await Fill(page, "Form.FollowUp.Plan", "Måluppfyllelse och elevenkät.");
        await Fill(page, "Form.FollowUp.ResponsibleName", "Rektor Exempelsson");
        await Fill(page, "Form.FollowUp.ResponsibleEmail", "rektor@exempel.se");
        await Fill(page, "Form.Project.Implementation", "Arbetssättet förs in i ordinarie verksamhet.");

        // Target group.
        await Fill(page, "Form.TargetGroup.Description", "Elever som riskerar att inte nå examen.");
        await Fill(page, "Form.TargetGroup.Participants", "25");
        await Fill(page, "Form.TargetGroup.AgeMin", "18");
        await Fill(page, "Form.TargetGroup.AgeMax", "21");
        await Fill(page, "Form.TargetGroup.Women", "12");
        await Fill(page, "Form.TargetGroup.Men", "13");
        await page.Locator("input[name='Form.TargetGroup.Categories'][value='UngaUtanSysselsattning']").CheckAsync();

        // Budget: the first year is offered; the second is added with the button. Sums follow every keystroke.
        var years = page.Locator("[data-budget-year]");
        var yearCount = await years.CountAsync();
        await Fill(page, "Form.Budget[0].Year", "2026");
        await Fill(page, "Form.Budget[0].Personnel", "430000");
        await Expect(years.Nth(0).Locator("[data-sum='costs']")).ToHaveTextAsync("430 000 kronor");
        await Expect(page.Locator("#total-net")).ToHaveTextAsync("430 000 kronor");
        if (yearCount < 2) await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till budgetår" }).ClickAsync();
        await Fill(page, "Form.Budget[1].Year", "2027");
        await Fill(page, "Form.Budget[1].Personnel", "200000");
        await Fill(page, "Form.Budget[1].Premises", "20000");
        await Fill(page, "Form.Budget[1].Other", "10000");
        await Fill(page, "Form.Budget[1].Evaluation", "5000");
        await Expect(years.Nth(1).Locator("[data-sum='costs']")).ToHaveTextAsync("235 000 kronor");
        await Fill(page, "Form.Budget[1].Income", "15000");
        await Expect(years.Nth(1).Locator("[data-sum='net']")).ToHaveTextAsync("220 000 kronor");
        await Expect(page.Locator("#total-costs")).ToHaveTextAsync("665 000 kronor");
        await Expect(page.Locator("#total-income")).ToHaveTextAsync("15 000 kronor");
        await Expect(page.Locator("#total-net")).ToHaveTextAsync("650 000 kronor");

        await Fill(page, "Form.Financing[0].Name", "Europeiska socialfonden");
        await Fill(page, "Form.Financing[0].Amount", "100000");

        // Signature.
        await Fill(page, "Form.Signature.Name", "Rektor Exempelsson");
        await Fill(page, "Form.Signature.NameInPrint", "Rektor Exempelsson");
        await Fill(page, "Form.Signature.Role", "Rektor");
        await Fill(page, "Form.Signature.Date", "2026-03-02");

        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "application-form-filled");

        await page.GetByRole(AriaRole.Button, new() { Name = "Granska och skicka in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Applications/Check/", StringComparison.Ordinal));
        await Expect(page.Locator("body")).ToContainTextAsync("650 000 kronor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka in ansökan" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Applications/Submitted/", StringComparison.Ordinal));
        await Expect(page.Locator("#registration-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^SKN 2026/\d+$"));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "application-submitted");
        app.CspViolations.Should().BeEmpty("the form's live sums run from wwwroot/js under a CSP without inline script");
    }

    [Fact]
    public async Task Submitting_an_incomplete_form_shows_an_error_summary_and_errors_beside_the_fields()
    {
        var page = await app.LoggedInPageAsync(Login.Applicant);
        await page.GotoAsync("/Applications/Edit");
        await Fill(page, "Form.Project.Name", "Ofullständig");
        await Fill(page, "Form.Organisation.PostalCode", "9318");
        await page.GetByRole(AriaRole.Button, new() { Name = "Granska och skicka in" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#Form_Organisation_PostalCode-error")).ToContainTextAsync("Postnummer");
        await Expect(page.Locator("#Form_Organisation_PostalCode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "application-form-errors");
    }

    private static Task Fill(IPage page, string name, string value) =>
        page.Locator("#" + name.Replace('.', '_').Replace('[', '_').Replace(']', '_')).FillAsync(value);
}
