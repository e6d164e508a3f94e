using System.Security.Cryptography;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Identity;

/// <summary>Issues and redeems the single-use links in set-up and reset mails.</summary>
public sealed class AccountLinks(GrantsDbContext db, TimeProvider time, IOptions<AppOptions> app, IOptions<AccountOptions> accounts)
{
    public const string SetupPath = "/Account/Setup";
    /// <summary>Where registration and change-of-address links lead.</summary>
    public const string ConfirmPath = "/Account/Confirm";

    /// <summary>Adds a link row to the caller's unit of work and returns the absolute URL carrying the raw token.</summary>
    public string Issue(AppUser user, AccountLinkPurpose purpose, string? newEmail = null)
    {
        var token = NewToken();
        var now = time.GetUtcNow();
        var o = accounts.Value;
        var lifetime = purpose switch
        {
            AccountLinkPurpose.Setup => TimeSpan.FromHours(o.SetupLinkHours),
            AccountLinkPurpose.ConfirmEmail => TimeSpan.FromHours(o.ConfirmLinkHours),
            AccountLinkPurpose.ChangeEmail => TimeSpan.FromHours(o.ConfirmLinkHours),
            _ => TimeSpan.FromMinutes(o.ResetLinkMinutes),
        };
        db.AccountLinks.Add(new AccountLink
        {
            UserId = user.Id, Purpose = purpose, TokenHash = AccountLink.Hash(token), CreatedAt = now, ExpiresAt = now + lifetime, NewEmail = newEmail,
        });
        var path = purpose is AccountLinkPurpose.ConfirmEmail or AccountLinkPurpose.ChangeEmail ? ConfirmPath : SetupPath;
        return Url(path, token);
    }

    /// <summary>An absolute link to a page of this installation carrying a token.</summary>
    public string Url(string path, string token) => $"{app.Value.PublicBaseUrl.TrimEnd('/')}{path}?token={token}";

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The unused, unexpired link for the token, or null.</summary>
    public async Task<AccountLink?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = AccountLink.Hash(token);
        var link = await db.AccountLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        return link is { UsedAt: null } && link.ExpiresAt > time.GetUtcNow() ? link : null;
    }

    /// <summary>Marks the link used, and every other open link of the same person and purpose with it.</summary>
    public async Task ConsumeAsync(AccountLink link, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await db.AccountLinks.Where(l => l.UserId == link.UserId && l.Purpose == link.Purpose && l.UsedAt == null).ToListAsync(ct);
        foreach (var l in open) l.UsedAt = now;
        link.UsedAt = now;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
