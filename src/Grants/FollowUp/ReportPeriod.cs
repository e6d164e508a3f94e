namespace Grants.FollowUp;

/// <summary>
/// The time a report covers: from the day after the plan's previous report (the project start for the first) to its
/// due date. A report opens for handing in (and for drafts) when that period has started, so a status report cannot
/// be handed in months before the project begins, and the final report opens after the last status report.
/// </summary>
public static class ReportPeriod
{
    public static DateOnly OpensOn(Report report, ReportPlan plan)
    {
        var previous = plan.Reports
            .Where(r => r.Id != report.Id && r.SkippedAt is null && r.DueDate < report.DueDate)
            .Select(r => (DateOnly?)r.DueDate).Max();
        return previous is { } p ? p.AddDays(1) : plan.ProjectStart;
    }

    public static bool HasStarted(Report report, ReportPlan plan, DateOnly today) => OpensOn(report, plan) <= today;

    public static string NotStartedMessage(Report report, ReportPlan plan) =>
        $"{report.Title} gäller perioden som börjar {OpensOn(report, plan):yyyy-MM-dd} och kan lämnas in från och med den dagen.";
}
