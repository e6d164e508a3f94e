using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.Applications;

/// <summary>The paged applications list in Chromium, wide and at 390 px: filter, pager, axe-core.</summary>
public sealed class ApplicationListBrowserTests(ApplicationListBrowserTests.ManyInBrowser app) : IClassFixture<ApplicationListBrowserTests.ManyInBrowser>
{
    public sealed class ManyInBrowser : BrowserApp
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            await ApplicationListTests.SeedAsync(scope.ServiceProvider.GetRequiredService<GrantsDbContext>(), 40, 0);
        }
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Kansli_filters_and_pages_through_the_list_and_the_filter_stays(int width, int height)
    {
        var page = await app.LoggedInPageAsync(Login.Secretariat);
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/Applications");
        await page.GetByLabel("Status").SelectOptionAsync("inkommen");
        await page.GetByLabel("Sök på diarienummer eller projektnamn").FillAsync("lista");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Expect(page.Locator("p.list-count")).ToHaveTextAsync("40 ansökningar matchar. Sida 1 av 2.");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Sidor i listan över ansökningar" });
        await Expect(pager.Locator("[aria-current=page]")).ToHaveTextAsync("Sida 1");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await pager.GetByRole(AriaRole.Link, new() { Name = "Nästa sida" }).ClickAsync();
        await Expect(page.Locator("p.list-count")).ToHaveTextAsync("40 ansökningar matchar. Sida 2 av 2.");
        await Expect(page.Locator("table.data tbody tr")).ToHaveCountAsync(15);
        await Expect(page.GetByLabel("Status")).ToHaveValueAsync("inkommen");
        await Expect(page.GetByLabel("Sök på diarienummer eller projektnamn")).ToHaveValueAsync("lista");
        // Nothing wider than the screen: the table stacks into cards and the pager wraps.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        overflow.Should().BeFalse();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, $"ansokningar-sida-2-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Visa alla" }).ClickAsync();
        await Expect(page.GetByLabel("Status")).ToHaveValueAsync("");
    }
}
