using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>
/// "Byt lösenord" on Mitt konto: the current password, then a new one. The security stamp changes, so every other
/// session (cookies and bearer tokens) ends; this browser gets a fresh cookie. The second factor is not touched.
/// </summary>
public sealed class ChangePassword(UserManager<AppUser> users, SignInManager<AppUser> signIn, CurrentPassword current, AccountAudit audit, GrantsDbContext db)
{
    public sealed record Request(string? Current, string? Password, string? Confirm);

    public async Task<Outcome<AppUser>> ChangeAsync(ClaimsPrincipal principal, Request r, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user) return Outcome<AppUser>.NotFound();
        var errors = new ValidationErrors();
        if (!await current.CheckAsync(user, r.Current, errors, "current", ct)) return Outcome<AppUser>.Invalid(errors);
        await PasswordRules.CheckAsync(users, user, r.Password, r.Confirm, errors);
        if (!errors.IsEmpty) return Outcome<AppUser>.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // ChangePasswordAsync renews the security stamp itself; TwoFactorEnabled and the authenticator key stay.
        var result = await users.ChangePasswordAsync(user, r.Current!, r.Password!);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        audit.Add(Actor.From(principal), user.Id, AccountAudit.PasswordChanged,
            "Via Mitt konto; andra inloggningar avslutade" + (user.TwoFactorEnabled ? "; tvåstegsverifieringen är kvar" : ""));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await signIn.RefreshSignInAsync(user);
        return user;
    }
}
