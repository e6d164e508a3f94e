using System.Globalization;
using System.Security.Claims;
using System.Text;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>
/// Kallelse: the notice with the föredragningslista, mailed to every serving ledamot and ersättare with an .ics
/// calendar invitation. Each sending is its own outbox row (a changed agenda can be sent again).
/// </summary>
/// <remarks>
/// Delivery is left to the recurring sweep (OutboxSweepStep) rather than kicked here: resolving Hangfire's
/// IBackgroundJobClient in a request failed intermittently when several hosts share a process (Hangfire's static
/// log provider held a disposed LoggerFactory of another host).
/// </remarks>
public sealed class SendNotice(GrantsDbContext db, MeetingStore store, BoardRegister board, ProfileStore profiles, MailOutbox outbox,
    TimeProvider time)
{
    public async Task<Outcome<Meeting>> HandleAsync(ClaimsPrincipal user, Guid meetingId, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        if (meeting is null) return Outcome<Meeting>.NotFound();
        if (meeting.State == MeetingState.Adjusted) return Outcome<Meeting>.Conflict("Sammanträdet är hållet och protokollet justerat.");
        var recipients = (await board.ServingAsync(meeting.Date, ct)).Where(m => m.IsBoardMember).Select(m => m.Email).ToList();
        if (recipients.Count == 0) return Outcome<Meeting>.Conflict("Styrelsen har inga ledamöter eller ersättare för sammanträdesdagen; lägg in styrelsen först.");

        var profile = await profiles.GetAsync(ct);
        var now = time.GetUtcNow();
        meeting.NoticesSent++;
        meeting.NoticeSentAt = now;
        var subject = $"Kallelse till styrelsens sammanträde {meeting.Date:yyyy-MM-dd}";
        var ics = Calendar.Invitation(meeting, profile.Name, meeting.NoticesSent, now);
        var attachments = new List<OutboxAttachment> { new("kallelse.ics", Calendar.ContentType, Encoding.UTF8.GetBytes(ics)) };
        attachments.AddRange(await BilagorAsync(meeting, ct));
        await outbox.EnqueueAsync($"kallelse:{meeting.Id}:{meeting.NoticesSent}", recipients, subject, NoticeText.Of(meeting, profile.Name),
            attachments: attachments, ct: ct);
        db.AuditEntries.Add(AuditEntry.Of(Actor.From(user), now, nameof(Meeting), meeting.Id.ToString(), "meeting.notice-sent",
            $"{recipients.Count} mottagare, utskick {meeting.NoticesSent}"));
        return await store.SaveAsync(meeting, meeting, ct);
    }

    /// <summary>The applications' bilagor ("Se bilaga."), each named with its diarienummer so the board can tell them apart.</summary>
    private async Task<List<OutboxAttachment>> BilagorAsync(Meeting meeting, CancellationToken ct)
    {
        var items = meeting.Ordered.Where(i => i.ApplicationId is not null).ToList();
        var ids = items.Select(i => i.ApplicationId!.Value).ToList();
        var files = await db.Attachments.AsNoTracking().Include(a => a.Content)
            .Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct);
        return items.SelectMany(item => files.Where(f => f.ApplicationId == item.ApplicationId).OrderBy(f => f.FileName)
                .Select(f => new OutboxAttachment($"{(item.RegistrationNumber ?? item.Title).Replace('/', '-')} – {f.FileName}", f.ContentType, f.Content?.Data ?? [])))
            .ToList();
    }
}

/// <summary>The kallelse as text: time, place and the numbered agenda with each item's proposal (seeds/004's notice).</summary>
public static class NoticeText
{
    public static string Of(Meeting meeting, string associationName)
    {
        var sb = new StringBuilder();
        sb.Append("KALLELSE\n").Append(associationName).Append(" – styrelsens sammanträde\n\n");
        sb.Append("Tid: ").Append(meeting.Date.ToString("dddd d MMMM yyyy", Swedish)).Append(", kl. ").Append(meeting.StartTime.ToString("HH\\.mm"));
        if (meeting.EndTime is { } end) sb.Append(" – ").Append(end.ToString("HH\\.mm"));
        sb.Append(".\n").Append("Plats: ").Append(meeting.Place).Append("\n\nFÖREDRAGNINGSLISTA\n");
        var n = 1;
        foreach (var item in meeting.Ordered)
        {
            sb.Append('\n').Append(item.ParagraphNumber is { } p ? $"§ {p}" : $"{n}.").Append(' ').Append(item.Title.TrimEnd('.')).Append(".\n");
            if (item.Text.Length > 0) sb.Append('\n').Append(item.Text).Append('\n');
            var proposal = item.Proposal.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
            if (proposal.Count > 0)
            {
                sb.Append("\nSamordningsförbundet föreslås besluta:\n\n");
                foreach (var clause in proposal) sb.Append(clause).Append("\n\n");
            }
            n++;
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
}

/// <summary>An iCalendar (RFC 5545) invitation for the meeting, in Europe/Stockholm time.</summary>
public static class Calendar
{
    public const string ContentType = "text/calendar; charset=utf-8; method=PUBLISH";

    public static string Invitation(Meeting meeting, string associationName, int sequence, DateTimeOffset stamp)
    {
        var start = meeting.Date.ToDateTime(meeting.StartTime);
        var end = meeting.Date.ToDateTime(meeting.EndTime ?? meeting.StartTime.AddHours(3));
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Grants//Kallelse//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE", "TZID:Europe/Stockholm",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            $"UID:{meeting.Id}@grants",
            $"SEQUENCE:{sequence}",
            $"DTSTAMP:{stamp.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}",
            $"DTSTART;TZID=Europe/Stockholm:{start:yyyyMMdd'T'HHmmss}",
            $"DTEND;TZID=Europe/Stockholm:{end:yyyyMMdd'T'HHmmss}",
            $"SUMMARY:{Escape($"Styrelsens sammanträde, {associationName}")}",
            $"LOCATION:{Escape(meeting.Place)}",
            $"DESCRIPTION:{Escape(string.Join("\n", meeting.Ordered.Select((i, n) => $"{n + 1}. {i.Title}")))}",
            "END:VEVENT", "END:VCALENDAR",
        };
        return string.Concat(lines.Select(l => Fold(l) + "\r\n"));
    }

    private static string Escape(string s) =>
        s.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a UTF-8 sequence.</summary>
    private static string Fold(string line)
    {
        var sb = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 74)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        return sb.ToString();
    }
}
