namespace Grants.Tests.Infrastructure;

/// <summary>Where tests keep files for people to look at: bin/&lt;config&gt;/net10.0/artifacts (gitignored with bin/).</summary>
public static class Artifacts
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static string PathFor(string fileName)
    {
        var safe = string.Concat(fileName.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '_' : c));
        return Path.Combine(Folder, safe);
    }
}

public static class Screenshots
{
    /// <summary>Full-page PNG in <see cref="Artifacts.Folder"/>; returns its path.</summary>
    public static async Task<string> TakeAsync(Microsoft.Playwright.IPage page, string name)
    {
        var path = Artifacts.PathFor(name.EndsWith(".png", StringComparison.Ordinal) ? name : name + ".png");
        await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
