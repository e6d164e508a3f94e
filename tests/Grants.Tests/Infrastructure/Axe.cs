using System.Text.Json;
using Microsoft.Playwright;

namespace Grants.Tests.Infrastructure;

/// <summary>axe-core (npm package pinned in tests/Grants.Tests/package.json) run inside the page.</summary>
public static class Axe
{
    public sealed record Violation(string Id, string Impact, string Help, string[] Targets);

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepoPaths.TestsProject, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing; run `npm ci` in tests/Grants.Tests (tests/run.sh does).");
    });

    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            // Evaluated over the DevTools protocol rather than added as an inline <script>, which the app's CSP blocks.
            await page.EvaluateAsync("() => {\n" + Source.Value + "\n}");
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.map(v => ({
                id: v.id, impact: v.impact || 'unknown', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        return json.Deserialize<Violation[]>(Api.Web) ?? [];
    }

    /// <summary>Fails listing every serious or critical violation on the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var serious = (await RunAsync(page)).Where(v => v.Impact is "serious" or "critical").ToList();
        serious.Should().BeEmpty("axe-core found on {0}:\n{1}", page.Url,
            string.Join("\n", serious.Select(v => $"  [{v.Impact}] {v.Id}: {v.Help} at {string.Join(", ", v.Targets)}")));
    }

    /// <summary>axe-core at desktop (1280) and phone (390) width with a screenshot of each, then back to desktop.</summary>
    public static async Task AssertAtBothWidthsAsync(IPage page, string screenshot)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            await AssertNoSeriousViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"{screenshot}-{width}");
        }
        await page.SetViewportSizeAsync(1280, 900);
    }
}
