using System.Security.Claims;
using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Workflow;

public sealed record TimelineDto(DateTimeOffset At, string? From, string To, string? FromLabel, string ToLabel, string? Trigger, string? TriggerLabel, string By, string Role, string? Comment);

public sealed record ApplicationWorkflowView(
    Guid ApplicationId, int Version, WorkflowStateView? State, WorkflowPicture Diagram, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<PermittedTrigger> Permitted, bool ForApplicant, IReadOnlyList<StateDefinition> States);

/// <summary>The diagram as server-drawn SVG and, for screen readers and as a fallback, its transitions as Swedish sentences.</summary>
public sealed record WorkflowPicture(string Svg, IReadOnlyList<string> Transitions)
{
    public static WorkflowPicture Of(WorkflowDefinition def, string? current, Func<string, string> guardLabel) => new(
        WorkflowSvg.Of(def, current, guardLabel),
        def.Transitions.SelectMany(t => t.From.Select(f =>
            $"Från {def.State(f).StaffLabel} till {def.State(t.To).StaffLabel}: {WorkflowSvg.EdgeLabel(def, t, guardLabel)} ({string.Join(", ", t.Roles)})")).ToList());
}

public sealed record DefinitionVersionDto(string Key, string Hash, string FileName, DateTimeOffset FirstLoadedAt, bool Current, int Instances);

/// <summary>Reads for the workflow pages and API (applications scoped by <see cref="ApplicationAccess"/>).</summary>
public sealed class WorkflowQueries(GrantsDbContext db, IWorkflowEngine engine, WorkflowRegistry registry, CatalogueProvider catalogue)
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

    public async Task<List<DefinitionVersionDto>> VersionsAsync(CancellationToken ct)
    {
        var versions = await db.WorkflowDefinitionVersions.AsNoTracking().ToListAsync(ct);
        var appCounts = await db.Applications.Where(a => a.WorkflowHash != null).GroupBy(a => a.WorkflowHash!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var caseCounts = await db.WorkflowCases.GroupBy(c => c.DefinitionHash)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return versions
            .OrderBy(v => v.Key).ThenByDescending(v => v.FirstLoadedAt)
            .Select(v => new DefinitionVersionDto(v.Key, v.Hash, v.FileName, v.FirstLoadedAt,
                registry.Current.TryGetValue(v.Key, out var c) && c.Hash == v.Hash,
                appCounts.GetValueOrDefault(v.Hash) + caseCounts.GetValueOrDefault(v.Hash)))
            .ToList();
    }

    /// <summary>Applicants see the applicant labels; staff see the staff labels.</summary>
    public static bool IsApplicantView(ClaimsPrincipal user) => !ApplicationAccess.SeesAll(user) && user.IsInRole(Roles.Applicant);
}
