using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

using Grants.Meetings;

namespace Grants.Minutes;

/// <summary>
/// Gives the items § numbers from the förbund's continuing series (the profile's first number, then on from the
/// last meeting). The counter row is incremented in the same short transaction that stores the numbers, so a
/// rolled-back numbering leaves no gap and two meetings numbered at once never share a number.
/// </summary>
public sealed class NumberMinutes(GrantsDbContext db, MeetingStore store, ProfileStore profiles, WriteGate gate, TimeProvider time)
{
    public async Task<Outcome<Meeting>> HandleAsync(ClaimsPrincipal user, Guid meetingId, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var actor = Actor.From(user);
        using (await gate.EnterAsync(ct))
        {
            db.Database.AutoSavepointsEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Read inside the lock and the transaction: a concurrent numbering of the same meeting sees its result.
            var meeting = await store.LoadAsync(meetingId, ct);
            if (meeting is null) return Outcome<Meeting>.NotFound();
            if (meeting.State != MeetingState.Planned)
                return Outcome<Meeting>.Conflict(meeting.State == MeetingState.Adjusted ? MeetingStore.AdjustedMessage : "Protokollet är redan numrerat.");
            if (meeting.Items.Count == 0) return Outcome<Meeting>.Conflict("Föredragningslistan är tom.");

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
