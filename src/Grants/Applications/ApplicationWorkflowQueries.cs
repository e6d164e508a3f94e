using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;

namespace Grants.Applications;

public sealed record TimelineDto(DateTimeOffset At, string? From, string To, string? FromLabel, string ToLabel, string? Trigger, string? TriggerLabel, string By, string Role, string? Comment);

public sealed record ApplicationWorkflowView(
    Guid ApplicationId, int Version, WorkflowStateView? State, WorkflowPicture Diagram, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<PermittedTrigger> Permitted, bool ForApplicant, IReadOnlyList<StateDefinition> States);

/// <summary>The application's workflow as its readers see it (scoped by <see cref="ApplicationAccess"/>): status, diagram, timeline, next steps.</summary>
public sealed class ApplicationWorkflowQueries(GrantsDbContext db, IWorkflowEngine engine, WorkflowRegistry registry, CatalogueProvider catalogue)
{
    public async Task<IReadOnlyList<TimelineDto>?> TimelineAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return null;
        var applicant = IsApplicantView(user);
        return (await engine.TimelineAsync(app, ct))
            .Select(e => new TimelineDto(e.At, e.FromState, e.ToState, applicant ? null : e.FromStaffLabel, applicant ? e.ToApplicantLabel : e.ToStaffLabel,
                e.Trigger, e.TriggerLabel, e.UserName, e.Role, e.Comment))
            .ToList();
    }

    /// <summary>What POST /transitions (the generic door) would accept now: the use cases' triggers have their own endpoints.</summary>
    public async Task<IReadOnlyList<PermittedTrigger>?> PermittedAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        return app is null ? null : (await engine.PermittedTriggersAsync(app, Actor.From(user), ct)).Where(p => p.Door == Door.NextStep.Key).ToList();
    }

    public async Task<ApplicationWorkflowView?> ApplicationViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return null;
        var applicant = IsApplicantView(user);
        if (app.WorkflowHash is null)
        {
            var def = registry.CurrentOf(Application.WorkflowKey);
            var s = def.FindState(app.State);
            var view = s is null ? null : new WorkflowStateView(def.Key, def.Hash, s.Key, s.StaffLabel, s.ApplicantLabel, s.Final);
            return new ApplicationWorkflowView(app.Id, app.Version, view, WorkflowPicture.Of(def, app.State, catalogue.GuardLabels()), [], [], applicant, def.States);
        }
        var pinned = registry.Find(Application.WorkflowKey, app.WorkflowHash) ?? registry.CurrentOf(Application.WorkflowKey);
        var diagram = WorkflowPicture.Of(pinned, app.State, catalogue.GuardLabels());
        return new ApplicationWorkflowView(
            app.Id, app.Version,
            await engine.CurrentStateAsync(app, ct),
            diagram,
            await engine.TimelineAsync(app, ct),
            await GenericStepsAsync(user, app, ct),
            applicant, pinned.States);
    }

    /// <summary>
    /// What the "Nästa steg" box offers: the generic door's triggers only, and nothing to an applicant (the applicant's
    /// steps are use cases with their own pages: skicka in, komplettera with a new version, återkalla).
    /// </summary>
    private async Task<IReadOnlyList<PermittedTrigger>> GenericStepsAsync(ClaimsPrincipal user, Application app, CancellationToken ct) =>
        IsApplicantView(user) || !ApplicationAccess.SeesAll(user)
            ? []
            : (await engine.PermittedTriggersAsync(app, Actor.From(user), ct)).Where(p => p.Door == Door.NextStep.Key).ToList();

    /// <summary>Applicants see the applicant labels; staff see the staff labels.</summary>
    public static bool IsApplicantView(ClaimsPrincipal user) => !ApplicationAccess.SeesAll(user) && user.IsInRole(Roles.Applicant);
}
