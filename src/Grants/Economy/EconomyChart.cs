namespace Grants.Economy;

/// <summary>
/// The data of the server-rendered SVG chart (Economy/_EconomyChart.cshtml): committed, paid and remaining per year,
/// and per project granted against reported spending. The same rows feed the table that is the chart's text alternative.
/// </summary>
public sealed record EconomyChart(IReadOnlyList<YearTotals> Years, IReadOnlyList<ProjectSpending> Projects, bool SpendingReported)
{
    public const int BarAreaHeight = 200;

    /// <summary>The largest value on the year chart (at least 1, so an empty chart draws no division by zero).</summary>
    public long YearMax => Math.Max(1, Years.Select(y => Math.Max(y.NetCommitted, Math.Max(y.Paid, y.Remaining))).DefaultIfEmpty(0).Max());
    public long ProjectMax => Math.Max(1, Projects.Select(p => Math.Max(p.Granted, p.Reported ?? 0)).DefaultIfEmpty(0).Max());

    /// <summary>A bar's height in pixels, integer arithmetic.</summary>
    public static long Height(long value, long max) => value <= 0 ? 0 : Math.Max(1, value * BarAreaHeight / max);
    public static long Width(long value, long max, int full) => value <= 0 ? 0 : Math.Max(1, value * full / max);
}

public sealed record ProjectSpending(string ProjectName, long Granted, long? Reported);
