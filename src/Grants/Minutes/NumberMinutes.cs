using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Minutes;

/// <summary>What numbering would give: each item with its § (nothing reserved), or why numbering is refused.</summary>
public sealed record NumberingPreview(Guid MeetingId, DateOnly Date, int Version, IReadOnlyList<NumberingPreview.Line> Items, string? Refusal)
{
    public sealed record Line(Guid ItemId, int Paragraph, string Title, string? RegistrationNumber, string Decision);
}

/// <summary>
/// Gives the items § numbers from the förbund's continuing series (the profile's first number, then on from the
/// last meeting). The series follows the meetings' dates: a meeting dated before one already numbered cannot take
/// numbers (they would break the order), and every item must carry its decision first (a bordlagt item is decided
/// as bordlagt and gets its §). The counter row is incremented in the same short transaction that stores the
/// numbers, so a rolled-back numbering leaves no gap and two meetings numbered at once never share a number.
/// </summary>
public sealed class NumberMinutes(GrantsDbContext db, MeetingStore store, ProfileStore profiles, WriteGate gate, TimeProvider time)
{
    public const string VersionMessage = "Föredragningslistan har ändrats sedan du granskade numreringen. Granska paragraferna igen innan du numrerar.";

    /// <summary>The confirmation: which item gets which §, or the refusal. Null when the meeting does not exist.</summary>
    public async Task<NumberingPreview?> PreviewAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return null;
        var refusal = await RefusalAsync(meeting, ct);
        var next = meeting.FirstParagraph ?? (await db.ParagraphCounters.AsNoTracking().Select(c => (int?)c.Last).SingleOrDefaultAsync(ct) is { } last
            ? last + 1
            : (await profiles.GetAsync(ct)).FirstParagraphNumber);
        var lines = meeting.Ordered.Select((item, i) => new NumberingPreview.Line(item.Id, item.ParagraphNumber ?? next + i, item.Title, item.RegistrationNumber,
            item.Decision.Recorded ? string.Join(" ", item.Decision.Clauses.Select(c => c.Printed).Concat(item.Decision.Notes())) : "Beslut saknas")).ToList();
        return new NumberingPreview(meeting.Id, meeting.Date, meeting.Version, lines, refusal);
    }

    /// <param name="confirmedVersion">The meeting version the confirmation page showed; a later change to the agenda is refused.</param>
    public async Task<Outcome<Meeting>> HandleAsync(ClaimsPrincipal user, Guid meetingId, int? confirmedVersion, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var actor = Actor.From(user);
        using (await gate.EnterAsync(ct))
        {
            db.Database.AutoSavepointsEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Read inside the lock and the transaction: a concurrent numbering sees the other's result.
            var meeting = await store.LoadAsync(meetingId, ct);
            if (meeting is null) return Outcome<Meeting>.NotFound();
            if (await RefusalAsync(meeting, ct) is { } refusal) return Outcome<Meeting>.Conflict(refusal);
            if (confirmedVersion is { } v && v != meeting.Version) return Outcome<Meeting>.Conflict(VersionMessage);

            var count = meeting.Items.Count;
            var last = await NextAsync(profile.FirstParagraphNumber, count, ct);
            var number = last - count + 1;
            foreach (var item in meeting.Ordered) item.ParagraphNumber = number++;
            meeting.FirstParagraph = last - count + 1;
            meeting.LastParagraph = last;
            meeting.State = MeetingState.Numbered;
            meeting.NumberedAt = time.GetUtcNow();
            meeting.NumberedBy = $"{actor.Name} ({actor.Role})";
            db.AuditEntries.Add(AuditEntry.Of(actor, meeting.NumberedAt.Value, nameof(Meeting), meeting.Id.ToString(), "minutes.numbered",
                $"Paragrafer {meeting.FirstParagraph} - {meeting.LastParagraph}"));
            var saved = await store.SaveAsync(meeting, meeting, ct);
            if (saved.IsOk) await tx.CommitAsync(ct);
            else await tx.RollbackAsync(ct);
            return saved;
        }
    }

    /// <summary>Why the meeting cannot be numbered now, or null.</summary>
    private async Task<string?> RefusalAsync(Meeting meeting, CancellationToken ct)
    {
        if (meeting.State == MeetingState.Adjusted) return MeetingStore.AdjustedMessage;
        if (meeting.State == MeetingState.Numbered) return "Protokollet är redan numrerat.";
        if (meeting.Items.Count == 0) return "Föredragningslistan är tom.";
        var undecided = meeting.Ordered.Where(i => !i.Decision.Recorded).Select(i => $"{i.Position}. {i.Title}").ToList();
        if (undecided.Count > 0)
            return $"Beslut saknas för {string.Join("; ", undecided)}. Registrera beslutet i varje ärende innan paragraferna numreras "
                + "(ett bordlagt ärende registreras som bordlagt och får sin paragraf).";
        var later = await db.Meetings.AsNoTracking()
            .Where(m => m.Id != meeting.Id && m.State != MeetingState.Planned && m.Date > meeting.Date)
            .OrderByDescending(m => m.Date).Select(m => new { m.Date, m.FirstParagraph, m.LastParagraph }).FirstOrDefaultAsync(ct);
        if (later is not null)
            return $"Sammanträdet {meeting.Date:yyyy-MM-dd} kan inte numreras: sammanträdet {later.Date:yyyy-MM-dd} är redan numrerat "
                + $"(§ {later.FirstParagraph}–{later.LastParagraph}). Paragrafserien följer sammanträdenas datum, så ett tidigare sammanträde "
                + "kan inte få nummer efter ett senare.";
        return null;
    }

    /// <summary>Reserves <paramref name="count"/> numbers and returns the last; the first ever reservation starts at <paramref name="first"/>.</summary>
    private async Task<int> NextAsync(int first, int count, CancellationToken ct)
    {
        var initial = first - 1 + count;
        var last = await db.Database
            .SqlQuery<int>($"""INSERT INTO "ParagraphCounters" ("Id", "Last") VALUES (1, {initial}) ON CONFLICT ("Id") DO UPDATE SET "Last" = "ParagraphCounters"."Last" + {count} RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        return last.Single();
    }
}

/// <summary>The förbund's § series as the profile sees it: once any § is given, the first number is locked.</summary>
public sealed class ParagraphSeries(GrantsDbContext db) : IParagraphSeries
{
    public Task<int?> LastGivenAsync(CancellationToken ct) =>
        db.ParagraphCounters.AsNoTracking().Select(c => (int?)c.Last).SingleOrDefaultAsync(ct);
}
