using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>
/// "Skapa konto": a person applying for an organisation registers with name, address, password and the
/// organisation's organisationsnummer. The answer is the same whether the address has an account or not: a new or
/// still unconfirmed address gets a confirmation link, an existing account gets a mail saying so.
/// </summary>
public sealed class ApplicantRegistration(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, AccountLinks links, AccountMails mails,
    AccountAudit audit, IApplicantOrganisations organisations, GrantsDbContext db, TimeProvider time)
{
    public const string Answer = "Tack! Vi har skickat ett brev till adressen. Öppna länken i brevet för att bekräfta adressen och aktivera kontot.";

    public sealed record Request(string? Name, string? Email, string? Password, string? Confirm, string? OrganisationNumber, string? OrganisationName);

    public async Task<Outcome<bool>> RegisterAsync(Request r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var email = r.Email?.Trim() ?? "";
        var name = r.Name?.Trim() ?? "";
        var orgName = r.OrganisationName?.Trim() ?? "";
        if (name.Length is 0 or > 200) errors.Add("name", "Ange ditt namn (högst 200 tecken).");
        if (!PasswordRules.IsEmail(email)) errors.Add("email", "Ange en giltig e-postadress.");
        if (!SwedishIdentifiers.IsValidOrganisationNumber(r.OrganisationNumber))
            errors.Add("organisationNumber", "Ange organisationens organisationsnummer: tio siffror (NNNNNN-NNNN) med rätt kontrollsiffra.");
        if (orgName.Length is 0 or > 200) errors.Add("organisationName", "Ange organisationens namn (högst 200 tecken).");
        // The rules do not depend on whether the address has an account, so neither do these answers.
        await PasswordRules.CheckAsync(users, new AppUser { UserName = email, Email = email }, r.Password, r.Confirm, errors);
        if (!errors.IsEmpty) return Outcome<bool>.Invalid(errors);

        var digits = SwedishIdentifiers.Digits(r.OrganisationNumber);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && !await IsUnconfirmedRegistrationAsync(existing))
        {
            // As much work as a new registration (one password hash), and a mail only the owner reads.
            hasher.HashPassword(existing, r.Password!);
            await mails.AlreadyRegisteredAsync(existing, ct);
            audit.Add(Actor.System, existing.Id, AccountAudit.RegistrationRepeated, "Registrering med adressen; brev om befintligt konto skickat");
        }
        else
        {
            // A registration not yet confirmed is replaced: only the holder of the mailbox can finish either.
            var user = existing ?? new AppUser { UserName = email, Email = email, CreatedAt = time.GetUtcNow() };
            user.DisplayName = name;
            if (existing is null) Check(await users.CreateAsync(user, r.Password!));
            else
            {
                if (user.PasswordHash is not null) Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, r.Password!));
                Check(await users.UpdateAsync(user));
            }
            if (!await users.IsInRoleAsync(user, Roles.Applicant)) Check(await users.AddToRoleAsync(user, Roles.Applicant));
            await organisations.NoteAsync(user.Id, digits, orgName, ct);
            var link = links.Issue(user, AccountLinkPurpose.ConfirmEmail);
            await mails.ConfirmRegistrationAsync(user, link, ct);
            audit.Add(AccountAudit.Self(user, [Roles.Applicant]), user.Id, AccountAudit.Registered,
                $"{email}, organisationsnummer {SwedishIdentifiers.FormatOrganisationNumber(digits)}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mails.Kick();
        return true;
    }

    /// <summary>A self-registered applicant who never confirmed: no staff role, never activated.</summary>
    private async Task<bool> IsUnconfirmedRegistrationAsync(AppUser user) =>
        !user.EmailConfirmed && user.ActivatedAt is null && (await users.GetRolesAsync(user)).All(r => r == Roles.Applicant);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
