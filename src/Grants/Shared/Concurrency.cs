using System.Linq.Expressions;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grants.Shared;

/// <summary>
/// The optimistic-concurrency plumbing every writing use case shares: the If-Match version a client read,
/// a save that answers 409 when someone else saved first, and the atomic claim of a queued row.
/// </summary>
public static class Concurrency
{
    public const string DefaultMessage = "Någon annan ändrade uppgifterna samtidigt. Ladda om och försök igen.";

    /// <summary>If-Match: "7" (or W/"7") — the version the client read; absent or unreadable means "no check".</summary>
    public static int? ExpectedVersion(HttpRequest request) =>
        int.TryParse(request.Headers.IfMatch.ToString().Trim().TrimStart('W').Trim('/', '"', ' '), out var v) ? v : null;

    /// <summary>Saves (and commits <paramref name="tx"/>); a concurrency conflict rolls back, forgets the tracked changes and answers 409.</summary>
    public static Task<Outcome<T>> SaveOrConflictAsync<T>(this DbContext db, T value, CancellationToken ct, string message = DefaultMessage, IDbContextTransaction? tx = null) =>
        db.OrConflictAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
            return Outcome<T>.Ok(value);
        }, message, tx);

    /// <summary>Runs <paramref name="work"/> (which saves); a lost race inside it (concurrency token or unique key) rolls back and answers 409.</summary>
    public static async Task<Outcome<T>> OrConflictAsync<T>(this DbContext db, Func<Task<Outcome<T>>> work, string message = DefaultMessage, IDbContextTransaction? tx = null)
    {
        try
        {
            return await work();
        }
        // A changed version, or a unique key taken meanwhile by a concurrent writer (e.g. two submits of one draft
        // both adding its kvittens row): either way the other writer won.
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            if (tx is not null) await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return Outcome<T>.ConcurrentChange(message);
        }
    }

    /// <summary>
    /// Claims one queued row until <paramref name="until"/> with a single conditional UPDATE: true for exactly one of
    /// several concurrent claimers. A claim whose time has passed (its holder died) is free again.
    /// </summary>
    public static async Task<bool> ClaimAsync<T>(this IQueryable<T> row, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
        where T : class, IClaimable
    {
        var claimed = await row.Where(ClaimIsFree<T>(now))
            .ExecuteUpdateAsync(s => s.SetProperty(ClaimedUntilOf<T>(), until), ct);
        return claimed == 1;
    }

    // Built on the entity type itself (not the interface), so EF maps the property without a cast.
    private static Expression<Func<T, DateTimeOffset?>> ClaimedUntilOf<T>()
    {
        var r = Expression.Parameter(typeof(T), "r");
        return Expression.Lambda<Func<T, DateTimeOffset?>>(Expression.Property(r, nameof(IClaimable.ClaimedUntil)), r);
    }

    /// <summary>ClaimedUntil == null || ClaimedUntil &lt; now, built on the entity type so EF translates it.</summary>
    public static Expression<Func<T, bool>> ClaimIsFree<T>(DateTimeOffset now) where T : IClaimable
    {
        var r = Expression.Parameter(typeof(T), "r");
        var until = Expression.Property(r, nameof(IClaimable.ClaimedUntil));
        var body = Expression.OrElse(
            Expression.Equal(until, Expression.Constant(null, typeof(DateTimeOffset?))),
            Expression.LessThan(until, Expression.Constant(now, typeof(DateTimeOffset?))));
        return Expression.Lambda<Func<T, bool>>(body, r);
    }
}

/// <summary>A row that a worker holds for a while before acting on it (outbox mail, pending actions, notices).</summary>
public interface IClaimable
{
    DateTimeOffset? ClaimedUntil { get; set; }
}
