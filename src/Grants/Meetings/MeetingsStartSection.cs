using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Start;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>
/// The start page's board work: for a Styrelse member the minutes waiting for their own justering (as chair or
/// justerare); for the kansli every numbered protokoll still to be adjusted, with who has not signed, and the next meeting.
/// </summary>
public sealed class MeetingsStartSection(GrantsDbContext db, BoardRegister board, LocalClock clock) : IStartSection
{
    public async Task<StartSection?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var secretariat = user.IsInRole(Roles.Secretariat);
        if (!secretariat && !user.IsInRole(Roles.Board)) return null;
        var today = clock.Today;
        var open = await db.Meetings.AsNoTracking().Where(m => m.State == MeetingState.Numbered).ToListAsync(ct);
        var members = await db.BoardMembers.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var tasks = new List<StartTask>();
        foreach (var m in open.Where(m => m.Date <= today).OrderBy(m => m.Date))
        {
            var required = m.Attendance.AdjusterIds.Prepend(m.Attendance.ChairId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
            var missing = required.Where(id => m.Signatures.All(s => s.BoardMemberId != id)).ToList();
            var late = m.AdjustmentDeadline < today;
            if (secretariat)
            {
                var who = missing.Count == 0 ? "ordförande och justerare är inte utsedda" : "väntar på " + string.Join(", ", missing.Select(id => members.GetValueOrDefault(id, "okänd")));
                tasks.Add(new StartTask($"Protokoll {m.Date:yyyy-MM-dd} att få justerat", $"/Meetings/Meeting/{m.Id}",
                    $"Justeras senast {m.AdjustmentDeadline:yyyy-MM-dd}; {who}.", m.AdjustmentDeadline, late));
            }
            else if (await board.MemberOfAsync(user, m.Date, ct) is { } me && missing.Contains(me.Id))
            {
                tasks.Add(new StartTask($"Justera protokollet från {m.Date:yyyy-MM-dd}", $"/Meetings/Meeting/{m.Id}",
                    $"Du är {(me.Id == m.Attendance.ChairId ? "ordförande" : "justerare")}. Läs protokollet och justera senast {m.AdjustmentDeadline:yyyy-MM-dd}.",
                    m.AdjustmentDeadline, late));
            }
        }
        if (secretariat)
        {
            var next = (await db.Meetings.AsNoTracking().Where(m => m.State == MeetingState.Planned).ToListAsync(ct))
                .Where(m => m.Date >= today).OrderBy(m => m.Date).FirstOrDefault();
            if (next is not null)
                tasks.Add(new StartTask($"Nästa sammanträde {next.Date:yyyy-MM-dd}", $"/Meetings/Meeting/{next.Id}",
                    next.NoticesSent == 0 ? "Kallelsen är inte skickad." : "Kallelsen är skickad.", next.Date));
            return new StartSection(20, "Styrelsens protokoll och sammanträden", tasks, "Inga protokoll väntar på justering.", "/Meetings", "Alla sammanträden");
        }
        return new StartSection(10, "Protokoll att justera", tasks, "Inga protokoll väntar på din justering.", "/Meetings", "Styrelsens sammanträden");
    }
}
