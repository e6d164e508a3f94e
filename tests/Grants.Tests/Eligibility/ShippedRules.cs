using Grants.Applications;
using Grants.Association;
using Grants.Eligibility;
using Grants.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Grants.Tests.Eligibility;

/// <summary>The shipped rules/*.json and the demo förbund's profile, for tests that evaluate without a host.</summary>
internal static class ShippedRules
{
    public static string Folder => Path.Combine(RepoPaths.Root, "rules");

    public static RuleSet Shipped { get; } = RuleSetLoader.LoadFolder(Folder);

    public static AssociationProfile Profile { get; } = LoadProfile();

    /// <summary>The demo economic room (§ 600): 3 427 732 − 1 220 000.</summary>
    public const long DemoRoom = 2_207_732;

    public static RuleEvaluation Evaluate(ApplicationForm form, RuleSet? rules = null, long? room = DemoRoom, ProgrammeFact? programme = null, DateOnly? today = null) =>
        (rules ?? Shipped).Evaluate(ApplicationFacts.From(form, Profile, room, programme, today ?? new DateOnly(2015, 5, 15)));

    public static IReadOnlyList<string> Codes(RuleEvaluation e) => e.Findings.Select(f => f.Code).ToList();

    /// <summary>The shipped files copied to a temp folder, with one file's text changed: a förbund editing its rules.</summary>
    public static string CopyWith(string fileName, Func<string, string> change)
    {
        var folder = Directory.CreateTempSubdirectory("grants-rules-").FullName;
        foreach (var f in Directory.GetFiles(Folder, "*.json"))
        {
            var text = File.ReadAllText(f);
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(f)), Path.GetFileName(f) == fileName ? change(text) : text);
        }
        return folder;
    }

    private static AssociationProfile LoadProfile()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "src", "Grants", "appsettings.json")).Build();
        var options = config.GetSection(AssociationOptions.Section).Get<AssociationOptions>()
            ?? throw new InvalidOperationException("appsettings.json has no Association section.");
        return AssociationProfile.FromOptions(options);
    }
}
