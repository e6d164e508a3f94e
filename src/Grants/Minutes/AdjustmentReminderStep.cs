using Grants.Infrastructure;
using Grants.Mail;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Grants.Meetings;

namespace Grants.Minutes;

/// <summary>
/// Sweep step: once a held meeting's 14-day adjustment deadline is near (Board:ReminderDaysBefore), the chair and
/// justerare who have not signed get one reminder mail. The outbox key makes a re-run write nothing new.
/// </summary>
public sealed class AdjustmentReminderStep(GrantsDbContext db, MailOutbox outbox, LocalClock clock, IOptions<BoardOptions> options) : ISweepStep
{
    public string Name => "justering-paminnelse";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = clock.DateOf(now == DateTimeOffset.MinValue ? clock.Now : now);
        var open = await db.Meetings.AsNoTracking().Where(m => m.State != MeetingState.Adjusted && m.Date <= today).ToListAsync(ct);
        var due = open.Where(m => IsDue(m, today, options.Value.ReminderDaysBefore)).ToList();
        if (due.Count == 0) return 0;
        var board = await db.BoardMembers.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var sent = 0;
        foreach (var meeting in due)
        {
            var signers = meeting.Attendance.AdjusterIds.Prepend(meeting.Attendance.ChairId ?? Guid.Empty)
                .Where(id => board.ContainsKey(id) && meeting.Signatures.All(s => s.BoardMemberId != id)).Select(id => board[id]).ToList();
            if (signers.Count == 0) continue;
            var body = $"Hej!\n\nProtokollet från styrelsens sammanträde {meeting.Date:yyyy-MM-dd} ska justeras senast {meeting.AdjustmentDeadline:yyyy-MM-dd}."
                + $"\nDet väntar på justering av: {string.Join(", ", signers.Select(s => s.Name))}."
                + "\n\nLogga in och justera under Styrelsen → sammanträdet, eller kontakta förbundets kansli.\n";
            if (await outbox.EnqueueAsync($"justering-paminnelse:{meeting.Id}", signers.Select(s => s.Email),
                    $"Påminnelse: justera protokollet från {meeting.Date:yyyy-MM-dd} senast {meeting.AdjustmentDeadline:yyyy-MM-dd}", body, ct: ct))
                sent++;
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    public static bool IsDue(Meeting meeting, DateOnly today, int daysBefore) =>
        meeting.State != MeetingState.Adjusted && meeting.Date <= today && today >= meeting.AdjustmentDeadline.AddDays(-daysBefore);
}
