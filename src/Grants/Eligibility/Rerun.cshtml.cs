using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Eligibility;

/// <summary>The kansli's "Pröva reglerna på nytt" on an application's page; the run is kept beside the earlier ones.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class RerunModel(RerunEligibility rerun) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/Applications/Details/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await rerun.HandleAsync(User, id, ct);
        switch (outcome.Kind)
        {
            case Shared.OutcomeKind.NotFound: return NotFound();
            case Shared.OutcomeKind.Forbidden: return Forbid();
            case Shared.OutcomeKind.Ok:
                TempData["Message"] = $"Reglerna är prövade på nytt ({outcome.Value!.Findings.Count} fynd).";
                break;
            default:
                TempData["Message"] = outcome.Message;
                break;
        }
        return Redirect($"/Applications/Details/{id}#eligibility-title");
    }
}
