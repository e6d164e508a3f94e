namespace Grants.Economy;

/// <summary>One project's commitments for the report's year, summed (a project may have several decisions).</summary>
public sealed record ProjectRow(
    string Key,
    Guid? ApplicationId,
    string ProjectName,
    string? RegistrationNumber,
    string Recipient,
    CommitmentStatus Status,
    long Committed,
    long Released,
    long Lapsed,
    long NetCommitted,
    long Paid,
    long Remaining,
    long Requisitioned,
    IReadOnlyList<CommitmentFigures> Commitments);

/// <summary>
/// The economic report (§ 600) for one budget year as of a date. Every figure is a sum of rows kept beside it,
/// so the drill-down can show what each is made of.
/// </summary>
public sealed record EconomicReport(
    int Year,
    DateOnly AsOf,
    bool Closed,
    IReadOnlyList<BudgetLine> Contributions,
    IReadOnlyList<BudgetLine> OtherIncome,
    IReadOnlyList<BudgetLine> OperatingCosts,
    IReadOnlyList<ActualEntry> Actuals,
    IReadOnlyList<ProjectRow> Projects,
    long CarriedOverSurplus,
    long RecommendedMaxEquity)
{
    public long ActualIncome => Actuals.Where(a => a.Kind == ActualKind.Income).Sum(a => a.Amount);
    public long ActualCosts => Actuals.Where(a => a.Kind == ActualKind.Cost).Sum(a => a.Amount);
    public long PaidSoFar => Projects.Sum(p => p.Paid);

    /// <summary>Resultat hittills: income received − own costs booked − payments to projects, up to the date.</summary>
    public long ResultSoFar => ActualIncome - ActualCosts - PaidSoFar;

    public long ContributionsTotal => Contributions.Sum(l => l.Amount);
    public long OtherIncomeTotal => OtherIncome.Sum(l => l.Amount);
    /// <summary>Intäkter: the members' contributions and other income for the year.</summary>
    public long ForecastIncome => ContributionsTotal + OtherIncomeTotal;

    public long OperatingCostsTotal => OperatingCosts.Sum(l => l.Amount);
    /// <summary>Tidigare beslut: every commitment for the year decided by the date, net of releases (conditional ones included).</summary>
    public long CommitmentsTotal => Projects.Sum(p => p.NetCommitted);
    /// <summary>The part of <see cref="CommitmentsTotal"/> still waiting on conditions.</summary>
    public long ConditionalTotal => Projects.Where(p => p.Status == CommitmentStatus.ConditionalPending).Sum(p => p.NetCommitted);
    /// <summary>Prognos förbrukning: own operating costs plus earlier decisions.</summary>
    public long ForecastCosts => OperatingCostsTotal + CommitmentsTotal;

    public long ForecastResult => ForecastIncome - ForecastCosts;
    public long ForecastResultInclSurplus => ForecastResult + CarriedOverSurplus;

    /// <summary>Ekonomiskt utrymme för nya verksamheter och projekt (§ 600).</summary>
    public long Room => ForecastResultInclSurplus - RecommendedMaxEquity;

    public long RemainingTotal => Projects.Sum(p => p.Remaining);
}

/// <summary>Committed (net), paid and remaining money for one year: a bar group in the chart.</summary>
public sealed record YearTotals(int Year, long NetCommitted, long Paid, long Remaining, long Conditional);
