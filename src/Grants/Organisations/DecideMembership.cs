using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>
/// A pending request to join is approved or refused by someone already in the organisation or by the kansli.
/// Approval binds the account to the organisation; either way the person gets a mail and the log says who decided.
/// </summary>
public sealed class DecideMembership(GrantsDbContext db, IOrganisationMembers members, OrganisationMails mails, OrganisationAudit audit, TimeProvider time)
{
    public async Task<Outcome<MembershipRequest>> DecideAsync(ClaimsPrincipal by, long requestId, bool approve, CancellationToken ct)
    {
        var request = await db.Set<MembershipRequest>().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        var kansli = by.IsInRole(Roles.Secretariat);
        // Another organisation's request is as unknown to a member as a missing one.
        if (request?.OrganisationId is not { } orgId || !kansli && by.OrganisationId() != orgId) return Outcome<MembershipRequest>.NotFound();
        if (request.Status != MembershipStatus.Pending) return Outcome<MembershipRequest>.Conflict("Begäran är redan avgjord.");
        var person = (await members.PeopleAsync([request.UserId], ct)).GetValueOrDefault(request.UserId);
        if (person is null) return Outcome<MembershipRequest>.NotFound();
        if (approve && person.OrganisationId is not null)
            return Outcome<MembershipRequest>.Conflict($"{person.Name} hör redan till en organisation.");

        var actor = kansli ? Actor.From(by).ActingAs([Roles.Secretariat]) : Actor.From(by);
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        request.Status = approve ? MembershipStatus.Approved : MembershipStatus.Refused;
        OrganisationRequests.Decided(request, actor, time.GetUtcNow());
        if (approve) await members.JoinAsync(actor, person.Id, orgId, ct);
        audit.Add(actor, orgId, approve ? OrganisationAudit.MembershipApproved : OrganisationAudit.MembershipRefused, $"{person.Name} ({person.Email})");
        await mails.DecisionAsync(person, org.Name, approve, request.Id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mails.Kick();
        return request;
    }
}
