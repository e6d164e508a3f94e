using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>
/// A change after submission: a complete new version stored beside the earlier ones. While komplettering is requested
/// the new version is the supplement: it fires "komplettera" through the supplement door. Once the board's decision is
/// adjusted the record is settled: no new version (409), a change needs a new decision.
/// </summary>
public sealed class AddRevision(GrantsDbContext db, ProfileStore profiles, TimeProvider time, IWorkflowEngine workflow)
{
    public async Task<Outcome<ApplicationVersion>> HandleAsync(ClaimsPrincipal user, Guid id, ApplicationForm form, string? comment, CancellationToken ct)
    {
        if (!ApplicationAccess.MayWrite(user)) return Outcome<ApplicationVersion>.Forbidden("Din roll får inte lämna nya versioner.");
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return Outcome<ApplicationVersion>.NotFound();
        if (app.IsDraft) return Outcome<ApplicationVersion>.Conflict("Ansökan är ett utkast; spara utkastet i stället.");
        if (ApplicationWorkflow.States.Settled.Contains(app.State))
            return Outcome<ApplicationVersion>.Conflict(
                "Styrelsen har fattat beslut om ansökan (eller ärendet är avslutat), så den kan inte ersättas med en ny version. " +
                "En ändring av projektet eller beloppet kräver ett nytt beslut: kontakta kansliet.");
        await db.Entry(app).Collection(a => a.Versions).LoadAsync(ct);

        var profile = await profiles.GetAsync(ct);
        var errors = ApplicationValidator.Validate(form, profile, ValidationMode.Submit);
        if (comment is { Length: > 2000 }) errors.Add("comment", "Kommentaren får vara högst 2000 tecken.");
        if (app.Organisation is { } org && !OrganisationResolver.CheckSameOrganisation(org, form).IsOk)
            errors.Add("organisation.organisationNumber", "Organisationsnummer kan inte bytas i en ny version.");
        if (!errors.IsEmpty) return Outcome<ApplicationVersion>.Invalid(errors);

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        var version = app.AddRevision(form, actor, now, comment);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Application), app.Id.ToString(), "application.revised", $"version {version.Number}"));
        if (app.State == ApplicationWorkflow.States.CompletionRequested)
        {
            var supplied = await workflow.ApplyAsync(app, Door.Supplement, ApplicationWorkflow.Triggers.Complete, actor, comment ?? $"Komplettering: version {version.Number}", ct);
            if (!supplied.IsOk)
            {
                db.ChangeTracker.Clear();
                return Outcome.From<ApplicationVersion, WorkflowTransition>(supplied);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ApplicationVersion>.ConcurrentChange("En annan version lämnades samtidigt. Ladda om och försök igen.");
        }
        await workflow.RunPendingActionsAsync(ct);
        return version;
    }
}
