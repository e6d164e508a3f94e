using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;

namespace Grants.Meetings;

/// <summary>A new sammanträde with the standing items of every agenda (seeds/004: items 1, 2 and the last two).</summary>
public sealed class CreateMeeting(GrantsDbContext db, TimeProvider time)
{
    public sealed record Request(DateOnly? Date, TimeOnly? StartTime, TimeOnly? EndTime, string? Place);

    public const string AdjusterKey = "justerare";
    private const string AdjusterBlank = "att utse _____ till justerare.";

    public static readonly (string Key, string Title, string Proposal)[] Leading =
    [
        ("foregaende-protokoll", "Genomgång av protokoll från föregående möte", "att godkänna informationen."),
        (AdjusterKey, "Val av justerare", AdjusterBlank),
    ];

    /// <summary>
    /// "Val av justerare" names the justerare once they are recorded ("att utse Karin Nordström till justerare."),
    /// as long as the item's decision is not written yet and its proposal is still the blank or an earlier naming.
    /// </summary>
    public static void NameAdjusters(Meeting meeting, IReadOnlyList<string> names)
    {
        var item = meeting.Items.FirstOrDefault(i => i.Kind == AgendaItemKind.Standing && i.StandingKey == AdjusterKey);
        if (item is null || item.Decision.Recorded) return;
        var current = item.Proposal.FirstOrDefault() ?? "";
        var generated = current == AdjusterBlank || (current.StartsWith("att utse ", StringComparison.Ordinal) && current.EndsWith(" till justerare.", StringComparison.Ordinal));
        if (item.Proposal.Count > 1 || !generated) return;
        item.Proposal = [names.Count == 0 ? AdjusterBlank : $"att utse {Association.SwedishText.JoinWithOch(names)} till justerare."];
    }

    public static readonly (string Key, string Title, string Proposal)[] Trailing =
    [
        ("information", "Informationsärenden", "att notera informationen."),
        ("ovriga", "Övriga frågor", "att"),
    ];

    public async Task<Outcome<Meeting>> HandleAsync(ClaimsPrincipal user, Request r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.Date is null) errors.Add("date", "Ange sammanträdets datum (ÅÅÅÅ-MM-DD).");
        if (r.StartTime is null) errors.Add("startTime", "Ange när sammanträdet börjar (TT:MM).");
        if (r.EndTime is { } end && r.StartTime is { } start && end <= start) errors.Add("endTime", "Sluttiden måste vara efter starttiden.");
        if (string.IsNullOrWhiteSpace(r.Place) || r.Place.Length > 300) errors.Add("place", "Ange platsen (högst 300 tecken).");
        if (!errors.IsEmpty) return Outcome<Meeting>.Invalid(errors);

        var actor = Actor.From(user);
        var meeting = new Meeting
        {
            Date = r.Date!.Value, StartTime = r.StartTime!.Value, EndTime = r.EndTime, Place = r.Place!.Trim(),
            CreatedAt = time.GetUtcNow(), CreatedBy = actor.Name,
        };
        var position = 1;
        foreach (var (key, title, proposal) in Leading.Concat(Trailing))
            meeting.Items.Add(new AgendaItem { MeetingId = meeting.Id, Position = position++, Kind = AgendaItemKind.Standing, StandingKey = key, Title = title, Proposal = [proposal] });
        db.Meetings.Add(meeting);
        db.AuditEntries.Add(AuditEntry.Of(actor, meeting.CreatedAt, nameof(Meeting), meeting.Id.ToString(), "meeting.created", meeting.PlaceAndTime));
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public static bool IsLeading(AgendaItem item) => item.Kind == AgendaItemKind.Standing && Leading.Any(l => l.Key == item.StandingKey);
    public static bool IsTrailing(AgendaItem item) => item.Kind == AgendaItemKind.Standing && Trailing.Any(l => l.Key == item.StandingKey);
}
