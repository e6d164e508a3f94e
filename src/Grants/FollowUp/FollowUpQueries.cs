using System.Security.Claims;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.FollowUp;

public sealed record ReportDto(Guid Id, Guid ApplicationId, ReportKind Kind, string Title, DateOnly DueDate, string State, string StateLabel,
    bool Extra, bool Skipped, int Versions, string? ReviewComment, int Version);

public sealed record ConditionDto(Guid Id, int Number, string Text, string? Funder, DateOnly? Deadline, ConditionStatus Status, string StatusLabel,
    string? ReportedComment, Guid? EvidenceAttachmentId, string? ConfirmedBy, string? ConfirmedComment);

public sealed record ProjectDto(Guid ApplicationId, string ProjectName, string? RegistrationNumber, string ApplicationState, int ParagraphNumber,
    DateOnly ProjectStart, DateOnly ProjectEnd, long Granted, string ResponsibleName, string ResponsibleEmail, bool Active,
    IReadOnlyList<ReportDto> Reports, IReadOnlyList<ConditionDto> Conditions, int Version);

/// <summary>One line of the kansli's overview.</summary>
public sealed record OverviewRow(Guid ApplicationId, string ProjectName, string? RegistrationNumber, string Organisation, string ApplicationState,
    string ResponsibleName, string? NextReportTitle, DateOnly? NextReportDue, int Overdue, int ConditionsPending, long Granted, long Reported);

public sealed class FollowUpQueries(GrantsDbContext db, ReportedSpending spending, Workflow.WorkflowRegistry registry, LocalClock clock)
{
    public async Task<ProjectDto?> ProjectAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        var app = await ApplicationAccess.Visible(db, user).AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null) return null;
        var plan = await db.ReportPlans.AsNoTracking().Include(p => p.Reports).ThenInclude(r => r.Versions).SingleOrDefaultAsync(p => p.ApplicationId == app.Id, ct);
        if (plan is null) return null;
        var conditions = await db.Conditions.AsNoTracking().Where(c => c.ApplicationId == app.Id).OrderBy(c => c.Number).ToListAsync(ct);
        return new ProjectDto(app.Id, app.ProjectName, app.RegistrationNumber, app.State, plan.ParagraphNumber, plan.ProjectStart, plan.ProjectEnd,
            plan.TotalGranted, plan.ResponsibleName, plan.ResponsibleEmail, plan.ActivatedAt is not null,
            plan.Reports.OrderBy(r => r.DueDate).Select(Dto).ToList(), conditions.Select(Dto).ToList(), plan.Version);
    }

    public ReportDto Dto(Report r) => new(r.Id, r.ApplicationId, r.Kind, r.Title, r.DueDate, r.State, ReportStateLabel(r), r.Extra, r.SkippedAt is not null,
        r.Versions.Count, r.ReviewComment, r.Version);

    public static ConditionDto Dto(Condition c) => new(c.Id, c.Number, c.Text, c.Funder, c.Deadline, c.Status, Condition.StatusLabel(c.Status),
        c.ReportedComment, c.EvidenceAttachmentId, c.ConfirmedBy, c.ConfirmedComment);

    /// <summary>The staff label of the report's state in aterrapport.json; "Struken" for a skipped report.</summary>
    public string ReportStateLabel(Report r) => r.SkippedAt is not null ? "Struken" : Label(Report.WorkflowKey, r.State);

    public string ApplicationStateLabel(string state) => Label(Application.WorkflowKey, state);

    private string Label(string key, string state) =>
        registry.IsLoaded && registry.CurrentOf(key).FindState(state) is { } s ? s.StaffLabel : state;

    /// <summary>The reports the user may see (an applicant: the own organisation's), soonest first.</summary>
    public async Task<List<(Report Report, string ProjectName)>> ReportsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = await FollowUpAccess.VisibleReports(db, user).AsNoTracking().Include(r => r.Versions)
            .Join(db.Applications, r => r.ApplicationId, a => a.Id, (r, a) => new { Report = r, a.ProjectName })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Report.DueDate).Select(r => (r.Report, r.ProjectName)).ToList();
    }

    /// <summary>Every project with an active or waiting plan: next report due, overdue, conditions pending, granted vs reported.</summary>
    public async Task<List<OverviewRow>> OverviewAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var plans = await db.ReportPlans.AsNoTracking().Include(p => p.Reports)
            .Join(db.Applications.Include(a => a.Organisation), p => p.ApplicationId, a => a.Id, (p, a) => new { Plan = p, App = a })
            .ToListAsync(ct);
        var pending = await db.Conditions.AsNoTracking().Where(c => c.Status != ConditionStatus.Met && c.Status != ConditionStatus.Declined)
            .GroupBy(c => c.ApplicationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var reported = (await spending.ForAsync(null, ct)).GroupBy(s => s.ApplicationId).ToDictionary(g => g.Key, g => g.Sum(s => s.Reported));
        return plans
            .Where(x => !x.App.State.Equals("avslutad", StringComparison.Ordinal) && !x.App.State.Equals("forfallen", StringComparison.Ordinal))
            .Select(x =>
            {
                var open = x.Plan.Reports.Where(r => r.IsOpen).OrderBy(r => r.DueDate).ToList();
                var next = open.FirstOrDefault();
                return new OverviewRow(x.App.Id, x.App.ProjectName, x.App.RegistrationNumber, x.App.Organisation?.Name ?? "", ApplicationStateLabel(x.App.State),
                    x.Plan.ResponsibleName, next?.Title, next?.DueDate, open.Count(r => r.DueDate < today), pending.GetValueOrDefault(x.App.Id),
                    x.Plan.TotalGranted, reported.GetValueOrDefault(x.App.Id));
            })
            .OrderBy(r => r.NextReportDue ?? DateOnly.MaxValue).ThenBy(r => r.ProjectName)
            .ToList();
    }

    public static Spreadsheet Sheet(IEnumerable<OverviewRow> rows)
    {
        var sheet = new Spreadsheet("Uppföljning", ["Diarienummer", "Projekt", "Sökande", "Status", "Ansvarig", "Nästa rapport", "Sista dag",
            "Försenade rapporter", "Villkor som väntar", "Beviljat (kronor)", "Redovisat (kronor)"]);
        foreach (var r in rows)
            sheet.Add(r.RegistrationNumber, r.ProjectName, r.Organisation, r.ApplicationState, r.ResponsibleName, r.NextReportTitle, r.NextReportDue,
                r.Overdue, r.ConditionsPending, r.Granted, r.Reported);
        return sheet;
    }
}
