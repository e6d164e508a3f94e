using Grants.Economy;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>
/// The economic room before and after each application on the agenda, as of the meeting day: what granting each
/// proposal would leave. A recorded decision counts with what it grants; an undecided item with the amount applied for.
/// </summary>
public sealed class AgendaRoom(GrantsDbContext db, RoomForecast forecast)
{
    public async Task<RoomForecastResult> ForAsync(MeetingDto meeting, CancellationToken ct)
    {
        var items = meeting.Items.Where(i => i.ApplicationId is not null).OrderBy(i => i.Position).ToList();
        var ids = items.Select(i => i.ApplicationId!.Value).ToList();
        var applied = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.ProjectName, a.AmountApplied }).ToDictionaryAsync(a => a.Id, ct);
        var proposals = items.Where(i => applied.ContainsKey(i.ApplicationId!.Value)).Select(i =>
        {
            var app = applied[i.ApplicationId!.Value];
            var granted = i.Decision.TotalGranted;
            return granted > 0
                ? new ProposedGrant($"{app.ProjectName} (beslutat)", granted)
                : new ProposedGrant($"{app.ProjectName} (sökt belopp)", app.AmountApplied);
        });
        return await forecast.AfterProposalsAsync(meeting.Date, proposals, ct);
    }
}
