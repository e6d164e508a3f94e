namespace Grants.Bench;

/// <param name="CpuMs">Process CPU time (all threads, the bench's own clients included) per request: less sensitive
/// than throughput to other work on a shared machine, so before/after comparisons stay readable under load.</param>
/// <param name="BusyCores">The whole machine's busy cores on average over the run (every process: a database server's
/// too), from /proc/stat; 0 where not measured. Near the core count, the side is bound by CPU; well below, by a lock or the disk.</param>
public sealed record LatencyStats(int Count, double Seconds, double P50Ms, double P99Ms, double CpuMs = 0, double BusyCores = 0)
{
    public double Throughput => Count / Seconds;

    public static LatencyStats From(List<double> latenciesMs, double seconds, double cpuMs = 0, double busyCoreSeconds = 0)
    {
        var sorted = latenciesMs.OrderBy(x => x).ToList();
        double P(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return new LatencyStats(sorted.Count, seconds, P(0.50), P(0.99), sorted.Count == 0 ? 0 : cpuMs / sorted.Count, seconds > 0 ? busyCoreSeconds / seconds : 0);
    }

    public override string ToString() =>
        $"{Throughput,8:F0} req/s   p50 {P50Ms,6:F2} ms   p99 {P99Ms,6:F2} ms   cpu {CpuMs,5:F2} ms/req" + (BusyCores > 0 ? $"   machine {BusyCores:F2} of {SubmitBench.MachineCores} cores busy" : "") + $"   (n={Count})";
}
