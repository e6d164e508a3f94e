using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Association;

/// <summary>Reads the stored förbund profile. Seeded from configuration at first start.</summary>
public sealed class ProfileStore(GrantsDbContext db)
{
    public async Task<AssociationProfile> GetAsync(CancellationToken ct = default) =>
        await db.AssociationProfiles.AsNoTracking().SingleOrDefaultAsync(ct)
        ?? throw new InvalidOperationException("The association profile has not been seeded; the start-up seeding did not run.");
}
