using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Economy;

/// <summary>The drill-down: every figure of the report as of a date, with the budget lines, entries, decisions and payments it sums.</summary>
[Authorize(Policy = Policies.EconomyReader)]
public sealed class TraceModel(EconomyQueries queries, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    public DateOnly AsOf { get; private set; }
    public EconomicReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var date = EconomyApi.ParseDate(Date, clock, "date");
        if (!date.IsOk) ModelState.AddModelError("date", date.Errors.All.First().Value[0]);
        AsOf = date.IsOk ? date.Value : clock.Today;
        Report = await queries.ReportAsync(AsOf, ct);
    }
}
