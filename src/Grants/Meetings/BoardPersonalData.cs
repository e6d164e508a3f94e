using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>The person's board membership and the minutes they signed (justering) or registered.</summary>
public sealed class BoardPersonalData(GrantsDbContext db) : IPersonalDataSource
{
    public string Section => "styrelse";

    public async Task<object?> CollectAsync(DataSubject person, CancellationToken ct)
    {
        var email = person.Email ?? "\u0000";
        var members = await db.BoardMembers.AsNoTracking().Where(m => m.Email == email).ToListAsync(ct);
        var memberIds = members.Select(m => m.Id).ToHashSet();
        var meetings = await db.Meetings.AsNoTracking().Select(m => new { m.Date, m.Signatures }).ToListAsync(ct);
        var signatures = meetings
            .SelectMany(m => m.Signatures.Where(s => s.ByUserId == person.UserId || memberIds.Contains(s.BoardMemberId))
                .Select(s => new { sammanträde = m.Date, namn = s.Name, egenskap = s.Capacity, tid = s.At, registreradAv = s.ByName }))
            .ToList();
        return new
        {
            uppdrag = members.Select(m => new { namn = m.Name, epost = m.Email, roll = m.RoleLabel, från = m.TermStart, till = m.TermEnd }),
            justeringar = signatures,
        };
    }
}
