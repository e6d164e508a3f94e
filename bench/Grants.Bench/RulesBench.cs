using System.Diagnostics;
using Grants.Association;
using Grants.Eligibility;

namespace Grants.Bench;

/// <summary>
/// The full rule set (rules/*.json, compiled once) over generated applications, beside the same checks hand-written
/// in C# and RulesEngine's own execution path, all measured in this run.
///   dotnet run -c Release --project bench/Grants.Bench -- rules [count] [rounds]
/// </summary>
public static class RulesBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var folder = Path.Combine(RepoRoot(), "rules");

        var load = Stopwatch.StartNew();
        var rules = RuleSetLoader.LoadFolder(folder);
        load.Stop();
        var facts = Generate(count, new Random(2015));
        Console.WriteLine($"Rule set: {rules.RuleCount} rules in {rules.Files.Count} files, loaded and compiled in {load.Elapsed.TotalMilliseconds:0} ms (once, at start).");
        Console.WriteLine($"Applications: {count} generated; {rounds} interleaved rounds per path after warm-up, median round shown.");

        var disagreements = facts.Count(f => !Same(rules.Evaluate(f).Findings, HandWrittenRules.Evaluate(f)));
        Console.WriteLine($"JSON rules and hand-written C# agree on {count - disagreements} of {count} applications.");

        // Both paths share code (RuleText, Regex, LINQ) that the JIT re-compiles in tiers while it runs: warm both up
        // first, then interleave their rounds so neither benefits from running later.
        Func<ApplicationFacts, int> jsonPath = f => rules.Evaluate(f).Findings.Count;
        Func<ApplicationFacts, int> handPath = f => HandWrittenRules.Evaluate(f).Count;
        for (var w = 0; w < 3; w++) { Measure("", facts, 1, jsonPath); Measure("", facts, 1, handPath); }
        var jsonRounds = new List<Result>();
        var handRounds = new List<Result>();
        for (var r = 0; r < rounds; r++)
        {
            jsonRounds.Add(Measure("rules/*.json, compiled delegates", facts, 1, jsonPath));
            handRounds.Add(Measure("hand-written C# (baseline)", facts, 1, handPath));
        }
        var json = Median(jsonRounds);
        var hand = Median(handRounds);
        var engine = await RulesEngineDefault.MeasureAsync(folder, facts.Take(Math.Min(count, 2_000)).ToList());
        Console.WriteLine();
        Console.WriteLine($"{"path",-38} {"evaluations/s",14} {"µs/evaluation",14} {"bytes/evaluation",17} {"× hand-written",15}");
        foreach (var r in new[] { json, hand, engine })
            Console.WriteLine($"{r.Name,-38} {r.PerSecond,14:N0} {r.Microseconds,14:0.00} {r.Bytes,17:N0} {r.Microseconds / hand.Microseconds,15:0.0}");
    }

    public sealed record Result(string Name, double PerSecond, double Microseconds, double Bytes);

    private static Result Median(List<Result> rounds) => rounds.OrderBy(r => r.Microseconds).ElementAt(rounds.Count / 2);

    private static Result Measure(string name, List<ApplicationFacts> facts, int rounds, Func<ApplicationFacts, int> evaluate)
    {
        var sink = 0;
        GC.Collect();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var f in facts) sink += evaluate(f);
        watch.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        var n = (double)rounds * facts.Count;
        if (sink < 0) Console.WriteLine(sink);
        return new Result(name, n / watch.Elapsed.TotalSeconds, watch.Elapsed.TotalMicroseconds / n, bytes / n);
    }

    private static bool Same(IReadOnlyList<RuleFinding> a, IReadOnlyList<RuleFinding> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Code == p.Second.Code && p.First.Level == p.Second.Level && p.First.Message == p.Second.Message && p.First.Clause == p.Second.Clause)
        || a.Select(x => (x.Code, x.Level, x.Message, x.Clause)).Order().SequenceEqual(b.Select(x => (x.Code, x.Level, x.Message, x.Clause)).Order());

    private static readonly MemberFact[] Members =
    [
        new("fk", "Forsakringskassan", "Försäkringskassan", "Försäkringskassans"),
        new("af", "Arbetsformedlingen", "Arbetsförmedlingen", "Arbetsförmedlingens"),
        new("skelleftea", "Kommun", "Skellefteå kommun", "Skellefteå kommuns"),
        new("norsjo", "Kommun", "Norsjö kommun", "Norsjö kommuns"),
        new("region-vb", "Region", "Region Västerbotten", "Region Västerbottens"),
    ];

    private static readonly string[] Categories = ["UngaUtanSysselsattning", "Forsorjningsstod", "Aktivitetsersattning", "Sjukskrivna", "Funktionsnedsattning", "NyanlandaMedUppehallstillstand", "Asylsokande", "Langtidsarbetslosa"];
    private static readonly string[] Types = ["Kommun", "Region", "IdeellForening", "Stiftelse", "Aktiebolag", "ArbetsintegrerandeSocialtForetag"];

    /// <summary>Applications spread over the rules' edges: some fire each rule, most pass most rules.</summary>
    private static List<ApplicationFacts> Generate(int count, Random rnd)
    {
        var list = new List<ApplicationFacts>(count);
        for (var i = 0; i < count; i++)
        {
            var start = new DateTime(2026, 1, 1).AddDays(rnd.Next(0, 365));
            var years = rnd.Next(1, 5);
            var end = rnd.Next(20) == 0 ? (DateTime?)null : start.AddMonths(rnd.Next(3, 12 * years + 6));
            var budget = Enumerable.Range(0, years).Select(y =>
            {
                var cost = rnd.Next(50, 900) * 1_000L;
                var income = rnd.Next(3) == 0 ? cost / 3 : 0;
                return new BudgetYearFact(start.Year + y, cost, income, cost - income);
            }).ToList();
            var ageMin = rnd.Next(14, 40);
            var programme = rnd.Next(5) == 0 ? new ProgrammeFact("Unga vuxna", null, null, 16, 29, 500_000, new DateTime(2026, 9, 30)) : null;
            list.Add(new ApplicationFacts
            {
                OrganisationName = $"Organisation {i}",
                OrganisationType = Types[rnd.Next(Types.Length)],
                ProjectName = $"Projekt {i}",
                Purpose = "Samordnade insatser för deltagare som behöver stöd från flera myndigheter.",
                Activities = rnd.Next(15) == 0 ? "Handläggarna upprättar SIP för varje deltagare." : "Kartläggning, praktik och individuellt stöd.",
                BoundariesAndAddedValue = "Insatserna kompletterar ordinarie verksamhet.",
                Implementation = rnd.Next(10) == 0 ? "" : "Arbetssättet förs in i huvudmännens verksamhet.",
                GoalsCount = rnd.Next(10) == 0 ? 0 : rnd.Next(1, 4),
                StartDate = start,
                EndDate = end,
                DurationMonths = end is { } e ? (e.Year - start.Year) * 12 + e.Month - start.Month + 1 : null,
                TargetCategories = Enumerable.Range(0, rnd.Next(1, 3)).Select(_ => Categories[rnd.Next(Categories.Length)]).Distinct().ToList(),
                Participants = rnd.Next(5, 60),
                AgeMin = ageMin,
                AgeMax = ageMin + rnd.Next(3, 40),
                ParticipatingMembers = Members.OrderBy(_ => rnd.Next()).Take(rnd.Next(1, 4)).ToList(),
                BudgetYears = budget,
                TotalCosts = budget.Sum(b => b.TotalCosts),
                Income = budget.Sum(b => b.Income),
                NetCost = budget.Sum(b => b.NetCost),
                Financing = rnd.Next(3) == 0 ? [new FunderFact("Europeiska socialfonden", 300_000, rnd.Next(2) == 0 ? "Sokt" : "Beviljad")] : [],
                ResponsibleName = rnd.Next(20) == 0 ? "" : "Projektledare",
                SignatureName = rnd.Next(20) == 0 ? "" : "Firmatecknare",
                SignatureDate = rnd.Next(20) == 0 ? null : start.AddDays(-30),
                AssociationName = "Samordningsförbundet Skellefteå-Norsjö",
                AssociationMembers = [.. Members],
                EconomicRoom = 2_207_732,
                Programme = programme,
                Today = new DateTime(2026, 3, 2),
            });
        }
        return list;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Grants.sln"))) return dir.FullName;
        throw new InvalidOperationException("Grants.sln not found above the benchmark's output folder.");
    }
}
