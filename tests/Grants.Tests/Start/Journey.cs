using Grants.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Grants.Tests.Start;

/// <summary>
/// What every role's journey does at each step: axe-core (no serious or critical findings), at phone width no
/// horizontal scrolling of the page itself (wide tables and pictures scroll inside their captioned regions), and a
/// full-page screenshot in the artifacts folder.
/// </summary>
public static class Journey
{
    public const int Phone = 390;

    public static async Task<IPage> PageAsync(BrowserApp app, int width)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, width == Phone ? 844 : 900);
        return page;
    }

    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(Grants.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        // Generous: the sign-in hashes a password while the suite's other classes run beside it.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 60_000 });
    }

    public static async Task StepAsync(IPage page, int width, string name)
    {
        await Axe.AssertNoSeriousViolationsAsync(page);
        if (width <= Phone) await AssertNoSidewaysScrollAsync(page);
        await Screenshots.TakeAsync(page, $"journey-{name}-{width}");
    }

    /// <summary>The page is no wider than the screen; on failure names the widest elements outside a scroll region.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, inner) = (sizes[0], sizes[1]);
        if (scroll <= inner) return;
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll, .chart, .diagram-scroll'))" +
            ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))");
        scroll.Should().BeLessThanOrEqualTo(inner, "the page at {0} scrolls sideways; widest elements: {1}", page.Url, string.Join(", ", wide));
    }
}
