using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;

namespace Grants.Organisations;

/// <summary>
/// A member (on "Min organisation") or the kansli (on Organisationer) removes a person from an organisation. The
/// account stays, without organisation; every session of the person ends on its next request, so cookies and bearer
/// tokens alike lose the organisation's applications at once. The last active member cannot be removed: then nobody
/// could approve or invite anyone.
/// </summary>
public sealed class RemoveMember(GrantsDbContext db, IOrganisationMembers members, OrganisationAudit audit)
{
    public const string LastMember =
        "Det går inte att ta bort organisationens sista aktiva medlem: då kan ingen längre godkänna eller bjuda in någon. Bjud in en kollega först, eller kontakta förbundets kansli.";

    /// <summary><paramref name="organisationId"/>: the kansli's choice; a member always acts in their own organisation.</summary>
    public async Task<Outcome<Person>> RemoveAsync(ClaimsPrincipal by, Guid? organisationId, string? userId, CancellationToken ct)
    {
        var kansli = by.IsInRole(Roles.Secretariat);
        var orgId = kansli ? organisationId : by.OrganisationId();
        if (orgId is not { } org || string.IsNullOrEmpty(userId)) return Outcome<Person>.NotFound();
        var current = await members.MembersAsync([org], ct);
        // Someone outside the organisation is as unknown as a missing account.
        if (current.FirstOrDefault(m => m.Id == userId) is not { } person) return Outcome<Person>.NotFound();
        if (!current.Any(m => m.Id != userId && m.Active)) return Outcome<Person>.Conflict(LastMember);

        var actor = kansli ? Actor.From(by).ActingAs([Roles.Secretariat]) : Actor.From(by);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await members.LeaveAsync(actor, person.Id, org, ct);
        audit.Add(actor, org, OrganisationAudit.MemberRemoved, $"{person.Name} ({person.Email})");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return person;
    }
}
