using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;

namespace Grants.Applications;

/// <summary>
/// Fires a trigger on an application for the signed-in user: 404 outside the user's scope, 409 when the
/// state (or a guard, or a concurrent change) does not allow it, 403 when the role may not; nothing changes then.
/// </summary>
public sealed class FireApplicationTrigger(GrantsDbContext db, IWorkflowEngine engine)
{
    public sealed record Request(string? Trigger, string? Comment);

    public async Task<Outcome<WorkflowTransition>> HandleAsync(ClaimsPrincipal user, Guid id, Request request, int? expectedVersion, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Trigger))
        {
            var errors = new ValidationErrors();
            errors.Add("trigger", "Ange vilken händelse (trigger) som ska utföras.");
            return Outcome<WorkflowTransition>.Invalid(errors);
        }
        if (request.Comment is { Length: > 2000 })
        {
            var errors = new ValidationErrors();
            errors.Add("comment", "Kommentaren får vara högst 2000 tecken.");
            return Outcome<WorkflowTransition>.Invalid(errors);
        }
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return Outcome<WorkflowTransition>.NotFound();
        if (expectedVersion is { } v && v != app.Version)
            return Outcome<WorkflowTransition>.Conflict("Ansökan har ändrats sedan du öppnade den. Ladda om och försök igen.");
        if (app.WorkflowHash is null)
        {
            var started = await engine.StartAsync(app, Application.WorkflowKey, Actor.From(user), null, ct);
            if (!started.IsOk) return started;
        }
        return await engine.FireAsync(app, Door.NextStep, request.Trigger.Trim(), Actor.From(user), request.Comment, ct);
    }
}
