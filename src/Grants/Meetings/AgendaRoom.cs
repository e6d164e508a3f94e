using Grants.Economy;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>
/// The economic room of the meeting's year before and after each application on the agenda. Only money granted, or
/// proposed to be granted, for that year counts: a recorded decision with what it grants for the year (a rejection,
/// a bordläggning or a återremiss frees it), an undecided item with the year's share of its budget unless the
/// proposal is to reject. Money for another year never touches this year's room.
/// </summary>
public sealed class AgendaRoom(GrantsDbContext db, RoomForecast forecast)
{
    public async Task<RoomForecastResult> ForAsync(MeetingDto meeting, CancellationToken ct)
    {
        var year = meeting.Date.Year;
        var items = meeting.Items.Where(i => i.ApplicationId is not null).OrderBy(i => i.Position).ToList();
        var ids = items.Select(i => i.ApplicationId!.Value).ToList();
        var apps = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var proposals = items.Where(i => apps.ContainsKey(i.ApplicationId!.Value))
            .Select(i => Proposed(i, apps[i.ApplicationId!.Value], year)).ToList();
        // Adjusted minutes are commitments already: the room of the day counts them, so they are added back for "before".
        var counted = meeting.State == MeetingState.Adjusted ? proposals.Sum(p => p.Amount) : 0;
        return await forecast.AfterProposalsAsync(meeting.Date, proposals, ct, counted);
    }

    public static ProposedGrant Proposed(ItemDto item, Applications.Application app, int year)
    {
        var decision = item.Decision;
        if (decision.Recorded)
        {
            var kind = decision.KindFor(app.AmountApplied);
            var label = kind switch
            {
                DecisionKind.Rejected => "avslag",
                DecisionKind.Tabled => "bordlagd",
                DecisionKind.ReferredBack => "återremitterad",
                _ => $"beslutat för {year}",
            };
            return new ProposedGrant($"{app.ProjectName} ({label})", decision.GrantedPerYear.Where(g => g.Year == year).Sum(g => g.Amount));
        }
        if (item.Proposal.Any(ProposesRejection)) return new ProposedGrant($"{app.ProjectName} (föreslås avslag)", 0);
        var forYear = app.Form.Budget.Where(b => b.Year == year).Sum(b => b.NetCost);
        return new ProposedGrant($"{app.ProjectName} (sökt för {year})", forYear);
    }

    private static bool ProposesRejection(string clause) => clause.TrimStart().StartsWith("att avslå", StringComparison.Ordinal);
}
