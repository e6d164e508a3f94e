using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>
/// The person's requests to join organisations, the colleague invitations sent to or by them, and what they decided
/// (others' requests) or verified (organisations) with their name on it.
/// </summary>
public sealed class OrganisationsPersonalData(GrantsDbContext db) : IPersonalDataSource
{
    public string Section => "organisationer";

    public async Task<object?> CollectAsync(DataSubject person, CancellationToken ct)
    {
        var email = person.Email ?? "\u0000";
        var requests = await db.Set<MembershipRequest>().AsNoTracking().Where(r => r.UserId == person.UserId)
            .Select(r => new { organisationsnummer = r.OrganisationNumber, status = r.Status.ToString(), skapad = r.CreatedAt, bekräftad = r.ConfirmedAt, avgjord = r.DecidedAt, avgjordAv = r.DecidedByName })
            .ToListAsync(ct);
        var invitations = await db.Set<OrganisationInvitation>().AsNoTracking().Where(i => i.Email == email || i.InvitedById == person.UserId)
            .Select(i => new { organisation = i.OrganisationId, epost = i.Email, inbjudenAv = i.InvitedByName, skickad = i.CreatedAt, använd = i.UsedAt })
            .ToListAsync(ct);
        var decided = await db.Set<MembershipRequest>().AsNoTracking().Where(r => r.DecidedById == person.UserId && r.UserId != person.UserId)
            .Select(r => new { organisation = r.OrganisationId, status = r.Status.ToString(), avgjord = r.DecidedAt, avgjordAv = r.DecidedByName, roll = r.DecidedByRole })
            .ToListAsync(ct);
        var verified = await db.Set<OrganisationVerification>().AsNoTracking().Where(v => v.VerifiedById == person.UserId)
            .Select(v => new { organisation = v.OrganisationId, verifierad = v.VerifiedAt, verifieradAv = v.VerifiedByName })
            .ToListAsync(ct);
        return new { förfrågningar = requests, inbjudningar = invitations, förfrågningarJagAvgjort = decided, verifieringar = verified };
    }
}
