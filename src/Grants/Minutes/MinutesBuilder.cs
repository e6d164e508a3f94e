using System.Security.Cryptography;
using System.Text.Json;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Grants.Minutes;

/// <summary>Builds the protokoll's read model from a meeting, and the SHA-256 that seals the adjusted content.</summary>
public static class MinutesBuilder
{
    public static MinutesDocument Build(Meeting meeting, IReadOnlyCollection<BoardMember> board, AssociationProfile profile)
    {
        var byId = board.ToDictionary(m => m.Id);
        string NameOf(Guid? id) => id is { } i && byId.TryGetValue(i, out var m) ? m.Name : "";
        string? MemberOf(BoardMember m) => m.MemberKey is null ? null : profile.FindMember(m.MemberKey)?.Name;

        var deciding = meeting.Attendance.Deciding
            .Where(a => byId.ContainsKey(a.BoardMemberId))
            .Select(a => (Attendee: a, Member: byId[a.BoardMemberId]))
            .OrderBy(x => x.Member.Office switch { BoardOffice.Ordforande => 0, BoardOffice.ViceOrdforande => 1, _ => 2 })
            .ThenBy(x => x.Member.Role)
            .Select(x => new AttendeeLine(x.Member.Name,
                x.Attendee.ReplacesId is { } r ? $"tjänstgörande ersättare för {NameOf(r)}" : x.Member.RoleLabel, MemberOf(x.Member)))
            .ToList();
        var others = meeting.Attendance.Others.Select(line =>
        {
            var comma = line.IndexOf(',');
            return comma < 0 ? new AttendeeLine(line, "", null) : new AttendeeLine(line[..comma].Trim(), line[(comma + 1)..].Trim(), null);
        }).ToList();
        var adjusters = meeting.Attendance.AdjusterIds.Select(id => NameOf(id)).Where(n => n.Length > 0).ToList();

        var paragraphs = meeting.Ordered.Select(i => new MinutesParagraph(
            i.ParagraphNumber, i.Title, i.Text, i.RegistrationNumber,
            i.Decision.Recorded ? i.Decision.Clauses.Select(c => c.Printed).ToList() : [],
            i.Decision.Recorded ? [.. i.Decision.Notes(), .. DecidingNote(i.Decision)] : [],
            i.ApplicationId)).ToList();

        // With jäv in a §, the minutes name who decided it: the meeting's deciding without the recused.
        IEnumerable<string> DecidingNote(ItemDecision decision) => decision.Recusals.Count == 0 ? [] :
            [$"Beslutande i ärendet: {string.Join(", ", meeting.Attendance.Deciding.Where(a => !decision.IsRecused(a.BoardMemberId) && byId.ContainsKey(a.BoardMemberId)).Select(a => byId[a.BoardMemberId].Name))}."];

        var adjusted = meeting.State == MeetingState.Adjusted;
        var signatures = new SignatureBlock(
            meeting.Attendance.ChairId is { } chair ? NameOf(chair) : null,
            meeting.Attendance.SecretaryId is { } sec ? NameOf(sec) : null,
            adjusters, meeting.AdjustedOn);
        var posting = adjusted && meeting.PostedOn is { } posted && meeting.TakenDownOn is { } down
            ? new PostingBlock(meeting.Date, posted, down, meeting.StoragePlace ?? "", meeting.PostingSignedBy)
            : null;
        return new MinutesDocument(meeting.Id, profile.Name, meeting.Date, meeting.PlaceAndTime, deciding, others, adjusters,
            meeting.Attendance.AdjustmentPlaceAndTime, paragraphs, signatures, posting, adjusted ? meeting.ContentHash : null, adjusted);
    }

    /// <summary>
    /// SHA-256 (hex) over the adjusted content: everything in the document except the posting notice (written after
    /// adjustment) and the hash itself. Recomputing it from the stored meeting shows whether anything changed.
    /// </summary>
    public static string Hash(MinutesDocument document)
    {
        var sealedContent = document with { Posting = null, ContentHash = null, Adjusted = true };
        var json = JsonSerializer.SerializeToUtf8Bytes(sealedContent, HashOptions);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private static readonly JsonSerializerOptions HashOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>"Paragrafer 596 - 614".</summary>
    public static string ParagraphRange(int? first, int? last) =>
        first is { } f && last is { } l ? $"Paragrafer {f} - {l}" : "Paragraferna är inte numrerade";
}

/// <summary>The board's meetings as the protokoll documents' source.</summary>
public sealed class MinutesSource(GrantsDbContext db, ProfileStore profiles) : IMinutesSource
{
    public async Task<MinutesDocument?> ForMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return null;
        var board = await db.BoardMembers.AsNoTracking().ToListAsync(ct);
        return MinutesBuilder.Build(meeting, board, await profiles.GetAsync(ct));
    }
}
