using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>
/// "Glömt lösenordet": mails a single-use link when the address has an active account. The answer and the work
/// done are the same either way (a row is written and committed in both cases), so the page does not reveal accounts.
/// </summary>
public sealed class PasswordReset(UserManager<AppUser> users, AccountLinks links, AccountMails mails, AccountAudit audit, GrantsDbContext db)
{
    public const string Answer = "Om adressen hör till ett konto har vi skickat en länk dit. Den gäller en gång och en begränsad tid.";

    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is { PasswordHash: not null } && user.IsActive)
        {
            var link = links.Issue(user, AccountLinkPurpose.PasswordReset);
            await mails.PasswordResetAsync(user, link, ct);
            audit.Add(AccountAudit.Self(user, await users.GetRolesAsync(user)), user.Id, AccountAudit.ResetRequested, "Länk skickad");
        }
        else audit.Add(Actor.System, "okänd adress", AccountAudit.ResetRequested, "Ingen länk: inget aktivt konto");
        await db.SaveChangesAsync(ct);
        mails.Kick();
    }
}
