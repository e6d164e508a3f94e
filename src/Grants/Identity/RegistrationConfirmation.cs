using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>
/// The link in the registration mail: confirms the address, activates the account and hands the person to the
/// organisation step (a new organisation, or a request to join an existing one).
/// </summary>
public sealed class RegistrationConfirmation(UserManager<AppUser> users, AccountLinks links, AccountAudit audit, AccountMails mails,
    IApplicantOrganisations organisations, GrantsDbContext db, TimeProvider time)
{
    /// <summary>The Swedish text saying what happened with the organisation, or NotFound for a used, expired or unknown link.</summary>
    public async Task<Outcome<string>> ConfirmAsync(string? token, CancellationToken ct)
    {
        var link = await links.FindAsync(token, ct);
        if (link is not { Purpose: AccountLinkPurpose.ConfirmEmail }) return Outcome<string>.NotFound();
        if (await users.FindByIdAsync(link.UserId) is not { IsActive: true } user) return Outcome<string>.NotFound();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.EmailConfirmed = true;
        user.ActivatedAt ??= time.GetUtcNow();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        var self = AccountAudit.Self(user, await users.GetRolesAsync(user));
        audit.Add(self, user.Id, AccountAudit.Activated, $"{user.Email}: e-postadressen bekräftad");
        var text = await organisations.ConfirmedAsync(self, user.Id, ct);
        await links.ConsumeAsync(link, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        mails.Kick();
        return text;
    }
}
