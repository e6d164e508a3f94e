using System.Net;
using Grants.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.Applications;

/// <summary>The applicant's application page in Chromium, wide and narrow: no generic "Nästa steg" box; withdrawal asks first.</summary>
public sealed class WithdrawalBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_applicant_sees_no_generic_step_and_withdrawal_asks_for_a_reason_first(int width, int height)
    {
        var api = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, Login.Applicant);
        var id = Api.IdOf(await api.CreateDraftAsync(Forms.Complete().Set("project.name", $"Återkallas {width}")));
        await (await api.SubmitAsync(id)).ExpectJsonAsync(HttpStatusCode.OK);

        var page = await app.LoggedInPageAsync(Login.Applicant);
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync($"/Applications/Details/{id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Återkallas {width}");
        await Expect(page.Locator("form[action='/Applications/Fire']")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Nästa steg")).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Återkalla ansökan" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Återkalla ansökan");
        // Asking is not doing: the application is still received.
        (await api.GetApplicationAsync(id))["state"]!.GetValue<string>().Should().Be("inkommen");
        await Axe.AssertNoSeriousViolationsAsync(page);

        // The browser's own required check is bypassed so the server's answer shows.
        await page.Locator("#Reason").EvaluateAsync("e => e.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, återkalla ansökan" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Ange varför ansökan återkallas.");
        await Axe.AssertNoSeriousViolationsAsync(page);
        (await api.GetApplicationAsync(id))["state"]!.GetValue<string>().Should().Be("inkommen");

        await page.GetByLabel("Skäl till återkallelsen (obligatoriskt)").FillAsync("Vi har fått medel från kommunen i stället.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, återkalla ansökan" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Återkallas {width}");
        (await api.GetApplicationAsync(id))["state"]!.GetValue<string>().Should().Be("aterkallad");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Återkalla ansökan" })).ToHaveCountAsync(0);
    }
}
