using System.Security.Claims;
using Grants.Applications;
using Grants.Association;
using Grants.Identity;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Lsg;

/// <summary>Who the signed-in LSG user is as a member, and whether jäv stops them on an application.</summary>
public sealed class LsgMembership(GrantsDbContext db, ProfileStore profiles)
{
    public sealed record ConflictState(LsgMember? Member, bool Declared, bool Detected, string? Message);

    public async Task<LsgMember?> MemberOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = (user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "").ToLowerInvariant();
        var members = await db.LsgMembers.Where(m => m.Active).ToListAsync(ct);
        return members.FirstOrDefault(m => m.UserId != null && m.UserId == id)
            ?? members.FirstOrDefault(m => email.Length > 0 && m.Email.ToLowerInvariant() == email);
    }

    /// <summary>
    /// An LSG member employed by the applying organisation (its member authority has the applicant's
    /// organisationsnummer) is jävig; so is one who has declared a conflict. Kansli recording on the LSG's behalf is not a member.
    /// </summary>
    public async Task<ConflictState> CheckAsync(ClaimsPrincipal user, Application app, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Lsg) || user.IsInRole(Roles.Secretariat)) return new ConflictState(null, false, false, null);
        var member = await MemberOfAsync(user, ct);
        if (member is null) return new ConflictState(null, false, false, "Du är inte registrerad som ledamot i lokala samverkansgruppen. Kontakta kansliet.");
        var declared = await db.LsgConflictDeclarations.AnyAsync(d => d.ApplicationId == app.Id && d.LsgMemberId == member.Id, ct);
        var detected = await IsEmployedByApplicantAsync(member, app, ct);
        var message = declared
            ? "Du har anmält jäv i detta ärende och kan inte registrera yttrandet. En annan ledamot eller kansliet registrerar det."
            : detected
                ? "Du företräder den sökande organisationen och är jävig. Anmäl jäv; en annan ledamot eller kansliet registrerar yttrandet."
                : null;
        return new ConflictState(member, declared, detected, message);
    }

    private async Task<bool> IsEmployedByApplicantAsync(LsgMember member, Application app, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var authority = profile.FindMember(member.MemberKey);
        var orgNumber = app.Organisation?.OrganisationNumber
            ?? await db.Organisations.Where(o => o.Id == app.OrganisationId).Select(o => o.OrganisationNumber).SingleOrDefaultAsync(ct);
        var digits = SwedishIdentifiers.Digits(authority?.OrganisationNumber);
        return digits.Length > 0 && digits == SwedishIdentifiers.Digits(orgNumber);
    }
}
