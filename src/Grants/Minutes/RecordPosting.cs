using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;

using Grants.Meetings;

namespace Grants.Minutes;

/// <summary>
/// Anslag: when the adjustment was posted on the notice board (by default the day after adjustment, at most two
/// days after), the take-down date (three weeks later: the appeal period ends), the förvaringsplats and who signs.
/// Not part of the sealed minutes, so it may be recorded after adjustment.
/// </summary>
public sealed class RecordPosting(GrantsDbContext db, MeetingStore store, TimeProvider time)
{
    public sealed record Request(DateOnly? PostedOn, string? StoragePlace, string? SignedBy);

    public async Task<Outcome<Meeting>> HandleAsync(ClaimsPrincipal user, Guid meetingId, Request r, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        if (meeting is null) return Outcome<Meeting>.NotFound();
        if (meeting.AdjustedOn is not { } adjustedOn) return Outcome<Meeting>.Conflict("Anslaget registreras när protokollet är justerat.");
        var errors = new ValidationErrors();
        if (r.PostedOn is not { } posted) errors.Add("postedOn", "Ange när anslaget sattes upp (ÅÅÅÅ-MM-DD).");
        else if (posted < adjustedOn || posted > adjustedOn.AddDays(2))
            errors.Add("postedOn", $"Justeringen ska tillkännages inom två dagar: mellan {adjustedOn:yyyy-MM-dd} och {adjustedOn.AddDays(2):yyyy-MM-dd}.");
        if (string.IsNullOrWhiteSpace(r.StoragePlace) || r.StoragePlace.Length > 300) errors.Add("storagePlace", "Ange förvaringsplatsen för protokollet (högst 300 tecken).");
        if (r.SignedBy is { Length: > 200 }) errors.Add("signedBy", "Högst 200 tecken.");
        if (!errors.IsEmpty) return Outcome<Meeting>.Invalid(errors);

        meeting.PostedOn = r.PostedOn;
        meeting.TakenDownOn = r.PostedOn!.Value.AddDays(Meeting.PostingDays);
        meeting.StoragePlace = r.StoragePlace!.Trim();
        meeting.PostingSignedBy = string.IsNullOrWhiteSpace(r.SignedBy) ? null : r.SignedBy.Trim();
        db.AuditEntries.Add(AuditEntry.Of(Actor.From(user), time.GetUtcNow(), nameof(Meeting), meeting.Id.ToString(), "minutes.posting",
            $"Uppsatt {meeting.PostedOn:yyyy-MM-dd}, tas ner {meeting.TakenDownOn:yyyy-MM-dd}, {meeting.StoragePlace}"));
        return await store.SaveAsync(meeting, meeting, ct);
    }
}
