using System.Globalization;
using System.Security.Claims;
using System.Text;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>
/// Kallelse: the notice with the föredragningslista, one mail per serving ledamot and ersättare ("Hej Anna,", with
/// what to do on förhinder), each with an .ics calendar invitation. Each sending is its own set of outbox rows
/// (a changed agenda can be sent again).
/// </summary>
/// <remarks>
/// The mails go out at once after the commit (<see cref="DeliverNowAsync"/> runs the outbox's own delivery in this
/// request) rather than through a Hangfire job: resolving Hangfire's client in a request failed intermittently when
/// several hosts share a process. A mail that cannot be sent now stays unsent in the outbox, where the recurring
/// sweep retries it; the page says how many went.
/// </remarks>
public sealed class SendNotice(GrantsDbContext db, MeetingStore store, BoardRegister board, ProfileStore profiles, MailOutbox outbox,
    MailTemplates templates, IServiceScopeFactory scopes, TimeProvider time, ILogger<SendNotice> log)
{
    /// <summary>Mail rows of one sending: "kallelse:{meeting}:{sending}:{board member}".</summary>
    public static string KeyPrefix(Guid meetingId, int sending) => $"kallelse:{meetingId}:{sending}:";

    /// <summary>What would be sent now: one mail per recipient (the preview step shows them before sending).</summary>
    public sealed record Preview(string Subject, IReadOnlyList<Letter> Letters, IReadOnlyList<string> Attachments);

    public sealed record Letter(BoardMember Recipient, string Subject, string Body);

    /// <summary>How the sending went: how many of its mails were delivered at once.</summary>
    public sealed record Delivery(int Sent, int Total);

    public async Task<Preview?> PreviewAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        if (meeting is null) return null;
        var serving = await board.ServingAsync(meeting.Date, ct);
        var profile = await profiles.GetAsync(ct);
        var bilagor = await BilagorAsync(meeting, ct);
        var letters = Letters(meeting, serving, profile.Name);
        return new Preview(letters.FirstOrDefault()?.Subject ?? NoticeText.Compose(templates, null, serving, meeting, profile.Name).Subject, letters,
            [Calendar.FileName, .. bilagor.Select(b => b.FileName)]);
    }

    public async Task<Outcome<Meeting>> HandleAsync(ClaimsPrincipal user, Guid meetingId, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        if (meeting is null) return Outcome<Meeting>.NotFound();
        if (meeting.State == MeetingState.Adjusted) return Outcome<Meeting>.Conflict("Sammanträdet är hållet och protokollet justerat.");
        var serving = await board.ServingAsync(meeting.Date, ct);
        var letters = Letters(meeting, serving, (await profiles.GetAsync(ct)).Name);
        if (letters.Count == 0) return Outcome<Meeting>.Conflict("Styrelsen har inga ledamöter eller ersättare för sammanträdesdagen; lägg in styrelsen först.");

        var profile = await profiles.GetAsync(ct);
        var now = time.GetUtcNow();
        meeting.NoticesSent++;
        meeting.NoticeSentAt = now;
        var ics = Calendar.Invitation(meeting, profile.Name, meeting.NoticesSent, now);
        var attachments = new List<OutboxAttachment> { new(Calendar.FileName, Calendar.ContentType, Encoding.UTF8.GetBytes(ics)) };
        attachments.AddRange(await BilagorAsync(meeting, ct));
        foreach (var letter in letters)
            await outbox.EnqueueAsync(KeyPrefix(meeting.Id, meeting.NoticesSent) + letter.Recipient.Id, [letter.Recipient.Email], letter.Subject,
                letter.Body, attachments: attachments, ct: ct);
        db.AuditEntries.Add(AuditEntry.Of(Actor.From(user), now, nameof(Meeting), meeting.Id.ToString(), "meeting.notice-sent",
            $"{letters.Count} mottagare, utskick {meeting.NoticesSent}"));
        return await store.SaveAsync(meeting, meeting, ct);
    }

    /// <summary>Delivers the committed mails of sending <paramref name="sending"/> now; what fails stays for the sweep.</summary>
    public async Task<Delivery> DeliverNowAsync(Guid meetingId, int sending, CancellationToken ct)
    {
        var prefix = KeyPrefix(meetingId, sending);
        var ids = await db.OutboxMails.AsNoTracking().Where(m => m.Key.StartsWith(prefix) && m.SentAt == null).Select(m => m.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            try
            {
                // A scope of its own, as a background job would have: this request's context still tracks the rows.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(id, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Recorded on the row (LastError) by the delivery; the sweep sends it later.
                log.LogWarning(e, "Kallelse mail {Id} was left to the outbox sweep", id);
            }
        }
        var total = await db.OutboxMails.AsNoTracking().CountAsync(m => m.Key.StartsWith(prefix), ct);
        return new Delivery(sent + (total - ids.Count), total);
    }

    private List<Letter> Letters(Meeting meeting, IReadOnlyCollection<BoardMember> serving, string associationName)
    {
        var byId = serving.ToDictionary(m => m.Id);
        return serving.Where(m => m.IsBoardMember && !string.IsNullOrWhiteSpace(m.Email))
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Create(NoticeText.Swedish, false))
            .Select(m =>
            {
                var (subject, body) = NoticeText.Compose(templates, m, serving, meeting, associationName);
                return new Letter(m, subject, body);
            })
            .ToList();
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
    /// <summary>"Inte skickad", "Skickad 1 gång, senast …", "Skickad 3 gånger, senast …" (<paramref name="last"/> in local time).</summary>
    public static string SentLabel(int count, DateTimeOffset? last) => count switch
    {
        0 => "Inte skickad",
        _ => $"Skickad {count} {(count == 1 ? "gång" : "gånger")}" + (last is { } t ? $", senast {t.ToString("d MMMM yyyy 'kl.' HH.mm", Swedish)}" : ""),
    };

    /// <summary>The kallelse mail's text: workflows/mail/kallelse.txt, the förbund's to edit.</summary>
    public const string Template = "kallelse";

    /// <summary>One recipient's mail: a greeting, what to do on förhinder, then the kallelse itself (no recipient: the subject only).</summary>
    public static (string Subject, string Body) Compose(MailTemplates templates, BoardMember? recipient, IReadOnlyCollection<BoardMember> serving,
        Meeting meeting, string associationName)
    {
        var name = recipient?.Name ?? "";
        var firstName = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
        return templates.Render(Template, new Dictionary<string, string>
        {
            ["fornamn"] = firstName,
            ["sammantradesdatum"] = meeting.Date.ToString("yyyy-MM-dd"),
            ["sammantradesdag"] = meeting.Date.ToString("d MMMM yyyy", Swedish),
            ["forhinder"] = recipient is null ? "" : Hinder(recipient, serving),
            ["kallelse"] = Of(meeting, associationName),
        });
    }

    /// <summary>
    /// Who calls whom on förhinder: a ledamot calls the personal ersättare and tells the kansli; an ersättare is
    /// called by the ledamot (the sources' practice), so the ersättare only needs to keep the day free.
    /// </summary>
    public static string Hinder(BoardMember recipient, IReadOnlyCollection<BoardMember> serving)
    {
        if (recipient.Role == BoardRole.Ersattare)
        {
            var principal = serving.FirstOrDefault(m => m.Id == recipient.DeputyForId);
            return principal is null
                ? "Du kallas som ersättare. Om en ledamot har förhinder kontaktar förbundskansliet dig för att tjänstgöra."
                : $"Du kallas som ersättare för {principal.Name}. Om {principal.Name} har förhinder kontaktar hen dig och du tjänstgör i hens ställe.";
        }
        var deputy = serving.FirstOrDefault(m => m.Role == BoardRole.Ersattare && m.DeputyForId == recipient.Id);
        return deputy is null
            ? "Har du förhinder? Svara på det här mejlet så snart du kan, så kallar förbundskansliet en ersättare."
            : $"Har du förhinder? Kalla då själv din ersättare {deputy.Name} ({deputy.Email}) och svara på det här mejlet så att förbundskansliet vet vem som kommer.";
    }

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

    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
}

/// <summary>An iCalendar (RFC 5545) invitation for the meeting, in Europe/Stockholm time.</summary>
public static class Calendar
{
    public const string ContentType = "text/calendar; charset=utf-8; method=PUBLISH";
    public const string FileName = "kallelse.ics";

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
