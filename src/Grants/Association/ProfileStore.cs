using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Grants.Association;

/// <summary>
/// Reads the stored förbund profile. Seeded from configuration at first start. Read on nearly every
/// request, so it is cached briefly; <see cref="UpdateProfile"/> evicts it at once in this process.
/// </summary>
public sealed class ProfileStore(GrantsDbContext db, IMemoryCache cache)
{
    private const string Key = "association-profile";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<AssociationProfile> GetAsync(CancellationToken ct = default) =>
        await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await db.AssociationProfiles.AsNoTracking().SingleOrDefaultAsync(ct)
                   ?? throw new InvalidOperationException("The association profile has not been seeded; the start-up seeding did not run.");
        }) ?? throw new InvalidOperationException("The association profile cache returned nothing.");

    public void Evict() => cache.Remove(Key);
}
