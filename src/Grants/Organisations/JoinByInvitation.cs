using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>
/// The colleague opens the invitation link: without an account they choose name and password and are in at once
/// (the link proved the address); with one, they sign in and join. The link then stops working.
/// </summary>
public sealed class JoinByInvitation(GrantsDbContext db, IOrganisationMembers members, OrganisationAudit audit, TimeProvider time)
{
    public sealed record State(OrganisationInvitation Invitation, string OrganisationName, Person? Existing);

    /// <summary>The unused, unexpired invitation for the token, or null.</summary>
    public async Task<State?> StateAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = OrganisationInvitation.Hash(token);
        var invitation = await db.Set<OrganisationInvitation>().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is not { UsedAt: null } || invitation.ExpiresAt <= time.GetUtcNow()) return null;
        var name = await db.Organisations.Where(o => o.Id == invitation.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var existing = await members.ByEmailAsync(invitation.Email, ct);
        return new State(invitation, name, existing);
    }

    public async Task<Outcome<Person>> AcceptNewAsync(string? token, NewMember member, CancellationToken ct)
    {
        if (await StateAsync(token, ct) is not { } state) return Outcome<Person>.NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await members.CreateMemberAsync(member with { Email = state.Invitation.Email }, state.Invitation.OrganisationId, ct);
        if (!created.IsOk) return created;
        await RecordAsync(state.Invitation, created.Value!, ct);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>A signed-in person whose address the invitation was sent to joins with the account they have.</summary>
    public async Task<Outcome<Person>> AcceptSignedInAsync(ClaimsPrincipal user, string? token, CancellationToken ct)
    {
        if (await StateAsync(token, ct) is not { } state) return Outcome<Person>.NotFound();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (state.Existing is not { } person || person.Id != userId)
            return Outcome<Person>.Forbidden("Inbjudan gäller en annan e-postadress än den du är inloggad med.");
        if (person.OrganisationId is not null) return Outcome<Person>.Conflict("Ditt konto hör redan till en organisation.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await members.JoinAsync(Actor.From(user), person.Id, state.Invitation.OrganisationId, ct);
        await RecordAsync(state.Invitation, person, ct);
        await tx.CommitAsync(ct);
        return person;
    }

    private async Task RecordAsync(OrganisationInvitation invitation, Person person, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        invitation.UsedAt = now;
        invitation.UsedByUserId = person.Id;
        // The inviting member let the colleague in: recorded as their decision.
        var inviter = new Actor(invitation.InvitedById, invitation.InvitedByName, Roles.Applicant);
        var open = await db.Set<MembershipRequest>().Where(r => r.UserId == person.Id && r.Status == MembershipStatus.Pending
            && r.OrganisationId == invitation.OrganisationId).ToListAsync(ct);
        foreach (var r in open)
        {
            r.Status = MembershipStatus.Approved;
            OrganisationRequests.Decided(r, inviter, now);
        }
        if (open.Count == 0)
        {
            var request = new MembershipRequest
            {
                UserId = person.Id, OrganisationId = invitation.OrganisationId, Status = MembershipStatus.Approved, CreatedAt = now, ConfirmedAt = now,
                OrganisationNumber = await db.Organisations.Where(o => o.Id == invitation.OrganisationId).Select(o => o.OrganisationNumber).SingleAsync(ct),
            };
            OrganisationRequests.Decided(request, inviter, now);
            db.Set<MembershipRequest>().Add(request);
        }
        audit.Add(new Actor(person.Id, person.Name, Roles.Applicant), invitation.OrganisationId, OrganisationAudit.InvitationAccepted,
            $"{person.Name} ({person.Email}), inbjuden av {invitation.InvitedByName}");
        await db.SaveChangesAsync(ct);
    }
}
