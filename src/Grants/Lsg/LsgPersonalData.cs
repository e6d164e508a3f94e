using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.Lsg;

/// <summary>The person's place in the LSG register (name, e-mail, the organisation they represent).</summary>
public sealed class LsgPersonalData(GrantsDbContext db) : IPersonalDataSource
{
    public string Section => "lsg";

    public async Task<object?> CollectAsync(DataSubject person, CancellationToken ct)
    {
        var email = person.Email ?? "\u0000";
        return await db.LsgMembers.AsNoTracking()
            .Where(m => m.UserId == person.UserId || m.Email == email)
            .Select(m => new { namn = m.Name, epost = m.Email, huvudman = m.MemberKey, aktiv = m.Active, skapat = m.CreatedAt })
            .ToListAsync(ct);
    }
}
