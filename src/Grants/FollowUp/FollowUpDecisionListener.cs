using Grants.Applications;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.FollowUp;

/// <summary>
/// An adjusted grant decision starts the follow-up, inside the board's unit of work (nothing saved here):
/// the report plan (active at once for Granted and PartlyGranted; waiting for a conditional grant) and, for
/// a conditional grant, one <see cref="Condition"/> row per condition with its reminders and the
/// application's conditions deadline.
/// </summary>
public sealed class FollowUpDecisionListener(GrantsDbContext db, ReportPlanner planner, ConditionDeadline deadline) : IDecisionListener
{
    public async Task OnDecisionTakenAsync(ApplicationDecisionTaken d, CancellationToken ct)
    {
        if (d.Kind is not (DecisionKind.Granted or DecisionKind.PartlyGranted or DecisionKind.ConditionallyGranted)) return;
        var app = await db.Applications.SingleAsync(a => a.Id == d.ApplicationId, ct);
        if (db.ReportPlans.Local.Any(p => p.ApplicationId == app.Id) || await db.ReportPlans.AnyAsync(p => p.ApplicationId == app.Id, ct)) return;

        var form = app.Form;
        var start = d.ProjectStart ?? form.Project.StartDate ?? d.MeetingDate;
        var end = d.ProjectEnd ?? form.Project.EndDate ?? start;
        var plan = new ReportPlan
        {
            ApplicationId = app.Id, DecisionKind = d.Kind, ParagraphNumber = d.ParagraphNumber, MeetingDate = d.MeetingDate,
            Granted = d.Granted.ToList(), ProjectStart = start, ProjectEnd = end < start ? start : end,
            ResponsibleName = FirstText(form.FollowUp.ResponsibleName, form.Organisation.Contact.Name),
            ResponsibleEmail = FirstText(form.FollowUp.ResponsibleEmail, form.Organisation.Contact.Email),
            CreatedAt = d.AdjustedAt, UpdatedAt = d.AdjustedAt, UpdatedBy = d.AdjustedBy.Name,
        };
        db.ReportPlans.Add(plan);
        db.AuditEntries.Add(AuditEntry.Of(d.AdjustedBy, d.AdjustedAt, Application.SubjectType, app.Id.ToString(), "follow-up.plan-created",
            $"§ {d.ParagraphNumber}: {d.Kind}, beviljat {SwedishIdentifiers.Kronor(plan.TotalGranted)}"));

        if (d.Kind != DecisionKind.ConditionallyGranted)
        {
            await planner.ActivateAsync(plan, d.AdjustedBy, d.AdjustedAt, ct);
            return;
        }
        var number = 0;
        foreach (var c in d.Conditions)
        {
            db.Conditions.Add(new Condition
            {
                ApplicationId = app.Id, Number = ++number, Text = c.Text.Trim(), Funder = string.IsNullOrWhiteSpace(c.Funder) ? null : c.Funder.Trim(),
                Deadline = c.Deadline, Status = ConditionStatus.Open,
                NextReminderOn = c.Deadline is { } due ? deadline.FirstReminder(due) : null,
            });
        }
        await deadline.UpdateAsync(app, ct);
    }

    private static string FirstText(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "";
}

/// <summary>
/// Keeps Application.ConditionsDeadline on the earliest deadline among the conditions still open, and moves
/// the ansokan.json timer "villkor-sista-dag" with it (the state may have been entered before the deadline was known).
/// </summary>
public sealed class ConditionDeadline(GrantsDbContext db, IWorkflowEngine engine, IOptions<FollowUpOptions> options)
{
    public DateOnly FirstReminder(DateOnly due) => Schedules.ForConditions(options.Value).First(due).On;

    public async Task UpdateAsync(Application app, CancellationToken ct)
    {
        var conditions = db.Conditions.Local.Where(c => c.ApplicationId == app.Id)
            .Union(await db.Conditions.Where(c => c.ApplicationId == app.Id).ToListAsync(ct)).ToList();
        app.ConditionsDeadline = conditions.Where(c => !c.IsSettled && c.Deadline is not null).Select(c => c.Deadline).Min();
        if (app.WorkflowHash is not null) await engine.RescheduleTimersAsync(app, ct);
    }
}
