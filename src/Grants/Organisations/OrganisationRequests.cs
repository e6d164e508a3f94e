using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>
/// The organisation step of self-registration: the organisationsnummer is noted at registration and acted on when
/// the address is confirmed — a new organisation with the person as first member, or a pending request.
/// </summary>
public sealed class OrganisationRequests(GrantsDbContext db, IOrganisationMembers members, OrganisationMails mails, OrganisationAudit audit, TimeProvider time)
    : IApplicantOrganisations
{
    public async Task NoteAsync(string userId, string organisationNumber, string organisationName, CancellationToken ct)
    {
        var earlier = await db.Set<MembershipRequest>().Where(r => r.UserId == userId && r.Status == MembershipStatus.Unconfirmed).ToListAsync(ct);
        db.Set<MembershipRequest>().RemoveRange(earlier);
        db.Set<MembershipRequest>().Add(new MembershipRequest
        {
            UserId = userId, OrganisationNumber = organisationNumber, OrganisationName = organisationName,
            Status = MembershipStatus.Unconfirmed, CreatedAt = time.GetUtcNow(),
        });
    }

    public async Task<bool> ForgetUnconfirmedAsync(string userId, CancellationToken ct)
    {
        var holds = await db.Set<MembershipRequest>().AnyAsync(r => r.UserId == userId && r.Status != MembershipStatus.Unconfirmed, ct)
            || await db.Set<OrganisationInvitation>().AnyAsync(i => i.InvitedById == userId || i.UsedByUserId == userId, ct);
        if (holds) return false;
        db.Set<MembershipRequest>().RemoveRange(await db.Set<MembershipRequest>().Where(r => r.UserId == userId).ToListAsync(ct));
        return true;
    }

    public async Task<string> ConfirmedAsync(Actor self, string userId, CancellationToken ct)
    {
        var request = await db.Set<MembershipRequest>().Where(r => r.UserId == userId && r.Status == MembershipStatus.Unconfirmed)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (request is null) return "Ditt konto är aktiverat.";
        var now = time.GetUtcNow();
        request.ConfirmedAt = now;
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationNumber == request.OrganisationNumber, ct);
        if (org is null)
        {
            org = new Organisation { Name = request.OrganisationName, OrganisationNumber = request.OrganisationNumber, CreatedAt = now };
            db.Organisations.Add(org);
            request.OrganisationId = org.Id;
            request.Status = MembershipStatus.Approved;
            request.Founder = true;
            Decided(request, self, now);
            await members.JoinAsync(self, userId, org.Id, ct);
            audit.Add(self, org.Id, OrganisationAudit.Created, $"{org.Name} ({SwedishIdentifiers.FormatOrganisationNumber(org.OrganisationNumber)}), första medlem {self.Name}");
            return $"Ditt konto är aktiverat och organisationen {org.Name} är skapad med dig som första medlem.";
        }
        request.OrganisationId = org.Id;
        request.Status = MembershipStatus.Pending;
        // Saved first: the request's id keys the mail to the members.
        await db.SaveChangesAsync(ct);
        audit.Add(self, org.Id, OrganisationAudit.MembershipRequested, self.Name);
        var person = (await members.PeopleAsync([userId], ct))[userId];
        await mails.RequestToMembersAsync(await members.MembersAsync([org.Id], ct), org.Name, person.Name, person.Email, request.Id, ct);
        return $"Ditt konto är aktiverat. {org.Name} finns redan, så någon i organisationen eller förbundets kansli behöver godkänna dig. "
            + "Du ser organisationens ansökningar när du är godkänd; vi skickar ett brev då.";
    }

    internal static void Decided(MembershipRequest request, Actor by, DateTimeOffset at)
    {
        request.DecidedAt = at;
        request.DecidedById = by.UserId;
        request.DecidedByName = by.Name;
        request.DecidedByRole = by.Role;
    }
}
