using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>Saves the draft as it stands. A stale version (someone saved in between) answers 409.</summary>
public sealed class SaveDraft(GrantsDbContext db, ProfileStore profiles, TimeProvider time)
{
    public async Task<Outcome<Application>> HandleAsync(ClaimsPrincipal user, Guid id, ApplicationForm form, int? expectedVersion, CancellationToken ct)
    {
        if (!ApplicationAccess.MayWrite(user)) return Outcome<Application>.Forbidden("Din roll får inte ändra ansökningar.");
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return Outcome<Application>.NotFound();
        if (!app.IsDraft) return Outcome<Application>.Conflict("Ansökan är inskickad och kan inte längre ändras. En ändring lämnas som en ny version.");
        if (expectedVersion is { } v && v != app.Version)
            return Outcome<Application>.Conflict("Ansökan har ändrats av någon annan sedan du öppnade den. Ladda om och försök igen.");

        var profile = await profiles.GetAsync(ct);
        var errors = ApplicationValidator.Validate(form, profile, ValidationMode.Draft);
        if (app.Organisation is { } org && !OrganisationResolver.CheckSameOrganisation(org, form).IsOk && !ApplicationAccess.SeesAll(user))
            errors.Add("organisation.organisationNumber", $"Organisationsnummer måste vara din organisations ({SwedishIdentifiers.FormatOrganisationNumber(org.OrganisationNumber)}).");
        if (!errors.IsEmpty) return Outcome<Application>.Invalid(errors);

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        app.SaveDraft(form, actor, now);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Application), app.Id.ToString(), "application.draft-saved"));
        return await db.SaveOrConflictAsync(app, ct, "Ansökan har ändrats av någon annan samtidigt. Ladda om och försök igen.");
    }
}
