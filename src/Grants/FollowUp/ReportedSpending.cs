using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.FollowUp;

/// <summary>Granted and reported spending of one project and year, whole kronor.</summary>
public sealed record ProjectYearSpending(Guid ApplicationId, int Year, long Granted, long Reported);

/// <summary>
/// The query the economy feature reads: per project and year, what the decision granted and what the
/// applicant has reported spent. The reported figure of a year is the one in the latest handed-in version
/// of any report that accounts for that year (a later report supersedes an earlier one).
/// </summary>
public sealed class ReportedSpending(GrantsDbContext db) : Economy.IReportedSpending
{
    /// <summary>For the economy's chart: what each project reported spent in the year.</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> ForYearAsync(int year, CancellationToken ct) =>
        (await ForAsync(null, ct)).Where(s => s.Year == year && s.Reported != 0)
            .GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.Sum(s => s.Reported));

    public async Task<IReadOnlyList<ProjectYearSpending>> ForAsync(IReadOnlyCollection<Guid>? applicationIds, CancellationToken ct)
    {
        var plans = db.ReportPlans.AsNoTracking().Where(p => p.ActivatedAt != null);
        if (applicationIds is not null) plans = plans.Where(p => applicationIds.Contains(p.ApplicationId));
        var granted = await plans.Select(p => new { p.ApplicationId, p.Granted }).ToListAsync(ct);
        var ids = granted.Select(g => g.ApplicationId).ToList();
        var versions = await db.ReportVersions.AsNoTracking()
            .Join(db.Reports.Where(r => ids.Contains(r.ApplicationId)), v => v.ReportId, r => r.Id, (v, r) => new { r.ApplicationId, v.SubmittedAt, v.Id, v.FormJson })
            .ToListAsync(ct);
        var reported = new Dictionary<(Guid, int), long>();
        foreach (var v in versions.OrderBy(v => v.SubmittedAt).ThenBy(v => v.Id))
            foreach (var row in System.Text.Json.JsonSerializer.Deserialize<ReportForm>(v.FormJson, ReportJson.Options)?.Economy ?? [])
                reported[(v.ApplicationId, row.Year)] = row.Total;

        var result = new List<ProjectYearSpending>();
        foreach (var g in granted)
        {
            var years = g.Granted.Select(x => x.Year).Union(reported.Keys.Where(k => k.Item1 == g.ApplicationId).Select(k => k.Item2)).Order();
            foreach (var year in years)
                result.Add(new ProjectYearSpending(g.ApplicationId, year, g.Granted.Where(x => x.Year == year).Sum(x => x.Amount), reported.GetValueOrDefault((g.ApplicationId, year))));
        }
        return result;
    }
}
