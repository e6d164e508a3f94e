using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>
/// The one place that scopes applications: a Sökande sees only the own organisation's. A draft is its organisation's
/// own until it is received: staff do not see it (404), except the kansli a paper application it started itself.
/// </summary>
public static class ApplicationAccess
{
    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.Lsg) || user.IsInRole(Roles.Board) || user.IsInRole(Roles.Admin);

    public static bool MayWrite(ClaimsPrincipal user) => user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.Applicant);

    public static IQueryable<Application> Visible(GrantsDbContext db, ClaimsPrincipal user)
    {
        var org = user.OrganisationId();
        if (SeesAll(user))
        {
            var kansli = user.IsInRole(Roles.Secretariat);
            var ownOrg = user.IsInRole(Roles.Applicant) ? org : null;
            return db.Applications.Where(a => a.State != ApplicationStates.Draft
                || (kansli && a.CreatedByRole == Roles.Secretariat)
                || (ownOrg != null && a.OrganisationId == ownOrg));
        }
        return org is null || !user.IsInRole(Roles.Applicant)
            ? db.Applications.Where(_ => false)
            : db.Applications.Where(a => a.OrganisationId == org.Value);
    }

    /// <summary>Null when the application does not exist or is another organisation's (both answer 404).</summary>
    public static Task<Application?> FindAsync(GrantsDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        Visible(db, user).Include(a => a.Organisation).SingleOrDefaultAsync(a => a.Id == id, ct);
}
