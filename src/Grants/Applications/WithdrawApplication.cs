using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>
/// The applicant withdraws its application (återkallar), or the kansli does so on a letter from it: a reason is
/// required, the step is the workflow's "aterkalla" fired through the withdrawal door, audited with the reason.
/// </summary>
public sealed class WithdrawApplication(GrantsDbContext db, IWorkflowEngine workflow, TimeProvider time)
{
    public sealed record Request(string? Reason);

    public const int MaxReason = 2000;

    /// <summary>Whether the user may withdraw this application now (the confirmation page and the link on the application).</summary>
    public async Task<bool> IsOfferedAsync(ClaimsPrincipal user, Application app, CancellationToken ct) =>
        ApplicationAccess.MayWrite(user) && app.WorkflowHash is not null
        && (await workflow.PermittedTriggersAsync(app, Actor.From(user), ct)).Any(p => p.Trigger == ApplicationWorkflow.Triggers.Withdraw);

    public async Task<Outcome<Application>> HandleAsync(ClaimsPrincipal user, Guid id, Request request, int? expectedVersion, CancellationToken ct)
    {
        if (!ApplicationAccess.MayWrite(user)) return Outcome<Application>.Forbidden("Din roll får inte återkalla ansökningar.");
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return Outcome<Application>.NotFound();
        var reason = request.Reason?.Trim();
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(reason)) errors.Add("reason", "Ange varför ansökan återkallas.");
        else if (reason.Length > MaxReason) errors.Add("reason", $"Skälet får vara högst {MaxReason} tecken.");
        if (!errors.IsEmpty) return Outcome<Application>.Invalid(errors);
        if (expectedVersion is { } v && v != app.Version)
            return Outcome<Application>.ConcurrentChange("Ansökan har ändrats sedan du öppnade den. Ladda om och försök igen.");
        if (app.WorkflowHash is null) return Outcome<Application>.Conflict("Ett utkast återkallas inte; det är bara ditt eget tills det skickas in.");

        var actor = Actor.From(user);
        var fired = await workflow.ApplyAsync(app, Door.Withdrawal, ApplicationWorkflow.Triggers.Withdraw, actor, reason, ct);
        if (!fired.IsOk)
        {
            db.ChangeTracker.Clear();
            return Outcome.From<Application, WorkflowTransition>(fired);
        }
        db.AuditEntries.Add(AuditEntry.Of(actor, time.GetUtcNow(), nameof(Application), app.Id.ToString(), "application.withdrawn", reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Application>.ConcurrentChange(WorkflowEngine.ConcurrencyMessage);
        }
        await workflow.RunPendingActionsAsync(ct);
        return app;
    }
}
