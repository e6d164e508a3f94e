namespace Grants.Economy;

/// <summary>
/// The data of the server-rendered SVG chart (Economy/_EconomyChart.cshtml): committed, paid and remaining per year,
/// and per project granted against reported spending. The same rows feed the table that is the chart's text alternative.
/// </summary>
public sealed record EconomyChart(IReadOnlyList<YearTotals> Years, IReadOnlyList<ProjectSpending> Projects, bool SpendingReported)
{
    public const int BarAreaHeight = 200;
    /// <summary>Gridlines above zero on the value axis.</summary>
    public const int TickCount = 4;

    /// <summary>The top of the year chart's value axis: the largest value rounded up to a whole number of ticks.</summary>
    public long YearMax => AxisMax(Years.Select(y => Math.Max(y.NetCommitted, Math.Max(y.Paid, y.Remaining))));
    public long ProjectMax => AxisMax(Projects.Select(p => Math.Max(p.Granted, p.Reported ?? 0)));

    /// <summary>A bar's height in pixels, integer arithmetic.</summary>
    public static long Height(long value, long max) => value <= 0 ? 0 : Math.Max(1, value * BarAreaHeight / max);
    public static long Width(long value, long max, int full) => value <= 0 ? 0 : Math.Max(1, value * full / max);

    /// <summary>The values at the axis ticks, 0 first.</summary>
    public static IReadOnlyList<long> Ticks(long max) => Enumerable.Range(0, TickCount + 1).Select(i => max / TickCount * i).ToList();

    /// <summary>
    /// The largest value rounded up so that each of the <see cref="TickCount"/> steps is 1, 2, 2.5 or 5 times a power
    /// of ten (readable tick labels); at least 1, so an empty chart draws no division by zero.
    /// </summary>
    public static long AxisMax(IEnumerable<long> values)
    {
        var largest = values.DefaultIfEmpty(0).Max();
        if (largest <= 0) return TickCount;
        var rawStep = (double)largest / TickCount;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rawStep)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * power).First(s => s >= rawStep);
        return (long)Math.Ceiling(step) * TickCount;
    }

    /// <summary>A short axis label in Swedish: "1,5 mnkr", "250 tkr", "900 kr".</summary>
    public static string Short(long value) => value switch
    {
        0 => "0",
        >= 1_000_000 => (value / 1_000_000m).ToString("0.##", Sv) + " mnkr",
        >= 1_000 => (value / 1_000m).ToString("0.#", Sv) + " tkr",
        _ => value.ToString(Sv) + " kr",
    };

    private static readonly System.Globalization.CultureInfo Sv = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
}

public sealed record ProjectSpending(string ProjectName, long Granted, long? Reported);
