using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>A change after submission: a complete new version stored beside the earlier ones.</summary>
public sealed class AddRevision(GrantsDbContext db, ProfileStore profiles, TimeProvider time)
{
    public async Task<Outcome<ApplicationVersion>> HandleAsync(ClaimsPrincipal user, Guid id, ApplicationForm form, string? comment, CancellationToken ct)
    {
        if (!ApplicationAccess.MayWrite(user)) return Outcome<ApplicationVersion>.Forbidden("Din roll får inte lämna nya versioner.");
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return Outcome<ApplicationVersion>.NotFound();
        if (app.IsDraft) return Outcome<ApplicationVersion>.Conflict("Ansökan är ett utkast; spara utkastet i stället.");
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ApplicationVersion>.Conflict("En annan version lämnades samtidigt. Ladda om och försök igen.");
        }
        return version;
    }
}
