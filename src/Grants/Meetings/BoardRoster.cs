using Grants.Identity;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>A Styrelse login must be a board member or officer with a current or coming term (justering follows that person).</summary>
public sealed class BoardRoster(GrantsDbContext db, Shared.LocalClock clock) : IStaffRoster
{
    public string Role => Roles.Board;

    public async Task<string?> ProblemAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var today = clock.Today;
        return await db.BoardMembers.AnyAsync(m => m.Email == normalized && m.TermEnd >= today, ct)
            ? null
            : "Rollen Styrelse kräver att adressen finns i styrelsens register med en pågående eller kommande mandatperiod. Kansliet lägger in personen under Styrelsen → Styrelsens ledamöter och ersättare först.";
    }
}
