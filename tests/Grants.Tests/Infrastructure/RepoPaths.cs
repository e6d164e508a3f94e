namespace Grants.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = Find();
    public static string TestsProject => Path.Combine(Root, "tests", "Grants.Tests");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grants.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Grants.sln not found above the test output folder.");
    }
}
