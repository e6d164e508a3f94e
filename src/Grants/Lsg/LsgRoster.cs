using Grants.Identity;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Lsg;

/// <summary>An LSG login must be an active LSG member (jäv is checked against that member).</summary>
public sealed class LsgRoster(GrantsDbContext db) : IStaffRoster
{
    public string Role => Roles.Lsg;

    public async Task<string?> ProblemAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return await db.LsgMembers.AnyAsync(m => m.Active && m.Email == normalized, ct)
            ? null
            : "Rollen LSG kräver att adressen finns bland LSG:s ledamöter. Lägg in ledamoten under LSG-kön → Ledamöter och sammanträden först.";
    }
}
