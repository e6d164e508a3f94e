using Grants.Infrastructure;
using Grants.Mail;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Grants.Association;
using Grants.Meetings;
using Grants.Workflow;

namespace Grants.Minutes;

/// <summary>
/// Sweep step: once a held meeting's 14-day adjustment deadline is near (Board:ReminderDaysBefore), the chair and
/// justerare who have not signed get one reminder mail. The outbox key makes a re-run write nothing new.
/// </summary>
public sealed class AdjustmentReminderStep(GrantsDbContext db, MailOutbox outbox, MailTemplates templates, ProfileStore profiles, LocalClock clock,
    IOptions<BoardOptions> options) : ISweepStep
{
    /// <summary>The reminder's text: workflows/mail/justering-paminnelse.txt.</summary>
    public const string Template = "justering-paminnelse";

    public string Name => "justering-paminnelse";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = clock.DateOf(now == DateTimeOffset.MinValue ? clock.Now : now);
        var open = await db.Meetings.AsNoTracking().Where(m => m.State != MeetingState.Adjusted && m.Date <= today).ToListAsync(ct);
        var due = open.Where(m => IsDue(m, today, options.Value.ReminderDaysBefore)).ToList();
        if (due.Count == 0) return 0;
        var board = await db.BoardMembers.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var associationName = (await profiles.GetAsync(ct)).Name;
        var sent = 0;
        foreach (var meeting in due)
        {
            var signers = meeting.Attendance.AdjusterIds.Prepend(meeting.Attendance.ChairId ?? Guid.Empty)
                .Where(id => board.ContainsKey(id) && meeting.Signatures.All(s => s.BoardMemberId != id)).Select(id => board[id]).ToList();
            if (signers.Count == 0) continue;
            var (subject, body) = templates.Render(Template, new Dictionary<string, string>
            {
                ["sammantradesdatum"] = meeting.Date.ToString("yyyy-MM-dd"),
                ["sista-dag"] = meeting.AdjustmentDeadline.ToString("yyyy-MM-dd"),
                ["justerare"] = string.Join(", ", signers.Select(s => s.Name)),
                ["forbund"] = associationName,
            });
            if (await outbox.EnqueueAsync($"justering-paminnelse:{meeting.Id}", signers.Select(s => s.Email), subject, body, ct: ct))
                sent++;
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    public static bool IsDue(Meeting meeting, DateOnly today, int daysBefore) =>
        meeting.State != MeetingState.Adjusted && meeting.Date <= today && today >= meeting.AdjustmentDeadline.AddDays(-daysBefore);
}
