using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Economy;

/// <summary>Reads the economy: budget years, the report as of a date, commitments with their figures.</summary>
public sealed class EconomyQueries(GrantsDbContext db, Shared.LocalClock clock, Workflow.IWorkflowHistory history)
{
    public Task<List<BudgetYear>> YearsAsync(CancellationToken ct) =>
        db.BudgetYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);

    public Task<BudgetYear?> YearAsync(int year, CancellationToken ct) =>
        db.BudgetYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);

    public Task<List<BudgetLine>> LinesAsync(int year, CancellationToken ct) =>
        db.BudgetLines.AsNoTracking().Where(l => l.Year == year).OrderBy(l => l.Kind).ThenBy(l => l.Label).ToListAsync(ct);

    public Task<List<ActualEntry>> ActualsAsync(int year, CancellationToken ct) =>
        db.ActualEntries.AsNoTracking().Where(a => a.Year == year).OrderBy(a => a.Date).ThenBy(a => a.RecordedAt).ToListAsync(ct);

    /// <summary>The report for the budget year of <paramref name="asOf"/>; null when that year has no budget.</summary>
    public async Task<EconomicReport?> ReportAsync(DateOnly asOf, CancellationToken ct)
    {
        var budget = await YearAsync(asOf.Year, ct);
        if (budget is null) return null;
        var lines = await LinesAsync(asOf.Year, ct);
        var actuals = (await db.ActualEntries.AsNoTracking().Where(a => a.Year == asOf.Year).ToListAsync(ct))
            .Where(a => a.Date <= asOf).OrderBy(a => a.Date).ToList();
        var figures = await FiguresAsync(asOf.Year, asOf, ct);
        return new EconomicReport(
            asOf.Year, asOf, budget.Closed,
            lines.Where(l => l.Kind == BudgetLineKind.Contribution).ToList(),
            lines.Where(l => l.Kind == BudgetLineKind.OtherIncome).ToList(),
            lines.Where(l => l.Kind == BudgetLineKind.OperatingCost).ToList(),
            actuals, ProjectsOf(figures), budget.CarriedOverSurplus, budget.RecommendedMaxEquity);
    }

    /// <summary>
    /// The economic room (§ 600) as of a date without the rest of the report: the eligibility rules read it on every
    /// submit, and it needs neither the booked actuals nor the requisitions. Null when that year has no budget.
    /// </summary>
    public async Task<long?> RoomAsync(DateOnly asOf, CancellationToken ct)
    {
        var budget = await YearAsync(asOf.Year, ct);
        if (budget is null) return null;
        var lines = await LinesAsync(asOf.Year, ct);
        var figures = await FiguresAsync(asOf.Year, asOf, ct, withRequisitions: false);
        return new EconomicReport(
            asOf.Year, asOf, budget.Closed,
            lines.Where(l => l.Kind == BudgetLineKind.Contribution).ToList(),
            lines.Where(l => l.Kind == BudgetLineKind.OtherIncome).ToList(),
            lines.Where(l => l.Kind == BudgetLineKind.OperatingCost).ToList(),
            [], ProjectsOf(figures), budget.CarriedOverSurplus, budget.RecommendedMaxEquity).Room;
    }

    /// <summary>Every commitment (of one year, or all when null) decided by <paramref name="asOf"/> with its figures as of then.</summary>
    /// <param name="withRequisitions">False leaves the requisitions out (nothing in the room depends on them).</param>
    public async Task<List<CommitmentFigures>> FiguresAsync(int? year, DateOnly? asOf, CancellationToken ct, bool withRequisitions = true)
    {
        var query = db.Commitments.AsNoTracking();
        if (year is { } y) query = query.Where(c => c.Year == y);
        var commitments = (await query.ToListAsync(ct)).Where(c => asOf is not { } a || c.DecisionDate <= a).ToList();
        if (commitments.Count == 0) return [];
        var ids = commitments.Select(c => c.Id).ToList();
        var payments = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.CommitmentId)).ToListAsync(ct);
        var releases = await db.CommitmentReleases.AsNoTracking().Where(r => ids.Contains(r.CommitmentId)).ToListAsync(ct);
        var requisitions = withRequisitions ? await db.Requisitions.AsNoTracking().Where(r => ids.Contains(r.CommitmentId)).ToListAsync(ct) : [];
        var appIds = commitments.Where(c => c.ApplicationId is not null).Select(c => c.ApplicationId!.Value).Distinct().ToList();
        var states = appIds.Count == 0 ? new Dictionary<Guid, string>() : await db.Applications.AsNoTracking().Where(a => appIds.Contains(a.Id))
            .Select(a => new { a.Id, a.State }).ToDictionaryAsync(a => a.Id, a => a.State, ct);
        if (asOf is { } date) await StatesAsOfAsync(states, date, ct);
        return commitments
            .OrderBy(c => c.Year).ThenBy(c => c.DecisionDate).ThenBy(c => c.ProjectName)
            .Select(c => CommitmentFigures.Of(c, c.ApplicationId is { } id ? states.GetValueOrDefault(id) : null, asOf, payments, releases, requisitions))
            .ToList();
    }

    /// <summary>
    /// An application that lapsed (or was withdrawn) after the report's date was still owed then: its state before the
    /// lapse (from the workflow's transition record) is used instead. Without a recorded transition the current state stands.
    /// </summary>
    private async Task StatesAsOfAsync(Dictionary<Guid, string> states, DateOnly asOf, CancellationToken ct)
    {
        var lapsed = states.Where(s => CommitmentFigures.LapsedStates.Contains(s.Value)).Select(s => s.Key.ToString()).ToList();
        if (lapsed.Count == 0) return;
        var entries = await history.LastEntriesAsync(Applications.Application.SubjectType, lapsed, CommitmentFigures.LapsedStates, ct);
        foreach (var e in entries)
            if (clock.DateOf(e.At) > asOf && e.FromState is { } before) states[Guid.Parse(e.SubjectId)] = before;
    }

    public async Task<CommitmentFigures?> CommitmentAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Commitments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var state = c.ApplicationId is { } appId ? await db.Applications.AsNoTracking().Where(a => a.Id == appId).Select(a => a.State).SingleOrDefaultAsync(ct) : null;
        return CommitmentFigures.Of(c, state, null,
            await db.Payments.AsNoTracking().Where(p => p.CommitmentId == id).ToListAsync(ct),
            await db.CommitmentReleases.AsNoTracking().Where(r => r.CommitmentId == id).ToListAsync(ct),
            await db.Requisitions.AsNoTracking().Where(r => r.CommitmentId == id).ToListAsync(ct));
    }

    /// <summary>Committed, paid and remaining per year, as of a date: the chart's data.</summary>
    public async Task<List<YearTotals>> YearTotalsAsync(DateOnly asOf, CancellationToken ct)
    {
        var figures = await FiguresAsync(null, asOf, ct);
        var years = (await db.BudgetYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct))
            .Concat(figures.Select(f => f.Commitment.Year)).Distinct().OrderBy(y => y);
        return years.Select(y =>
        {
            var of = figures.Where(f => f.Commitment.Year == y).ToList();
            return new YearTotals(y, of.Sum(f => f.NetCommitted), of.Sum(f => f.Paid), of.Sum(f => f.Remaining),
                of.Where(f => f.Status == CommitmentStatus.ConditionalPending).Sum(f => f.NetCommitted));
        }).ToList();
    }

    /// <summary>Groups one year's commitments by project: the application, or the project name for one recorded by hand.</summary>
    public static List<ProjectRow> ProjectsOf(IEnumerable<CommitmentFigures> figures) =>
        figures
            .GroupBy(f => ProjectKey(f.Commitment))
            .Select(g =>
            {
                var first = g.First().Commitment;
                var status = g.Any(f => f.Status == CommitmentStatus.ConditionalPending) ? CommitmentStatus.ConditionalPending
                    : g.All(f => f.Status == CommitmentStatus.Lapsed) ? CommitmentStatus.Lapsed : CommitmentStatus.Firm;
                return new ProjectRow(g.Key, first.ApplicationId, first.ProjectName, first.RegistrationNumber, first.Recipient, status,
                    g.Sum(f => f.Commitment.Amount), g.Sum(f => f.Released), g.Sum(f => f.Lapsed), g.Sum(f => f.NetCommitted),
                    g.Sum(f => f.Paid), g.Sum(f => f.Remaining), g.Sum(f => f.Requisitioned), g.ToList());
            })
            .OrderBy(p => p.ProjectName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))
            .ToList();

    public static string ProjectKey(Commitment c) => c.ApplicationId?.ToString() ?? "namn:" + c.ProjectName.Trim().ToLowerInvariant();
}
