using System.Security.Cryptography;
using System.Text;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Identity;

/// <summary>
/// Growing delays per address instead of lock-outs: after <see cref="AccountOptions.FreeAttempts"/> failures
/// each further attempt waits 1, 2, 4 ... seconds, at most <see cref="AccountOptions.MaxDelaySeconds"/>.
/// A success clears the row. Known and unknown addresses share the same rows and rules.
/// </summary>
public sealed class SignInThrottle(GrantsDbContext db, TimeProvider time, IOptions<AccountOptions> options)
{
    /// <summary>Failures older than this are forgotten.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>How long the address must still wait, or null when an attempt may be made now.</summary>
    public async Task<TimeSpan?> WaitAsync(string email, CancellationToken ct)
    {
        var entry = await db.SignInThrottle.AsNoTracking().SingleOrDefaultAsync(t => t.Key == KeyOf(email), ct);
        var now = time.GetUtcNow();
        return entry is not null && entry.NotBefore > now ? entry.NotBefore - now : null;
    }

    public async Task FailedAsync(string email, CancellationToken ct)
    {
        var key = KeyOf(email);
        var now = time.GetUtcNow();
        var entry = await db.SignInThrottle.SingleOrDefaultAsync(t => t.Key == key, ct);
        if (entry is null) db.SignInThrottle.Add(entry = new SignInThrottleEntry { Key = key });
        if (now - entry.LastFailureAt > Memory) entry.Failures = 0;
        entry.Failures++;
        entry.LastFailureAt = now;
        var over = entry.Failures - options.Value.FreeAttempts;
        entry.NotBefore = over < 0 ? now : now + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(over, 20)), options.Value.MaxDelaySeconds));
        await db.SaveChangesAsync(ct);
    }

    public async Task SucceededAsync(string email, CancellationToken ct) =>
        await db.SignInThrottle.Where(t => t.Key == KeyOf(email)).ExecuteDeleteAsync(ct);

    internal static string KeyOf(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}
