using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.Extensions.Options;

namespace Grants.FollowUp;

/// <summary>
/// Computes a plan's reports from the project period and the förbund's settings, creates them as workflow
/// subjects, and recomputes them when the period changes without touching what is already handed in.
/// </summary>
public sealed class ReportPlanner(GrantsDbContext db, IWorkflowEngine engine, IOptions<FollowUpOptions> options)
{
    public sealed record PlannedReport(ReportKind Kind, DateOnly DueDate);

    /// <summary>Status reports on each status date strictly inside the period (the final report covers the last part), then the final report.</summary>
    public IReadOnlyList<PlannedReport> Schedule(DateOnly start, DateOnly end)
    {
        var o = options.Value;
        var list = new List<PlannedReport>();
        for (var year = start.Year; year <= end.Year; year++)
            foreach (var (month, day) in o.ParsedStatusReportDates())
            {
                var date = new DateOnly(year, month, day);
                if (date >= start && date < end) list.Add(new PlannedReport(ReportKind.StatusReport, date));
            }
        list.Sort((a, b) => a.DueDate.CompareTo(b.DueDate));
        list.Add(new PlannedReport(ReportKind.FinalReport, end.AddDays(o.FinalReportDaysAfterEnd)));
        return list;
    }

    /// <summary>The decision has taken effect: the plan gets its reports (idempotent).</summary>
    public async Task ActivateAsync(ReportPlan plan, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (plan.ActivatedAt is not null) return;
        plan.ActivatedAt = now;
        plan.Touch(actor, now);
        foreach (var p in Schedule(plan.ProjectStart, plan.ProjectEnd)) await AddReportAsync(plan, p.Kind, p.DueDate, extra: false, actor, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Application.SubjectType, plan.ApplicationId.ToString(), "follow-up.plan-activated",
            $"{plan.Reports.Count} rapporter, projektperiod {plan.ProjectStart:yyyy-MM-dd}–{plan.ProjectEnd:yyyy-MM-dd}"));
    }

    public async Task<Report> AddReportAsync(ReportPlan plan, ReportKind kind, DateOnly due, bool extra, Actor actor, CancellationToken ct)
    {
        var report = new Report { PlanId = plan.Id, Plan = plan, ApplicationId = plan.ApplicationId, Kind = kind, DueDate = due, Extra = extra };
        ResetReminders(report);
        plan.Reports.Add(report);
        db.Reports.Add(report);
        var started = await engine.StartAsync(report, Report.WorkflowKey, actor, extra ? "Extra rapport tillagd av kansliet" : null, ct);
        if (!started.IsOk) throw new InvalidOperationException($"The report workflow could not start: {started.Message}");
        return report;
    }

    /// <summary>
    /// A new project period: unsubmitted planned reports follow the new schedule (moved, skipped or added);
    /// handed-in reports, extra reports and skipped ones stay as they are.
    /// </summary>
    public async Task RecomputeAsync(ReportPlan plan, DateOnly start, DateOnly end, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        plan.ProjectStart = start;
        plan.ProjectEnd = end;
        plan.Touch(actor, now);
        if (plan.ActivatedAt is null) return;
        var wanted = Schedule(start, end).ToList();
        foreach (var r in plan.Reports.Where(r => r.SkippedAt is null).OrderBy(r => r.DueDate))
        {
            var match = wanted.FirstOrDefault(w => w.Kind == r.Kind && (w.DueDate == r.DueDate || r.Kind == ReportKind.FinalReport));
            if (match is not null)
            {
                wanted.Remove(match);
                if (r.DueDate != match.DueDate && r.Versions.Count == 0) Move(r, match.DueDate, actor, now);
                continue;
            }
            if (r.Extra || r.Versions.Count > 0) continue;
            Skip(r, actor, now, "Utanför den nya projektperioden");
        }
        foreach (var w in wanted) await AddReportAsync(plan, w.Kind, w.DueDate, extra: false, actor, ct);
    }

    public void Move(Report report, DateOnly due, Actor actor, DateTimeOffset now)
    {
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Report.SubjectType, report.Id.ToString(), "follow-up.report-moved", $"{report.DueDate:yyyy-MM-dd} → {due:yyyy-MM-dd}"));
        report.DueDate = due;
        ResetReminders(report);
        report.Touch(actor, now);
    }

    public void Skip(Report report, Actor actor, DateTimeOffset now, string reason)
    {
        report.SkippedAt = now;
        report.SkippedBy = actor.Name;
        report.NextActionOn = null;
        report.Touch(actor, now);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Report.SubjectType, report.Id.ToString(), "follow-up.report-skipped", reason));
    }

    /// <summary>The reminder calendar starts over for the (new) due date; the sweep sends the latest occasion already due.</summary>
    public void ResetReminders(Report report) =>
        report.NextActionOn = report.IsOpen ? Schedules.ForReports(options.Value).First(report.DueDate).On : null;
}

/// <summary>The reminder calendars the settings give.</summary>
public static class Schedules
{
    public static ReminderSchedule ForReports(FollowUpOptions o) => new(o.ReminderDaysBefore, o.OverdueReminderEveryDays);
    public static ReminderSchedule ForConditions(FollowUpOptions o) => new(o.ConditionReminderDaysBefore, null);
}
