using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>Beslutande (ledamöter and serving ersättare, whom they replace), övriga deltagande, the chair and the justerare.</summary>
public sealed class RecordAttendance(GrantsDbContext db, MeetingStore store, TimeProvider time)
{
    public sealed record AttendeeRequest(Guid? BoardMemberId, Guid? ReplacesId);
    public sealed record Request(List<AttendeeRequest>? Deciding, List<string>? Others, Guid? ChairId, Guid? SecretaryId,
        List<Guid>? AdjusterIds, string? AdjustmentPlaceAndTime);

    public async Task<Outcome<Meeting>> HandleAsync(ClaimsPrincipal user, Guid meetingId, Request r, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        if (meeting is null) return Outcome<Meeting>.NotFound();
        if (MeetingStore.Refusal(meeting, agenda: false) is { } refusal) return Outcome<Meeting>.Conflict(refusal);

        var board = (await db.BoardMembers.AsNoTracking().ToListAsync(ct)).Where(m => m.Serves(meeting.Date)).ToDictionary(m => m.Id);
        var errors = new ValidationErrors();
        var deciding = r.Deciding ?? [];
        var seen = new HashSet<Guid>();
        for (var i = 0; i < deciding.Count; i++)
        {
            var a = deciding[i];
            if (a.BoardMemberId is not { } id || !board.TryGetValue(id, out var m) || !m.IsBoardMember)
            {
                errors.Add($"deciding[{i}].boardMemberId", "Välj en ledamot eller ersättare vars mandatperiod omfattar sammanträdesdagen.");
                continue;
            }
            if (!seen.Add(id)) errors.Add($"deciding[{i}].boardMemberId", $"{m.Name} står redan bland beslutande.");
            if (m.Role == BoardRole.Ersattare && (a.ReplacesId is not { } replaced || !board.TryGetValue(replaced, out var l) || l.Role != BoardRole.Ledamot))
                errors.Add($"deciding[{i}].replacesId", $"Ange vilken ledamot {m.Name} tjänstgör för.");
            if (m.Role == BoardRole.Ledamot && a.ReplacesId is not null) errors.Add($"deciding[{i}].replacesId", "En ledamot tjänstgör inte för någon annan.");
        }
        var doubleReplaced = deciding.Where(a => a.ReplacesId is not null).GroupBy(a => a.ReplacesId).Where(g => g.Count() > 1 || deciding.Any(d => d.BoardMemberId == g.Key));
        foreach (var g in doubleReplaced) errors.Add("deciding", $"{board.GetValueOrDefault(g.Key!.Value)?.Name ?? "En ledamot"} kan bara ersättas av en ersättare och bara när ledamoten inte själv är beslutande.");
        var others = (r.Others ?? []).Select(o => o?.Trim() ?? "").ToList();
        for (var i = 0; i < others.Count; i++)
            if (others[i].Length is 0 or > 300) errors.Add($"others[{i}]", "Skriv en deltagare per rad, \"Namn, funktion\" (högst 300 tecken).");
        if (r.ChairId is { } chair && !seen.Contains(chair)) errors.Add("chairId", "Ordföranden måste vara bland de beslutande.");
        if (r.SecretaryId is { } sec && !board.ContainsKey(sec)) errors.Add("secretaryId", "Välj sekreterare bland styrelsens förbundschef och sekreterare.");
        var adjusters = r.AdjusterIds ?? [];
        for (var i = 0; i < adjusters.Count; i++)
        {
            if (!seen.Contains(adjusters[i])) errors.Add($"adjusterIds[{i}]", "Justeraren väljs bland de beslutande.");
            else if (adjusters[i] == r.ChairId) errors.Add($"adjusterIds[{i}]", "Ordföranden justerar redan; välj en annan justerare.");
        }
        // Jäv in one § bars adjusting the minutes, which the chair and the justerare do as a whole.
        string? RecusedIn(Guid id) => meeting.Ordered.Where(i => i.Decision.IsRecused(id)).Select(i => i.ParagraphNumber is { } p ? $"§ {p}" : i.Title).FirstOrDefault();
        if (r.ChairId is { } chairId && RecusedIn(chairId) is { } chairItem)
            errors.Add("chairId", $"{board.GetValueOrDefault(chairId)?.Name} har anmält jäv i {chairItem} och kan inte justera protokollet som ordförande.");
        for (var i = 0; i < adjusters.Count; i++)
            if (RecusedIn(adjusters[i]) is { } adjusterItem)
                errors.Add($"adjusterIds[{i}]", $"{board.GetValueOrDefault(adjusters[i])?.Name} har anmält jäv i {adjusterItem} och kan inte justera protokollet; välj en annan justerare.");
        if (r.AdjustmentPlaceAndTime is { Length: > 300 }) errors.Add("adjustmentPlaceAndTime", "Högst 300 tecken.");
        if (!errors.IsEmpty) return Outcome<Meeting>.Invalid(errors);

        meeting.Attendance = new AttendanceList
        {
            Deciding = deciding.Select(a => new Attendee(a.BoardMemberId!.Value, a.ReplacesId)).ToList(),
            Others = others,
            ChairId = r.ChairId,
            SecretaryId = r.SecretaryId,
            AdjusterIds = adjusters.Distinct().ToList(),
            AdjustmentPlaceAndTime = string.IsNullOrWhiteSpace(r.AdjustmentPlaceAndTime) ? null : r.AdjustmentPlaceAndTime.Trim(),
        };
        // Signatures given for an earlier choice of chair or justerare no longer count.
        meeting.Signatures = meeting.Signatures.Where(s => s.BoardMemberId == r.ChairId || adjusters.Contains(s.BoardMemberId)).ToList();
        db.AuditEntries.Add(AuditEntry.Of(Actor.From(user), time.GetUtcNow(), nameof(Meeting), meeting.Id.ToString(), "meeting.attendance",
            $"{deciding.Count} beslutande, justerare: {string.Join(", ", adjusters.Select(a => board[a].Name))}"));
        return await store.SaveAsync(meeting, meeting, ct);
    }
}
