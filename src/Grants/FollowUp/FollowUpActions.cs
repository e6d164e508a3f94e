using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.FollowUp;

/// <summary>
/// "create-report-plan" on entering Beviljad (ansokan.json): a conditional grant whose conditions are all met
/// now gets its reports. A direct grant's plan is already active from the decision, so this finds nothing to do.
/// </summary>
/// <remarks>The planner is resolved when the action runs: it needs the engine, whose action runner needs this handler.</remarks>
public sealed class CreateReportPlanAction(GrantsDbContext db, IServiceProvider services, TimeProvider time, ILogger<CreateReportPlanAction> log) : IEntryActionHandler
{
    public const string ActionKey = "create-report-plan";
    public string Key => ActionKey;
    public IReadOnlyList<string> RequiredParameters { get; } = [];

    public async Task RunAsync(EntryActionContext c, CancellationToken ct)
    {
        if (c.Subject is not Application app) return;
        var plan = await db.ReportPlans.Include(p => p.Reports).SingleOrDefaultAsync(p => p.ApplicationId == app.Id, ct);
        if (plan is null)
        {
            // No adjusted decision was published for it (a state set by hand): nothing to plan from; say so in the log.
            log.LogWarning("Application {Id} entered {State} without a recorded grant decision; no report plan", app.Id, c.State.Key);
            return;
        }
        if (plan.ActivatedAt is not null) return;
        await services.GetRequiredService<ReportPlanner>().ActivateAsync(plan, Actor.System, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>"notify-conditions-lapsed" on entering Förfallen: the applicant and the kansli are told, through the outbox in the transition's unit of work, once.</summary>
public sealed class ConditionsLapsedAction(GrantsDbContext db, FollowUpMailer mailer, Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : IEntryActionHandler
{
    public string Key => "notify-conditions-lapsed";
    public IReadOnlyList<string> RequiredParameters { get; } = ["template"];
    public bool InTransaction => true;

    public async Task RunAsync(EntryActionContext c, CancellationToken ct)
    {
        if (c.Subject is not Application app) return;
        // Tracked: a status changed in this unit of work (the decline that fired it) is read as changed.
        var conditions = await db.Conditions.Where(x => x.ApplicationId == app.Id).OrderBy(x => x.Number).ToListAsync(ct);
        var plan = await db.ReportPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == app.Id, ct);
        var list = string.Join("\n", conditions.Select(x => $"- {x.Text} ({Condition.StatusLabel(x.Status)}{(x.Deadline is { } d ? $", sista dag {d:yyyy-MM-dd}" : "")})"));
        var applicant = new[] { app.Form.Organisation.Contact.Email, plan?.ResponsibleEmail }.OfType<string>();
        var kansli = (await users.GetUsersInRoleAsync(Roles.Secretariat)).Select(u => u.Email).OfType<string>();
        var values = new Dictionary<string, string>
        {
            ["titel"] = ((IWorkflowSubject)app).Title,
            ["villkor"] = list.Length == 0 ? "(inga villkor registrerade)" : list,
            ["lank"] = mailer.Link($"/FollowUp/Project/{app.Id}"),
        };
        await mailer.EnqueueAsync($"conditions-lapsed:{app.Id}:{c.TransitionKey}", c.Parameters["template"], applicant, kansli, values, ct);
    }
}

/// <summary>"all-conditions-met": the decision's conditions are recorded and every one is confirmed met by the kansli.</summary>
public sealed class AllConditionsMetFact(GrantsDbContext db) : IGuardFact
{
    public string Key => "all-conditions-met";
    public string Label => "alla villkor uppfyllda";
    public string FailureMessage => "Alla villkor är inte uppfyllda: kansliet har inte bekräftat varje villkor som uppfyllt.";

    public async Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct)
    {
        if (subject is not Application app) return false;
        var statuses = await db.Conditions.Where(c => c.ApplicationId == app.Id).Select(c => c.Status).ToListAsync(ct);
        return statuses.Count > 0 && statuses.All(s => s == ConditionStatus.Met);
    }
}

/// <summary>"funder-declined": the kansli has confirmed that a condition is not met (a funder said no).</summary>
public sealed class FunderDeclinedFact(GrantsDbContext db) : IGuardFact
{
    public string Key => "funder-declined";
    public string Label => "en medfinansiär har sagt nej";
    public string FailureMessage => "Inget villkor är registrerat som ej uppfyllt.";

    public async Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct) =>
        subject is Application app && await db.Conditions.AnyAsync(c => c.ApplicationId == app.Id && c.Status == ConditionStatus.Declined, ct);
}

/// <summary>Loads a report for the workflow engine (pending actions, the sweep).</summary>
public sealed class ReportSubjectStore(GrantsDbContext db) : IWorkflowSubjectStore
{
    public string SubjectType => Report.SubjectType;

    public async Task<IWorkflowSubject?> FindAsync(string subjectId, CancellationToken ct) =>
        Guid.TryParse(subjectId, out var id) ? await db.Reports.Include(r => r.Plan).SingleOrDefaultAsync(r => r.Id == id, ct) : null;

    public Task<Dictionary<string, int>> CountByDefinitionHashAsync(CancellationToken ct) =>
        db.Reports.Where(r => r.WorkflowHash != null).GroupBy(r => r.WorkflowHash ?? "")
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
