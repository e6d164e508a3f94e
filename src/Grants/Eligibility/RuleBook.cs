using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace Grants.Eligibility;

/// <summary>Settings under "Rules".</summary>
public sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>Folder with rules/*.json, relative to the content root; when it does not exist the copy in the build output (rules/) is used.</summary>
    public string Folder { get; set; } = "../../rules";
}

/// <summary>Settings under "Eligibility".</summary>
public sealed class EligibilityOptions
{
    public const string Section = "Eligibility";

    /// <summary>The economic room for new projects in kronor until the economy feature computes it; empty = unknown.</summary>
    public long? EconomicRoom { get; set; }
}

/// <summary>
/// The rule set in force: loaded and compiled once when first needed (at start, by <see cref="EligibilityStartup"/>).
/// A broken file throws <see cref="RuleDefinitionException"/> and the application does not start.
/// </summary>
public sealed class RuleBook(IOptions<RulesOptions> options, IHostEnvironment env, IMeterFactory meters)
{
    public const string MeterName = "Grants.Eligibility";

    private readonly Lazy<RuleSet> _current = new(() => RuleSetLoader.LoadFolder(Resolve(options.Value.Folder, env.ContentRootPath)));
    private readonly Counter<long> _evaluated = meters.Create(MeterName).CreateCounter<long>("grants.eligibility.evaluations", description: "Rule set evaluations");
    private long _evaluations;

    public RuleSet Current => _current.Value;

    /// <summary>How many times this instance evaluated the rule set: the submit path must do it once (tests and the bench read it).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>Evaluates the rule set in force, counted (as <see cref="Evaluations"/> and as a metric).</summary>
    public RuleEvaluation Evaluate(ApplicationFacts facts)
    {
        Interlocked.Increment(ref _evaluations);
        _evaluated.Add(1);
        return Current.Evaluate(facts);
    }

    public static string Resolve(string configured, string contentRoot)
    {
        var primary = Path.GetFullPath(configured, contentRoot);
        if (Directory.Exists(primary)) return primary;
        var fallback = Path.Combine(AppContext.BaseDirectory, "rules");
        return Directory.Exists(fallback)
            ? fallback
            : throw new RuleDefinitionException($"Rules:Folder: mappen '{primary}' finns inte (och ingen kopia i '{fallback}').");
    }
}

/// <summary>Loads the rules at start so a broken file stops the application with a message naming file, rule and error.</summary>
public sealed class EligibilityStartup(RuleBook rules, ILogger<EligibilityStartup> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var set = rules.Current;
        log.LogInformation("Eligibility rules loaded: {Count} rules from {Files}, version {Version}", set.RuleCount, string.Join(", ", set.Files.Select(f => f.Name)), set.Version);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The default economic room: the configured figure (Eligibility:EconomicRoom). The economy feature replaces it.</summary>
public sealed class ConfiguredEconomicRoom(IOptions<EligibilityOptions> options) : Economy.IEconomicRoom
{
    public Task<long?> CurrentAsync(DateOnly asOf, CancellationToken ct) => Task.FromResult(options.Value.EconomicRoom);
}
