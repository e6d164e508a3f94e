using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>Which organisation a new application belongs to: the applicant's own, or (kansli) the form's.</summary>
public sealed class OrganisationResolver(GrantsDbContext db, TimeProvider time)
{
    public async Task<Outcome<Organisation>> ResolveAsync(ClaimsPrincipal user, ApplicationForm form, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Applicant) && user.OrganisationId() is { } own)
        {
            var org = await db.Organisations.SingleOrDefaultAsync(o => o.Id == own, ct);
            if (org is null) return Outcome<Organisation>.Forbidden("Ditt konto är inte kopplat till någon organisation.");
            return CheckSameOrganisation(org, form);
        }
        if (user.IsInRole(Roles.Applicant) && !user.IsInRole(Roles.Secretariat))
            return Outcome<Organisation>.Forbidden("Ditt konto är inte kopplat till någon organisation ännu. Någon i organisationen eller förbundets kansli behöver godkänna dig först.");
        if (!user.IsInRole(Roles.Secretariat))
            return Outcome<Organisation>.Forbidden("Endast sökande och kansliet kan registrera ansökningar.");

        var errors = new ValidationErrors();
        if (!SwedishIdentifiers.IsValidOrganisationNumber(form.Organisation.OrganisationNumber))
            errors.Add("organisation.organisationNumber", "Organisationsnummer måste anges (tio siffror med rätt kontrollsiffra) när kansliet registrerar en ansökan.");
        if (string.IsNullOrWhiteSpace(form.Organisation.Name))
            errors.Add("organisation.name", "Organisationens namn måste anges när kansliet registrerar en ansökan.");
        if (!errors.IsEmpty) return Outcome<Organisation>.Invalid(errors);

        var digits = SwedishIdentifiers.Digits(form.Organisation.OrganisationNumber);
        var existing = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationNumber == digits, ct);
        return existing ?? new Organisation { Name = form.Organisation.Name!.Trim(), OrganisationNumber = digits, CreatedAt = time.GetUtcNow() };
    }

    /// <summary>An applicant applies for their own organisation only.</summary>
    public static Outcome<Organisation> CheckSameOrganisation(Organisation org, ApplicationForm form)
    {
        var typed = SwedishIdentifiers.Digits(form.Organisation.OrganisationNumber);
        if (typed.Length > 0 && typed != org.OrganisationNumber)
        {
            var errors = new ValidationErrors();
            errors.Add("organisation.organisationNumber",
                $"Organisationsnummer måste vara din organisations ({SwedishIdentifiers.FormatOrganisationNumber(org.OrganisationNumber)}).");
            return Outcome<Organisation>.Invalid(errors);
        }
        return org;
    }
}
