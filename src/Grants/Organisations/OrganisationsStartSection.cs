using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Start;
using Microsoft.EntityFrameworkCore;

namespace Grants.Organisations;

/// <summary>
/// The start page's organisation part: a person waiting for approval sees that; members see requests to decide;
/// the kansli sees requests waiting and organisations not yet verified.
/// </summary>
public sealed class OrganisationsStartSection(GrantsDbContext db, OrganisationQueries queries) : IStartSection
{
    public async Task<StartSection?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (user.IsInRole(Roles.Secretariat)) return await KansliAsync(ct);
        if (!user.IsInRole(Roles.Applicant)) return null;
        if (user.OrganisationId() is not { } org)
        {
            var waiting = await queries.PendingOrganisationNameAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
            StartTask[] tasks = waiting is null
                ? [new StartTask("Ditt konto är inte kopplat till någon organisation", "/Account/Manage", "Be en kollega i organisationen att bjuda in dig, eller kontakta förbundets kansli.")]
                : [new StartTask($"Väntar på godkännande för {waiting}", "/Account/Manage", "Någon i organisationen eller förbundets kansli godkänner dig; du får ett brev då.")];
            return new StartSection(5, "Din organisation", tasks, "");
        }
        var view = await queries.OneAsync(org, ct);
        if (view is null || view.Pending.Count == 0) return null;
        return new StartSection(5, "Vill gå med i din organisation", view.Pending.Select(p =>
            new StartTask($"{p.Name} ({p.Email})", "/Organisations/Members", "Godkänn bara personer du vet arbetar i organisationen.", Urgent: true)).ToList(), "");
    }

    private async Task<StartSection?> KansliAsync(CancellationToken ct)
    {
        var pending = await db.Set<MembershipRequest>().CountAsync(r => r.Status == MembershipStatus.Pending, ct);
        var verified = await db.Set<OrganisationVerification>().CountAsync(ct);
        var unverified = await db.Organisations.CountAsync(ct) - verified;
        var tasks = new List<StartTask>();
        if (pending > 0) tasks.Add(new StartTask($"{pending} {(pending == 1 ? "förfrågan" : "förfrågningar")} om att gå med i en organisation", "/Organisations", Urgent: true));
        if (unverified > 0) tasks.Add(new StartTask($"{unverified} {(unverified == 1 ? "organisation" : "organisationer")} inte verifierade", "/Organisations"));
        return new StartSection(40, "Sökande organisationer", tasks, "Inga förfrågningar väntar och alla organisationer är verifierade.", "/Organisations", "Alla organisationer");
    }
}
