using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>The kansli marks an organisation "verifierad" (or takes the mark away), attributed and logged.</summary>
public sealed class VerifyOrganisation(GrantsDbContext db, OrganisationAudit audit, TimeProvider time)
{
    public async Task<Outcome<bool>> SetAsync(ClaimsPrincipal kansli, Guid organisationId, bool verified, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct)) return Outcome<bool>.NotFound();
        var actor = Actor.From(kansli).ActingAs([Identity.Roles.Secretariat]);
        var mark = await db.Set<OrganisationVerification>().SingleOrDefaultAsync(v => v.OrganisationId == organisationId, ct);
        if (verified == mark is not null) return verified;
        if (verified)
            db.Set<OrganisationVerification>().Add(new OrganisationVerification
            {
                OrganisationId = organisationId, VerifiedAt = time.GetUtcNow(), VerifiedById = actor.UserId, VerifiedByName = actor.Name,
            });
        else if (mark is not null) db.Set<OrganisationVerification>().Remove(mark);
        audit.Add(actor, organisationId, verified ? OrganisationAudit.Verified : OrganisationAudit.VerificationRemoved);
        await db.SaveChangesAsync(ct);
        return verified;
    }
}
