using Grants.Applications;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>What the organisation pages show: an organisation with its members, pending requests and verification.</summary>
public sealed class OrganisationQueries(GrantsDbContext db, IOrganisationMembers members)
{
    public sealed record PendingRequest(long Id, string Name, string Email, DateTimeOffset RequestedAt);

    public sealed record OrganisationView(Guid Id, string Name, string OrganisationNumber, DateTimeOffset CreatedAt,
        OrganisationVerification? Verification, IReadOnlyList<Person> Members, IReadOnlyList<PendingRequest> Pending);

    public async Task<OrganisationView?> OneAsync(Guid id, CancellationToken ct) => (await ManyAsync(o => o.Id == id, ct)).SingleOrDefault();

    /// <summary>Every organisation (the kansli's register), those with pending requests first.</summary>
    public async Task<IReadOnlyList<OrganisationView>> AllAsync(CancellationToken ct) =>
        (await ManyAsync(_ => true, ct)).OrderByDescending(o => o.Pending.Count > 0).ThenBy(o => o.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)).ToList();

    /// <summary>The organisation a person waits to join, if any (their latest pending request).</summary>
    public async Task<string?> PendingOrganisationNameAsync(string userId, CancellationToken ct)
    {
        var orgId = await db.Set<MembershipRequest>().Where(r => r.UserId == userId && r.Status == MembershipStatus.Pending)
            .OrderByDescending(r => r.Id).Select(r => r.OrganisationId).FirstOrDefaultAsync(ct);
        return orgId is null ? null : await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync(ct);
    }

    private async Task<List<OrganisationView>> ManyAsync(System.Linq.Expressions.Expression<Func<Organisation, bool>> filter, CancellationToken ct)
    {
        var orgs = await db.Organisations.AsNoTracking().Where(filter).ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        var verifications = await db.Set<OrganisationVerification>().AsNoTracking().Where(v => ids.Contains(v.OrganisationId)).ToDictionaryAsync(v => v.OrganisationId, ct);
        var pending = await db.Set<MembershipRequest>().AsNoTracking()
            .Where(r => r.Status == MembershipStatus.Pending && r.OrganisationId != null && ids.Contains(r.OrganisationId.Value)).ToListAsync(ct);
        var people = await members.PeopleAsync(pending.Select(r => r.UserId).Distinct().ToList(), ct);
        var memberList = (await members.MembersAsync(ids, ct)).ToLookup(m => m.OrganisationId);
        return orgs.Select(o => new OrganisationView(o.Id, o.Name, SwedishIdentifiers.FormatOrganisationNumber(o.OrganisationNumber), o.CreatedAt,
            verifications.GetValueOrDefault(o.Id), memberList[o.Id].ToList(),
            pending.Where(r => r.OrganisationId == o.Id && people.ContainsKey(r.UserId)).OrderBy(r => r.ConfirmedAt)
                .Select(r => new PendingRequest(r.Id, people[r.UserId].Name, people[r.UserId].Email, r.ConfirmedAt ?? r.CreatedAt)).ToList())).ToList();
    }
}
