namespace Grants.Bench;

public sealed record LatencyStats(int Count, double Seconds, double P50Ms, double P99Ms)
{
    public double Throughput => Count / Seconds;

    public static LatencyStats From(List<double> latenciesMs, double seconds)
    {
        var sorted = latenciesMs.OrderBy(x => x).ToList();
        double P(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return new LatencyStats(sorted.Count, seconds, P(0.50), P(0.99));
    }

    public override string ToString() => $"{Throughput,8:F0} req/s   p50 {P50Ms,6:F2} ms   p99 {P99Ms,6:F2} ms   (n={Count})";
}
