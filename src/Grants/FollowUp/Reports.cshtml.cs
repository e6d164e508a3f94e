using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.FollowUp;

/// <summary>The reports the user may see: an applicant's own organisation's, everyone's for the staff.</summary>
[Authorize(Policy = Policies.FollowUpReader)]
public sealed class ReportsModel(FollowUpQueries queries) : PageModel
{
    public List<(Report Report, string ProjectName, string State)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = (await queries.ReportsAsync(User, ct)).Select(r => (r.Report, r.ProjectName, queries.ReportStateLabel(r.Report))).ToList();
}
