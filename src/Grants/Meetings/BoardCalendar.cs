using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>When the board meets next, for pages outside the board feature (the applicant's confirmation page).</summary>
public interface IBoardCalendar
{
    Task<DateOnly?> NextMeetingAsync(CancellationToken ct);
}

public sealed class BoardCalendar(GrantsDbContext db, LocalClock clock) : IBoardCalendar
{
    public async Task<DateOnly?> NextMeetingAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var dates = await db.Meetings.AsNoTracking().Where(m => m.State == MeetingState.Planned).Select(m => m.Date).ToListAsync(ct);
        return dates.Where(d => d >= today).Order().Select(d => (DateOnly?)d).FirstOrDefault();
    }
}
