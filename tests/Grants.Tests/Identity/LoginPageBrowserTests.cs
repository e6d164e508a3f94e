using Grants.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Grants.Tests.Identity;

public sealed class LoginPageBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Login_page_has_no_serious_accessibility_findings_and_shows_errors_beside_fields()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        (await page.TitleAsync()).Should().Contain("Logga in");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("E-post").FillAsync(Login.Applicant);
        await page.GetByLabel("Lösenord").FillAsync("fel-losenord-1A!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.Locator("#Email-error").Filter(new() { HasText = "Fel e-post eller lösenord" }).WaitForAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Demo_applicant_logs_in_through_the_form()
    {
        var page = await app.LoggedInPageAsync(Login.Applicant);
        await page.GotoAsync("/Applications");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "applications-index");
    }
}
