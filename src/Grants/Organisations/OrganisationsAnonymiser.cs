using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>
/// Anonymisation in the organisation tables: the person's name as the one who decided a membership, invited a colleague
/// or verified an organisation, and their address as an invited colleague, become the pseudonym. Their own membership
/// requests carry only their account id, which stays (it now names the pseudonym).
/// </summary>
public sealed class OrganisationsAnonymiser(GrantsDbContext db) : IPersonalDataAnonymiser
{
    public async Task AnonymiseAsync(AnonymisedPerson person, CancellationToken ct)
    {
        var pseudonym = person.Pseudonym;
        await db.Set<MembershipRequest>().Where(r => r.DecidedById == person.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DecidedByName, pseudonym), ct);
        await db.Set<OrganisationInvitation>().Where(i => i.InvitedById == person.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedByName, pseudonym), ct);
        if (person.FormerEmail is { } email)
        {
            var normalised = email.ToUpperInvariant();
            await db.Set<OrganisationInvitation>().Where(i => i.Email.ToUpper() == normalised)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Email, pseudonym), ct);
        }
        await db.Set<OrganisationVerification>().Where(v => v.VerifiedById == person.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.VerifiedByName, pseudonym), ct);
    }
}
