using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Grants.Identity.External;

/// <summary>Admin links an account to a provider's identity (its "sub") explicitly, or removes a link.</summary>
public sealed class ExternalLinks(GrantsDbContext db, UserManager<AppUser> users, ExternalProviders providers, AccountAudit audit)
{
    public sealed record Link(string UserId, string Provider, string ProviderDisplayName, string Subject);

    public async Task<ILookup<string, Link>> ListAsync(CancellationToken ct) =>
        (await db.UserLogins.AsNoTracking().ToListAsync(ct))
            .Select(l => new Link(l.UserId, l.LoginProvider, providers.Find(l.LoginProvider)?.DisplayName ?? l.ProviderDisplayName ?? l.LoginProvider, l.ProviderKey))
            .ToLookup(l => l.UserId);

    public async Task<Outcome<AppUser>> LinkAsync(ClaimsPrincipal admin, string userId, string? provider, string? subject, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return Outcome<AppUser>.NotFound();
        var errors = new ValidationErrors();
        var chosen = providers.Find(provider);
        if (chosen is null) errors.Add("provider", "Välj en av de inställda inloggningstjänsterna.");
        var sub = subject?.Trim() ?? "";
        if (sub.Length is 0 or > 200) errors.Add("subject", "Ange personens identitet hos tjänsten (\"sub\", högst 200 tecken).");
        if (!errors.IsEmpty) return Outcome<AppUser>.Invalid(errors);
        if (await users.FindByLoginAsync(chosen!.Scheme, sub) is { } holder)
            return holder.Id == user.Id ? user : Outcome<AppUser>.Conflict("Identiteten är redan kopplad till ett annat konto.");

        var added = await users.AddLoginAsync(user, new UserLoginInfo(chosen.Scheme, sub, chosen.DisplayName));
        if (!added.Succeeded) return Outcome<AppUser>.Conflict(string.Join(" ", added.Errors.Select(e => e.Description)));
        audit.Add(Actor.From(admin), user.Id, AccountAudit.ExternalLinked, $"{chosen.DisplayName}: kopplad av administratör");
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async Task<Outcome<AppUser>> UnlinkAsync(ClaimsPrincipal admin, string userId, string? provider, string? subject, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return Outcome<AppUser>.NotFound();
        var logins = await users.GetLoginsAsync(user);
        if (logins.FirstOrDefault(l => l.LoginProvider == provider && l.ProviderKey == subject) is not { } login) return Outcome<AppUser>.NotFound();
        // RemoveLoginAsync renews the security stamp: a session opened through the link ends.
        var removed = await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        if (!removed.Succeeded) return Outcome<AppUser>.Conflict(string.Join(" ", removed.Errors.Select(e => e.Description)));
        audit.Add(Actor.From(admin), user.Id, AccountAudit.ExternalUnlinked, login.ProviderDisplayName ?? login.LoginProvider);
        await db.SaveChangesAsync(ct);
        return user;
    }
}
