using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;

namespace Grants.Applications;

/// <summary>Starts an application as a draft; an incomplete draft is fine, a malformed field is not.</summary>
public sealed class CreateDraft(GrantsDbContext db, ProfileStore profiles, OrganisationResolver organisations, TimeProvider time, Workflow.IWorkflowEngine workflow)
{
    public async Task<Outcome<Application>> HandleAsync(ClaimsPrincipal user, ApplicationForm form, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var errors = ApplicationValidator.Validate(form, profile, ValidationMode.Draft);
        if (!errors.IsEmpty) return Outcome<Application>.Invalid(errors);

        var org = await organisations.ResolveAsync(user, form, ct);
        if (!org.IsOk) return Outcome.From<Application, Organisation>(org);

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        var app = Application.Start(org.Value!.Id, form, actor, now);
        app.Organisation = org.Value;
        db.Applications.Add(app);
        // The application keeps the ansokan.json version it started under.
        var started = await workflow.StartAsync(app, Application.WorkflowKey, actor, null, ct);
        if (!started.IsOk) return Outcome.From<Application, Workflow.WorkflowTransition>(started);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Application), app.Id.ToString(), "application.created"));
        await db.SaveChangesAsync(ct);
        return app;
    }
}
