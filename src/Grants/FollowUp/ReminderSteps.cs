using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.FollowUp;

/// <summary>
/// Sweep step for reports: every open report whose <see cref="Report.NextActionOn"/> has come gets the latest
/// reminder occasion due now (not a pile of stale ones), moves to Påmind / Försenad through the workflow, and
/// gets its next action day. Exactly once: the outbox key names (report, due date, occasion), and the report's
/// concurrency token stops an overlapping sweep from acting on the same report.
/// </summary>
public sealed class ReportReminderStep(
    GrantsDbContext db, IWorkflowEngine engine, FollowUpMailer mailer, LocalClock clock, UserManager<AppUser> users,
    IOptions<FollowUpOptions> options, ILogger<ReportReminderStep> log) : ISweepStep
{
    public string Name => "report-reminders";

    /// <summary>The due rows: also the benchmark's baseline query.</summary>
    public static IQueryable<Report> Due(GrantsDbContext db, DateOnly today) =>
        db.Reports.Where(r => r.NextActionOn != null && r.NextActionOn <= today);

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = clock.DateOf(now);
        var ids = await Due(db, today).OrderBy(r => r.NextActionOn).Select(r => r.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var kansli = (await users.GetUsersInRoleAsync(Roles.Secretariat)).Select(u => u.Email).OfType<string>().ToList();
        var schedule = Schedules.ForReports(options.Value);
        var acted = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var report = await db.Reports.Include(r => r.Plan).SingleAsync(r => r.Id == id, ct);
            if (report.NextActionOn is not { } next || next > today) continue; // another sweep got here first
            var sent = await ActAsync(report, today, now, schedule, kansli, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                if (sent) acted++;
            }
            catch (DbUpdateException e) when (e.IsLostRace())
            {
                // Someone (a submit, another sweep) changed the report or queued the same reminder meanwhile: nothing of
                // this attempt is kept, and the next sweep looks again.
                log.LogInformation("Report {Id} changed during the reminder sweep; left for the next sweep", id);
            }
        }
        return acted;
    }

    private async Task<bool> ActAsync(Report report, DateOnly today, DateTimeOffset now, ReminderSchedule schedule, List<string> kansli, CancellationToken ct)
    {
        var plan = report.Plan ?? throw new InvalidOperationException($"Report {report.Id} has no plan.");
        if (!report.IsOpen)
        {
            report.NextActionOn = null;
            return false;
        }
        var due = report.DueDate;
        if (today > due && report.State is ReportStates.Planned or ReportStates.Reminded or ReportStates.CompletionRequested)
            await MoveAsync(report, "forsena", $"Sista dag {due:yyyy-MM-dd} har passerat", ct);

        var acted = false;
        var occasion = schedule.LatestDue(due, today);
        var mark = occasion is null ? null : $"{due:yyyyMMdd}:{occasion.Key}";
        if (occasion is not null && report.LastReminder != mark)
        {
            if (!occasion.Overdue && report.State == ReportStates.Planned)
                await MoveAsync(report, "paminn", $"Påminnelse {occasion.Key}", ct);
            var application = await db.Applications.AsNoTracking().Where(a => a.Id == report.ApplicationId)
                .Select(a => new { a.ProjectName, a.RegistrationNumber }).SingleAsync(ct);
            var template = occasion.Overdue ? "rapport-forsenad" : occasion.OnTheDay ? "rapport-sista-dag" : "rapport-paminnelse";
            var values = new Dictionary<string, string>
            {
                ["titel"] = report.Title,
                ["projekt"] = application.RegistrationNumber is null ? application.ProjectName : $"{application.ProjectName} ({application.RegistrationNumber})",
                ["sista-dag"] = due.ToString("yyyy-MM-dd"),
                ["dagar"] = Math.Abs(due.DayNumber - today.DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["lank"] = mailer.Link($"/FollowUp/Report/{report.Id}"),
            };
            acted = await mailer.EnqueueAsync($"report-reminder:{report.Id}:{mark}", template, [plan.ResponsibleEmail],
                occasion.Overdue ? kansli : null, values, ct);
            report.LastReminder = mark;
            report.Touch(SystemActor.Timer, now);
        }
        var following = schedule.NextAfter(due, today)?.On;
        // The day after the due date the report turns Försenad, even when the next reminder is later.
        if (today <= due && (following is null || following > due.AddDays(1))) following = due.AddDays(1);
        report.NextActionOn = following;
        return acted;
    }

    private async Task MoveAsync(Report report, string trigger, string comment, CancellationToken ct)
    {
        var moved = await engine.ApplyAsync(report, Door.Timer, trigger, SystemActor.Timer, comment, ct);
        if (!moved.IsOk) log.LogWarning("Report {Id}: {Trigger} refused: {Message}", report.Id, trigger, moved.Message);
    }
}

/// <summary>
/// Sweep step for conditions: reminders before an open condition's deadline to the applicant's contact and the
/// responsible person. The deadline itself is the ansokan.json timer (Förfallen).
/// </summary>
public sealed class ConditionReminderStep(GrantsDbContext db, FollowUpMailer mailer, LocalClock clock, IOptions<FollowUpOptions> options) : ISweepStep
{
    public string Name => "condition-reminders";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = clock.DateOf(now);
        var ids = await db.Conditions.Where(c => c.NextReminderOn != null && c.NextReminderOn <= today).Select(c => c.Id).ToListAsync(ct);
        var schedule = Schedules.ForConditions(options.Value);
        var acted = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var condition = await db.Conditions.SingleAsync(c => c.Id == id, ct);
            var app = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == condition.ApplicationId, ct);
            if (condition.Deadline is not { } due || condition.IsSettled || app.State != ConditionStates.Waiting)
            {
                condition.NextReminderOn = null;
                await db.SaveChangesAsync(ct);
                continue;
            }
            if (schedule.LatestDue(due, today) is { } occasion)
            {
                var plan = await db.ReportPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == app.Id, ct);
                var values = new Dictionary<string, string>
                {
                    ["titel"] = ((IWorkflowSubject)app).Title,
                    ["villkor"] = condition.Text,
                    ["sista-dag"] = due.ToString("yyyy-MM-dd"),
                    ["lank"] = mailer.Link($"/FollowUp/Project/{app.Id}"),
                };
                if (await mailer.EnqueueAsync($"condition-reminder:{condition.Id}:{due:yyyyMMdd}:{occasion.Key}", "villkor-paminnelse",
                        new[] { app.Form.Organisation.Contact.Email, plan?.ResponsibleEmail }.OfType<string>(), null, values, ct)) acted++;
            }
            condition.NextReminderOn = schedule.NextAfter(due, today)?.On;
            condition.Version++;
            await db.SaveChangesAsync(ct);
        }
        return acted;
    }
}

/// <summary>The ansokan.json state keys the conditions rely on.</summary>
public static class ConditionStates
{
    public const string Waiting = ApplicationWorkflow.States.ConditionallyGranted;
    public const string MetTrigger = ApplicationWorkflow.Triggers.ConditionsMet;
    public const string DeclinedTrigger = ApplicationWorkflow.Triggers.FunderDeclined;
}
