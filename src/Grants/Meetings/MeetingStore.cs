using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>Loads a meeting for a change, says whether its state allows the change, and saves with the concurrency check.</summary>
public sealed class MeetingStore(GrantsDbContext db)
{
    public const string ConcurrencyMessage = "Sammanträdet ändrades av någon annan samtidigt. Ladda om och försök igen.";
    public const string AdjustedMessage = "Protokollet är justerat och kan inte ändras. En rättelse görs genom ett nytt beslut vid ett senare sammanträde.";
    public const string NumberedMessage = "Paragraferna är numrerade; föredragningslistans ärenden kan inte längre läggas till, flyttas eller tas bort.";

    public Task<Meeting?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Meetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>Null when the change is allowed; else the 409 text. <paramref name="agenda"/>: the change adds, moves or removes items.</summary>
    public static string? Refusal(Meeting meeting, bool agenda) => meeting.State switch
    {
        MeetingState.Adjusted => AdjustedMessage,
        MeetingState.Numbered when agenda => NumberedMessage,
        _ => null,
    };

    /// <summary>Saves the touched meeting; a concurrent change answers 409 and nothing is written.</summary>
    public async Task<Outcome<T>> SaveAsync<T>(Meeting meeting, T value, CancellationToken ct)
    {
        meeting.Touch();
        return await db.SaveOrConflictAsync(value, ct, ConcurrencyMessage);
    }

    /// <summary>Renumbers positions 1..n in the current order.</summary>
    public static void Renumber(Meeting meeting)
    {
        var i = 1;
        foreach (var item in meeting.Items.OrderBy(x => x.Position).ToList()) item.Position = i++;
    }
}
