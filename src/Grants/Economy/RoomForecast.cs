using Grants.Applications;

namespace Grants.Economy;

/// <summary>The live economic room: the § 600 report of the budget year of the date. Null when that year has no budget.</summary>
public sealed class ComputedEconomicRoom(EconomyQueries queries) : IEconomicRoom
{
    public async Task<long?> CurrentAsync(DateOnly asOf, CancellationToken ct) =>
        await queries.RoomAsync(asOf, ct);
}

/// <summary>A grant the board is asked to make: a label for the agenda item and the amount falling in the report's year (0 when nothing is granted that year).</summary>
public sealed record ProposedGrant(string Label, long Amount);

/// <summary>The room before and after one proposal, in agenda order (each after the ones before it).</summary>
public sealed record RoomStep(string Label, long Amount, long Before, long After)
{
    public bool Exceeds => After < 0;
}

public sealed record RoomForecastResult(DateOnly AsOf, long? RoomBefore, IReadOnlyList<RoomStep> Steps)
{
    public long? RoomAfter => Steps.Count > 0 ? Steps[^1].After : RoomBefore;
}

/// <summary>
/// What granting each proposal on an agenda would leave of the room: the secretary's "before/after" column.
/// The board's agenda calls <see cref="AfterProposalsAsync"/> and renders Economy/_RoomForecast.cshtml with the result.
/// </summary>
public sealed class RoomForecast(IEconomicRoom room)
{
    /// <param name="alreadyCounted">The part of the proposals the room of the day already holds as commitments (an adjusted meeting's own grants).</param>
    public async Task<RoomForecastResult> AfterProposalsAsync(DateOnly asOf, IEnumerable<ProposedGrant> proposals, CancellationToken ct, long alreadyCounted = 0)
    {
        var before = await room.CurrentAsync(asOf, ct) + alreadyCounted;
        if (before is not { } current) return new RoomForecastResult(asOf, null, []);
        var steps = new List<RoomStep>();
        foreach (var p in proposals)
        {
            steps.Add(new RoomStep(p.Label, p.Amount, current, current - p.Amount));
            current -= p.Amount;
        }
        return new RoomForecastResult(asOf, before, steps);
    }
}

/// <summary>An agenda item's text: title, background and the proposed att-clauses.</summary>
public sealed record AgendaItemText(string Title, string Background, IReadOnlyList<string> Proposals);

/// <summary>
/// The "Ekonomisk rapport" agenda item, worded as § 600: the board's agenda calls <see cref="For"/> to prefill it.
/// </summary>
public static class EconomicReportText
{
    public static AgendaItemText For(EconomicReport r, string associationName)
    {
        static string K(long v) => SwedishIdentifiers.Kronor(v);
        var date = r.AsOf.ToString("yyyy-MM-dd");
        var income = r.OtherIncome.Count == 0
            ? "Intäkterna i form av bidrag från huvudmännen"
            : "Intäkterna i form av bidrag från huvudmännen, " + Grants.Association.SwedishText.JoinWithOch(r.OtherIncome.Select(l => l.Label.ToLowerInvariant()));
        var background = string.Join("\n\n",
            $"Det ekonomiska resultatet per {date} uppgår till {K(r.ResultSoFar)}.",
            $"Prognosen för {r.Year} visar på en förbrukning under året med {K(r.ForecastCosts)}. I prognosen har, förutom budgeterade " +
            $"kostnader i årsbudget {r.Year}, medräknats tidigare beslutad projektverksamhet med {K(r.CommitmentsTotal)}" +
            (r.ConditionalTotal > 0 ? $", varav {K(r.ConditionalTotal)} villkorat." : "."),
            $"{income} beräknas uppgå till {K(r.ForecastIncome)}. Det prognosticerade resultatet för helåret {r.Year} uppgår därmed till {K(r.ForecastResult)}.",
            $"Resultatet inklusive överföring av överskott från tidigare år med {K(r.CarriedOverSurplus)} uppgår till {K(r.ForecastResultInclSurplus)}.",
            $"Enligt Nationella rådets rekommendation om sparade medel/eget kapital bör {associationName}s samlade överskott inte uppgå till mer än " +
            $"{K(r.RecommendedMaxEquity)} vid utgången av år {r.Year}.",
            $"Det ekonomiska utrymmet för nya verksamheter och projekt under {r.Year} uppgår därmed till {K(r.Room)} vid en ekonomisk " +
            "resultatnivå motsvarande Nationella rådets rekommendation.");
        return new AgendaItemText($"Ekonomisk rapport per {date}", background, ["att godkänna rapporten."]);
    }
}
