using Grants.Infrastructure;
using Grants.Organisations;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Grants.Identity;

/// <summary>The accounts side of organisation membership: who belongs where, joining, and accounts made from invitations.</summary>
public sealed class ApplicantMembers(GrantsDbContext db, UserManager<AppUser> users, AccountAudit audit, TimeProvider time) : IOrganisationMembers
{
    public async Task<IReadOnlyList<Person>> MembersAsync(IReadOnlyCollection<Guid> organisations, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value))
            .OrderBy(u => u.DisplayName).ToListAsync(ct)).Select(ToPerson).ToList();

    public async Task<IReadOnlyDictionary<string, Person>> PeopleAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct)).ToDictionary(u => u.Id, ToPerson);

    public async Task<Person?> ByEmailAsync(string email, CancellationToken ct) =>
        await users.FindByEmailAsync(email.Trim()) is { } user ? ToPerson(user) : null;

    public async Task JoinAsync(Actor by, string userId, Guid organisationId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No account {userId}.");
        user.OrganisationId = organisationId;
        Check(await users.UpdateAsync(user));
        audit.Add(by, user.Id, AccountAudit.JoinedOrganisation, organisationId.ToString());
    }

    public async Task LeaveAsync(Actor by, string userId, Guid organisationId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No account {userId}.");
        if (user.OrganisationId != organisationId) throw new InvalidOperationException($"{userId} is not in {organisationId}.");
        user.OrganisationId = null;
        // UpdateSecurityStampAsync saves the account too: sessions holding the organisation's claim end at once.
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(by, user.Id, AccountAudit.RemovedFromOrganisation, organisationId.ToString());
    }

    public async Task<Outcome<Person>> CreateMemberAsync(NewMember member, Guid organisationId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = member.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) errors.Add("name", "Ange ditt namn (högst 200 tecken).");
        var user = await users.FindByEmailAsync(member.Email);
        if (user is { EmailConfirmed: true }) return Outcome<Person>.Conflict("Det finns redan ett konto med adressen. Logga in och öppna länken igen.");
        var isNew = user is null;
        user ??= new AppUser { UserName = member.Email, Email = member.Email, CreatedAt = time.GetUtcNow() };
        await PasswordRules.CheckAsync(users, user, member.Password, member.Confirm, errors);
        if (!errors.IsEmpty) return Outcome<Person>.Invalid(errors);

        // An unconfirmed registration of the same address is taken over: the invitation link proves the address.
        user.DisplayName = name;
        user.EmailConfirmed = true;
        user.ActivatedAt = time.GetUtcNow();
        user.OrganisationId = organisationId;
        if (isNew) Check(await users.CreateAsync(user, member.Password!));
        else
        {
            if (user.PasswordHash is not null) Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, member.Password!));
            Check(await users.UpdateAsync(user));
        }
        if (!await users.IsInRoleAsync(user, Roles.Applicant)) Check(await users.AddToRoleAsync(user, Roles.Applicant));
        var self = AccountAudit.Self(user, [Roles.Applicant]);
        audit.Add(self, user.Id, AccountAudit.Activated, $"{user.Email}, via inbjudan från en kollega");
        audit.Add(self, user.Id, AccountAudit.JoinedOrganisation, organisationId.ToString());
        return ToPerson(user);
    }

    private static Person ToPerson(AppUser u) => new(u.Id, u.DisplayName, u.Email ?? "", u.OrganisationId, u.IsActive, u.EmailConfirmed);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>The password rules (Identity's validators) and the repeat, as field errors.</summary>
public static class PasswordRules
{
    public static async Task CheckAsync(UserManager<AppUser> users, AppUser user, string? password, string? confirm, ValidationErrors errors,
        string field = "password", string confirmField = "confirm")
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "Välj ett lösenord.");
            return;
        }
        foreach (var validator in users.PasswordValidators)
            foreach (var e in (await validator.ValidateAsync(users, user, password)).Errors) errors.Add(field, e.Description);
        if (password != confirm) errors.Add(confirmField, "Lösenorden är inte lika.");
    }

    /// <summary>A plausible single address (MimeKit parses it, one @, at most 256 characters).</summary>
    public static bool IsEmail(string? email) =>
        email is { Length: > 2 and <= 256 } && email.Count(c => c == '@') == 1 && !email.Contains(' ') && MailboxAddress.TryParse(email, out _);
}
