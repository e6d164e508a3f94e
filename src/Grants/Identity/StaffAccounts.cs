using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Grants.Identity;

/// <summary>Admin keeps the förbund's staff accounts: invite with roles, change roles, deactivate, reactivate.</summary>
public sealed class StaffAccounts(GrantsDbContext db, UserManager<AppUser> users, AccountLinks links, AccountMails mails,
    AccountAudit audit, SecondFactorSetup factors, IEnumerable<IStaffRoster> rosters, TimeProvider time)
{
    public sealed record InviteRequest(string? Email, string? Name, IReadOnlyList<string>? Roles);
    public sealed record AccountRow(string Id, string Name, string Email, IReadOnlyList<string> Roles, bool Active, bool Activated, bool TwoFactor,
        int Passkeys, DateTimeOffset? DeactivatedAt)
    {
        /// <summary>What the admin reads in the Status column, e.g. "Aktivt, tvåstegsverifiering (app, 2 nycklar)".</summary>
        public string SecondFactors => (TwoFactor, Passkeys) switch
        {
            (false, 0) => "",
            (true, 0) => "tvåstegsverifiering (app)",
            (false, 1) => "nyckel (passkey)",
            (false, var n) => $"{n} nycklar (passkeys)",
            (true, 1) => "tvåstegsverifiering (app, 1 nyckel)",
            (true, var n) => $"tvåstegsverifiering (app, {n} nycklar)",
        };
    }

    public async Task<List<AccountRow>> ListAsync(CancellationToken ct)
    {
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name ?? "", ct);
        var userRoles = (await db.UserRoles.ToListAsync(ct)).ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        var passkeys = await db.UserPasskeys.GroupBy(p => p.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        return all.Select(u => new AccountRow(u.Id, u.DisplayName, u.Email ?? "", userRoles[u.Id].OrderBy(r => r).ToList(), u.IsActive,
            u.ActivatedAt is not null || u.PasswordHash is not null, u.TwoFactorEnabled, passkeys.GetValueOrDefault(u.Id), u.DeactivatedAt)).ToList();
    }

    public async Task<Outcome<AppUser>> InviteAsync(ClaimsPrincipal admin, InviteRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var email = r.Email?.Trim() ?? "";
        if (email.Length == 0 || email.Length > 256 || !email.Contains('@') || !MailboxAddress.TryParse(email, out _))
            errors.Add("email", "Ange en giltig e-postadress.");
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 200) errors.Add("name", "Ange namnet (högst 200 tecken).");
        var roles = (r.Roles ?? []).Distinct().ToList();
        if (roles.Count == 0 || roles.Any(role => !Roles.Staff.Contains(role)))
            errors.Add("roles", "Välj en eller flera roller: Kansli, LSG, Styrelse, Admin.");
        if (errors.IsEmpty) await CheckRostersAsync(email, roles, errors, ct);
        if (!errors.IsEmpty) return Outcome<AppUser>.Invalid(errors);

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && (existing.PasswordHash is not null || existing.ActivatedAt is not null))
            return Outcome<AppUser>.Conflict("Det finns redan ett konto med den e-postadressen. Ändra dess roller i listan i stället.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = existing ?? new AppUser { UserName = email, Email = email, DisplayName = r.Name!.Trim(), CreatedAt = time.GetUtcNow() };
        if (existing is null) Check(await users.CreateAsync(user));
        else
        {
            // An invitation not yet accepted is sent again, with the roles chosen now.
            user.DisplayName = r.Name!.Trim();
            Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
        }
        Check(await users.AddToRolesAsync(user, roles));
        var link = links.Issue(user, AccountLinkPurpose.Setup);
        var actor = Actor.From(admin);
        await mails.InvitationAsync(user, link, roles, actor.Name, ct);
        audit.Add(actor, user.Id, AccountAudit.Invited, $"{user.Email}: {string.Join(", ", roles)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mails.Kick();
        return user;
    }

    public async Task<Outcome<AppUser>> SetRolesAsync(ClaimsPrincipal admin, string id, IReadOnlyList<string>? roles, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return Outcome<AppUser>.NotFound();
        var wanted = (roles ?? []).Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        // An applicant's access follows their organisation; staff roles on such an account would mix the two.
        if (current.Contains(Roles.Applicant)) return Outcome<AppUser>.Conflict("En sökandes konto får inga roller i förbundet. Bjud in personen med en egen adress i stället.");
        if (user.Id == admin.FindFirstValue(ClaimTypes.NameIdentifier))
            return Outcome<AppUser>.Conflict("Du kan inte ändra dina egna roller. Be en annan administratör.");
        if (!user.IsActive) return Outcome<AppUser>.Conflict("Kontot är avstängt. Aktivera det igen först.");
        var errors = new ValidationErrors();
        if (wanted.Count == 0 || wanted.Any(r => !Roles.Staff.Contains(r))) errors.Add("roles", "Välj en eller flera roller: Kansli, LSG, Styrelse, Admin.");
        if (errors.IsEmpty) await CheckRostersAsync(user.Email ?? "", wanted.Except(current).ToList(), errors, ct);
        if (!errors.IsEmpty) return Outcome<AppUser>.Invalid(errors);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && !await AnotherActiveAdminAsync(user.Id, ct))
            return Outcome<AppUser>.Conflict("Förbundet måste ha minst en aktiv administratör.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await users.AddToRolesAsync(user, wanted.Except(current)));
        // Role claims live in cookies and tokens: a new stamp ends every session, and the next sign-in carries the new roles.
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(Actor.From(admin), user.Id, AccountAudit.RolesChanged, $"{string.Join(", ", current.Order())} → {string.Join(", ", wanted.Order())}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<Outcome<AppUser>> DeactivateAsync(ClaimsPrincipal admin, string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return Outcome<AppUser>.NotFound();
        if (!user.IsActive) return user;
        if (user.Id == admin.FindFirstValue(ClaimTypes.NameIdentifier)) return Outcome<AppUser>.Conflict("Du kan inte stänga av ditt eget konto.");
        if (await users.IsInRoleAsync(user, Roles.Admin) && !await AnotherActiveAdminAsync(user.Id, ct))
            return Outcome<AppUser>.Conflict("Förbundet måste ha minst en aktiv administratör.");
        user.DeactivatedAt = time.GetUtcNow();
        // The new stamp ends every open cookie and bearer token of the person on their next request.
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(Actor.From(admin), user.Id, AccountAudit.Deactivated, user.Email);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async Task<Outcome<AppUser>> ReactivateAsync(ClaimsPrincipal admin, string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return Outcome<AppUser>.NotFound();
        if (user.IsActive) return user;
        user.DeactivatedAt = null;
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Add(Actor.From(admin), user.Id, AccountAudit.Reactivated, user.Email);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>
    /// A staff member lost the phone (and the recovery codes): the app, the recovery codes and the passkeys stop counting,
    /// every session ends, and a set-up link pairs a new app. Until then the password alone signs nobody in.
    /// </summary>
    public async Task<Outcome<AppUser>> ResetSecondFactorAsync(ClaimsPrincipal admin, string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return Outcome<AppUser>.NotFound();
        if (user.Id == admin.FindFirstValue(ClaimTypes.NameIdentifier))
            return Outcome<AppUser>.Conflict("Du kan inte återställa din egen tvåstegsverifiering. Be en annan administratör.");
        if (!(await users.GetRolesAsync(user)).Any(Roles.Staff.Contains))
            return Outcome<AppUser>.Conflict("Bara personalens konton har tvåstegsverifiering att återställa.");
        if (!user.IsActive) return Outcome<AppUser>.Conflict("Kontot är avstängt. Aktivera det igen först.");
        if (user.ActivatedAt is null && user.PasswordHash is null)
            return Outcome<AppUser>.Conflict("Kontot är inte aktiverat än. Skicka inbjudan igen i stället.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var hadApp = user.TwoFactorEnabled;
        var passkeys = await factors.ClearAsync(user);
        var link = links.Issue(user, AccountLinkPurpose.Setup);
        var actor = Actor.From(admin);
        await mails.SecondFactorResetAsync(user, link, actor.Name, ct);
        audit.Add(actor, user.Id, AccountAudit.SecondFactorReset,
            $"{(hadApp ? "Autentiseringsapp och återställningskoder" : "Ingen autentiseringsapp")}, {passkeys} nycklar borttagna; ny kopplingslänk skickad till {user.Email}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mails.Kick();
        return user;
    }

    private async Task CheckRostersAsync(string email, IReadOnlyList<string> roles, ValidationErrors errors, CancellationToken ct)
    {
        foreach (var roster in rosters.Where(x => roles.Contains(x.Role)))
            if (await roster.ProblemAsync(email, ct) is { } problem) errors.Add("roles", problem);
    }

    private async Task<bool> AnotherActiveAdminAsync(string exceptId, CancellationToken ct) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => u.Id != exceptId && u.IsActive && u.PasswordHash is not null);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
