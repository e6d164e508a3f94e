using System.Diagnostics;
using Grants.Eligibility;
using RulesEngine.Models;

namespace Grants.Bench;

/// <summary>
/// For comparison only: the same rule files run through RulesEngine's own ExecuteAllRulesAsync (its default path,
/// which the application does not use). The files are in RulesEngine's format, so they load unchanged.
/// </summary>
internal static class RulesEngineDefault
{
    public static async Task<RulesBench.Result> MeasureAsync(string folder, List<ApplicationFacts> facts)
    {
        var workflows = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => Newtonsoft.Json.JsonConvert.DeserializeObject<RulesEngine.Models.Workflow[]>(File.ReadAllText(f)) ?? [])
            .ToArray();
        var engine = new RulesEngine.RulesEngine(workflows, RuleSetLoader.Settings());
        async Task<int> RunAsync(ApplicationFacts f)
        {
            var n = 0;
            foreach (var wf in workflows)
                n += (await engine.ExecuteAllRulesAsync(wf.WorkflowName, new RuleParameter(RuleSetLoader.InputName, f))).Count(r => r.IsSuccess);
            return n;
        }
        foreach (var f in facts.Take(200)) await RunAsync(f);
        GC.Collect();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var sink = 0;
        foreach (var f in facts) sink += await RunAsync(f);
        watch.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        if (sink < 0) Console.WriteLine(sink);
        return new RulesBench.Result($"RulesEngine default path ({facts.Count} apps)", facts.Count / watch.Elapsed.TotalSeconds, watch.Elapsed.TotalMicroseconds / facts.Count, bytes / (double)facts.Count);
    }
}
