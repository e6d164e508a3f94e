using Grants.Identity;
using Grants.Tests.Identity;
using Grants.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace Grants.Tests.Organisations;

/// <summary>
/// A production-configured host (no demo data) with a real SMTP server: an applicant registers, confirms through
/// the mail, creates the organisation; a colleague registers for the same organisationsnummer and joins once the
/// first approves. axe-core on every page at 1280 and 390 px.
/// </summary>
public sealed class ApplicantBrowserTests(GoLiveApp app) : IClassFixture<GoLiveApp>
{
    private const string OrgNr = "802400-7893";
    private const string FirstEmail = "frida@grannforeningen.example";
    private const string SecondEmail = "gustav@grannforeningen.example";

    [Fact]
    public async Task An_applicant_registers_confirms_creates_the_organisation_and_a_colleague_joins_after_approval()
    {
        var first = await app.NewPageAsync();
        await RegisterAsync(first, "Frida Först", FirstEmail);
        var confirmation = await MailToAsync(FirstEmail, "Bekräfta din e-postadress");
        await ConfirmAsync(first, confirmation);
        await first.GetByText("organisationen Grannföreningen är skapad med dig som första medlem").WaitForAsync();
        await SignInAsync(first, FirstEmail);
        await first.GetByRole(AriaRole.Link, new() { Name = "Min organisation" }).ClickAsync();
        await first.GetByRole(AriaRole.Heading, new() { Name = "Grannföreningen", Exact = true }).WaitForAsync();
        await CheckAsync(first, "min-organisation");

        var second = await app.NewPageAsync();
        await RegisterAsync(second, "Gustav Granne", SecondEmail);
        await ConfirmAsync(second, await MailToAsync(SecondEmail, "Bekräfta din e-postadress"));
        await second.GetByText("behöver godkänna dig").WaitForAsync();
        await SignInAsync(second, SecondEmail);
        await second.GotoAsync("/Account/Manage");
        await second.GetByText("Väntar på godkännande för Grannföreningen").WaitForAsync();
        await CheckAsync(second, "mitt-konto-vantar");
        (await second.GetByRole(AriaRole.Link, new() { Name = "Min organisation" }).CountAsync()).Should().Be(0, "a pending member is not in the organisation");

        (await MailToAsync(FirstEmail, "Gustav Granne vill gå med")).TextBody.Should().Contain("/Organisations/Members");
        await first.ReloadAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Godkänn Gustav Granne" }).ClickAsync();
        await first.GetByText("Personen är godkänd").WaitForAsync();
        await CheckAsync(first, "min-organisation-godkand");
        (await MailToAsync(SecondEmail, "Välkommen till Grannföreningen")).TextBody.Should().Contain("medlem");

        await second.ReloadAsync();
        await second.GetByRole(AriaRole.Link, new() { Name = "Min organisation" }).ClickAsync();
        await second.GetByText("Frida Först (" + FirstEmail + ")").WaitForAsync();
        await CheckAsync(second, "kollegan-medlem");
        app.CspViolations.Should().BeEmpty();
    }

    private async Task RegisterAsync(IPage page, string name, string email)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Skapa konto" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Skapa konto" }).WaitForAsync();
        await CheckAsync(page, "skapa-konto");
        await page.GetByLabel("Ditt namn").FillAsync(name);
        await page.GetByLabel("E-post").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync("kort");
        await page.Locator("#Input_Confirm").FillAsync("kort");
        await page.GetByLabel("Organisationsnummer").FillAsync("802400-7894");
        await page.GetByLabel("Organisationens namn").FillAsync("Grannföreningen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await page.Locator("#Input_OrganisationNumber-error").WaitForAsync();
        await CheckAsync(page, "skapa-konto-fel");
        await page.Locator("#Input_Password").FillAsync(ApplicantPages.Password);
        await page.Locator("#Input_Confirm").FillAsync(ApplicantPages.Password);
        await page.GetByLabel("Organisationsnummer").FillAsync(OrgNr);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await page.GetByText(ApplicantRegistration.Answer).WaitForAsync();
        await CheckAsync(page, "skapa-konto-skickat");
    }

    private async Task ConfirmAsync(IPage page, MimeMessage mail)
    {
        await page.GotoAsync(new Uri(ApplicantPages.LinkIn(mail.TextBody ?? "")).PathAndQuery);
        await CheckAsync(page, "bekrafta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekräfta" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Klart" }).WaitForAsync();
        await CheckAsync(page, "bekraftad");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(ApplicantPages.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
    }

    /// <summary>axe-core at desktop and phone width, with a screenshot of each.</summary>
    private static Task CheckAsync(IPage page, string step) => Axe.AssertAtBothWidthsAsync(page, $"sokande-{step}");

    private Task<MimeMessage> MailToAsync(string to, string subject) => MailWait.ToAsync(app, app.Smtp, to, subject);
}
