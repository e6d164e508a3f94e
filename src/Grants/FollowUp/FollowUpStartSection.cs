using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Start;
using Microsoft.EntityFrameworkCore;

namespace Grants.FollowUp;

/// <summary>
/// The start page's follow-up: for a Sökande the reports to hand in (their period has started) and conditions to
/// report; for the kansli the overdue reports, reports handed in for review and conditions near their deadline.
/// </summary>
public sealed class FollowUpStartSection(GrantsDbContext db, LocalClock clock) : IStartSection
{
    /// <summary>How far ahead a condition's deadline counts as near on the kansli's start page.</summary>
    public const int ConditionHorizonDays = 30;

    public async Task<StartSection?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var applicant = user.IsInRole(Roles.Applicant) && !user.IsInRole(Roles.Secretariat);
        if (!applicant && !user.IsInRole(Roles.Secretariat)) return null;
        var today = clock.Today;
        // Tracked (read only): the plan's reports are needed for each report's period, and no-tracking refuses the cycle.
        var rows = await FollowUpAccess.VisibleReports(db, user).Include(r => r.Plan).ThenInclude(p => p!.Reports)
            .Where(r => (r.SkippedAt == null && ReportStates.OpenList.Contains(r.State)) || r.State == ReportStates.Submitted)
            .ToListAsync(ct);
        var visibleApps = Applications.ApplicationAccess.Visible(db, user);
        var pending = await db.Conditions.AsNoTracking()
            .Where(c => visibleApps.Select(a => a.Id).Contains(c.ApplicationId) && c.Status != ConditionStatus.Met && c.Status != ConditionStatus.Declined)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.ApplicationId).Concat(pending.Select(c => c.ApplicationId)).Distinct().ToList();
        var names = await visibleApps.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ProjectName, ct);
        var reports = rows.Select(r => new { Report = r, ProjectName = names.GetValueOrDefault(r.ApplicationId, "") }).ToList();
        var conditions = pending.Select(c => new { Condition = c, ProjectName = names.GetValueOrDefault(c.ApplicationId, "") }).ToList();

        var tasks = new List<StartTask>();
        if (applicant)
        {
            foreach (var x in reports.Where(x => x.Report.IsOpen && x.Report.Plan is { } p && ReportPeriod.HasStarted(x.Report, p, today)).OrderBy(x => x.Report.DueDate))
                tasks.Add(new StartTask($"{x.Report.Title}: {x.ProjectName}", $"/FollowUp/Report/{x.Report.Id}",
                    x.Report.DueDate < today ? $"Försenad: sista dag var {x.Report.DueDate:yyyy-MM-dd}. Lämna in rapporten så snart du kan." : $"Lämna in senast {x.Report.DueDate:yyyy-MM-dd}.",
                    x.Report.DueDate, Urgent: x.Report.DueDate < today));
            foreach (var x in conditions.Where(x => x.Condition.Status == ConditionStatus.Open).OrderBy(x => x.Condition.Deadline ?? DateOnly.MaxValue))
                tasks.Add(new StartTask($"Villkor {x.Condition.Number}: {x.ProjectName}", $"/FollowUp/Project/{x.Condition.ApplicationId}",
                    $"{x.Condition.Text}{(x.Condition.Deadline is { } d ? $" Redovisa senast {d:yyyy-MM-dd}." : "")}", x.Condition.Deadline, Urgent: true));
            return new StartSection(20, "Återrapporter och villkor att lämna", tasks, "Du har inga återrapporter eller villkor att lämna just nu.", "/FollowUp/Reports", "Alla återrapporter");
        }

        foreach (var x in reports.Where(x => x.Report.IsOpen && x.Report.DueDate < today).OrderBy(x => x.Report.DueDate))
            tasks.Add(new StartTask($"{x.Report.Title}: {x.ProjectName}", $"/FollowUp/Report/{x.Report.Id}",
                $"Försenad {(today.DayNumber - x.Report.DueDate.DayNumber)} dagar (sista dag {x.Report.DueDate:yyyy-MM-dd}).", x.Report.DueDate, Urgent: true));
        foreach (var x in reports.Where(x => x.Report.State == ReportStates.Submitted).OrderBy(x => x.Report.DueDate))
            tasks.Add(new StartTask($"{x.Report.Title}: {x.ProjectName}", $"/FollowUp/Report/{x.Report.Id}", "Inlämnad. Granska rapporten: godkänn eller begär komplettering."));
        foreach (var x in conditions.Where(x => x.Condition.Status is ConditionStatus.ReportedMet or ConditionStatus.ReportedDeclined
                                                 || x.Condition.Deadline is { } d && d <= today.AddDays(ConditionHorizonDays))
                     .OrderBy(x => x.Condition.Deadline ?? DateOnly.MaxValue))
            tasks.Add(new StartTask($"Villkor {x.Condition.Number}: {x.ProjectName}", $"/FollowUp/Project/{x.Condition.ApplicationId}",
                $"{Condition.StatusLabel(x.Condition.Status)}.{(x.Condition.Deadline is { } d ? $" Sista dag {d:yyyy-MM-dd}." : "")}", x.Condition.Deadline,
                Urgent: x.Condition.Deadline is { } dl && dl <= today.AddDays(7)));
        return new StartSection(30, "Uppföljning som behöver kansliet", tasks, "Inga försenade rapporter och inga villkor nära sista dag.", "/FollowUp", "Hela uppföljningen");
    }
}
