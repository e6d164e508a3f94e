using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>
/// "Byt e-postadress" on Mitt konto: after the current password, a single-use link goes to the new address; the
/// address changes only when it is opened. Then every session ends and the old address is told.
/// </summary>
public sealed class ChangeEmail(UserManager<AppUser> users, CurrentPassword current, AccountLinks links, AccountMails mails, AccountAudit audit, GrantsDbContext db)
{
    public sealed record Request(string? NewEmail, string? Current);

    public const string Answer = "Vi har skickat en länk till den nya adressen. Adressen byts när du öppnar länken.";

    public async Task<Outcome<AppUser>> RequestAsync(ClaimsPrincipal principal, Request r, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user) return Outcome<AppUser>.NotFound();
        var errors = new ValidationErrors();
        var email = r.NewEmail?.Trim() ?? "";
        if (!PasswordRules.IsEmail(email)) errors.Add("newEmail", "Ange en giltig e-postadress.");
        else if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase)) errors.Add("newEmail", "Det är redan din adress.");
        if (!errors.IsEmpty) return Outcome<AppUser>.Invalid(errors);
        if (!await current.CheckAsync(user, r.Current, errors, "current", ct)) return Outcome<AppUser>.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var actor = Actor.From(principal);
        if (await users.FindByEmailAsync(email) is { } taken)
        {
            // The same answer as for a free address; the other account's owner is told instead.
            await mails.AlreadyRegisteredAsync(taken, ct);
            audit.Add(actor, user.Id, AccountAudit.EmailChangeRequested, "Den nya adressen har redan ett konto; ingen länk skickad");
        }
        else
        {
            var link = links.Issue(user, AccountLinkPurpose.ChangeEmail, email);
            await mails.ChangeEmailAsync(user, email, link, ct);
            audit.Add(actor, user.Id, AccountAudit.EmailChangeRequested, $"{user.Email} → {email}");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mails.Kick();
        return user;
    }

    /// <summary>The link in the mail to the new address. NotFound for a used, expired or unknown link.</summary>
    public async Task<Outcome<AppUser>> ConfirmAsync(string? token, CancellationToken ct)
    {
        var link = await links.FindAsync(token, ct);
        if (link is not { Purpose: AccountLinkPurpose.ChangeEmail, NewEmail: { } email }) return Outcome<AppUser>.NotFound();
        if (await users.FindByIdAsync(link.UserId) is not { IsActive: true } user) return Outcome<AppUser>.NotFound();
        if (await users.FindByEmailAsync(email) is not null)
            return Outcome<AppUser>.Conflict("Adressen har fått ett annat konto sedan länken skickades. Välj en annan adress på Mitt konto.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = user.Email ?? "";
        Check(await users.SetEmailAsync(user, email));
        Check(await users.SetUserNameAsync(user, email));
        user.EmailConfirmed = true;
        Check(await users.UpdateAsync(user));
        // Sessions were opened under the old address: all of them end.
        Check(await users.UpdateSecurityStampAsync(user));
        await links.ConsumeAsync(link, ct);
        await mails.EmailChangedNoticeAsync(user, old, ct);
        audit.Add(AccountAudit.Self(user, await users.GetRolesAsync(user)), user.Id, AccountAudit.EmailChanged, $"{old} → {email}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mails.Kick();
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
