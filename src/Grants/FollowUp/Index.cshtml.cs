using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.FollowUp;

/// <summary>The kansli's overview of every active project, with CSV and XLSX exports (/api/follow-up/overview.csv|.xlsx).</summary>
[Authorize(Policy = Policies.FollowUpOverview)]
public sealed class IndexModel(FollowUpQueries queries) : PageModel
{
    public List<OverviewRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.OverviewAsync(ct);
}
