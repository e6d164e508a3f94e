using Grants.Association;

namespace Grants.Economy;

/// <summary>
/// The board's "Ekonomisk rapport" item, prefilled from the economic report as of the day before the meeting
/// (the figures the kansli can stand behind when the kallelse goes out), in § 600's words.
/// </summary>
public sealed class AgendaEconomicReportText(EconomyQueries queries, ProfileStore profiles) : Meetings.IEconomicReportText
{
    public async Task<Meetings.EconomicReportText> ForMeetingAsync(DateOnly meetingDate, CancellationToken ct)
    {
        var report = await queries.ReportAsync(meetingDate.AddDays(-1), ct);
        if (report is null) return new Meetings.EconomicReportText("", ["att godkänna rapporten."]);
        var text = EconomicReportText.For(report, (await profiles.GetAsync(ct)).Name);
        return new Meetings.EconomicReportText(text.Background, text.Proposals);
    }
}
