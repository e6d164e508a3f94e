using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>The person's requests to join organisations and the colleague invitations sent to or by them.</summary>
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
        return new { förfrågningar = requests, inbjudningar = invitations };
    }
}
