using Grants.Association;
using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Economy;

/// <summary>The economic report (§ 600) as of a chosen date, the chart, the room before/after proposals and the exports.</summary>
[Authorize(Policy = Policies.EconomyReader)]
public sealed class IndexModel(EconomyQueries queries, RoomForecast forecast, IReportedSpending spending, ProfileStore profiles, LocalClock clock) : PageModel
{
    public DateOnly AsOf { get; private set; }
    public EconomicReport? Report { get; private set; }
    public AgendaItemText? AgendaItem { get; private set; }
    public EconomyChart Chart { get; private set; } = new([], [], false);
    public List<BudgetYear> Years { get; private set; } = [];
    public RoomForecastResult? Forecast { get; private set; }
    public bool CanEdit => User.IsInRole(Roles.Secretariat);

    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public List<string?> ProposalLabel { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<string?> ProposalAmount { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var date = EconomyApi.ParseDate(Date, clock, "date");
        if (!date.IsOk) ModelState.AddModelError("date", date.Errors.All.First().Value[0]);
        AsOf = date.IsOk ? date.Value : clock.Today;
        Years = await queries.YearsAsync(ct);
        Report = await queries.ReportAsync(AsOf, ct);
        if (Report is not null) AgendaItem = EconomicReportText.For(Report, (await profiles.GetAsync(ct)).Name);
        var reported = await spending.ForYearAsync(AsOf.Year, ct);
        var projects = (Report?.Projects ?? []).Select(p => new ProjectSpending(p.ProjectName, p.NetCommitted,
            p.ApplicationId is { } id && reported.TryGetValue(id, out var r) ? r : null)).ToList();
        Chart = new EconomyChart(await queries.YearTotalsAsync(AsOf, ct), projects, reported.Count > 0);

        var proposals = new List<ProposedGrant>();
        for (var i = 0; i < ProposalLabel.Count; i++)
        {
            var label = ProposalLabel[i];
            var amountText = i < ProposalAmount.Count ? ProposalAmount[i] : null;
            if (string.IsNullOrWhiteSpace(label) && string.IsNullOrWhiteSpace(amountText)) continue;
            if (string.IsNullOrWhiteSpace(label)) ModelState.AddModelError($"proposalLabel[{i}]", $"Ange vad förslag {i + 1} gäller.");
            if (!Amounts.TryParse(amountText, out var amount) || amount < 0) ModelState.AddModelError($"proposalAmount[{i}]", $"Ange beloppet för förslag {i + 1} i hela kronor.");
            else if (!string.IsNullOrWhiteSpace(label)) proposals.Add(new ProposedGrant(label.Trim(), amount));
        }
        if (proposals.Count > 0 && ModelState.IsValid) Forecast = await forecast.AfterProposalsAsync(AsOf, proposals, ct);
    }
}
