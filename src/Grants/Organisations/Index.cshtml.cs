using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Organisations;

/// <summary>The kansli's register of organisations: members, pending requests (approve/refuse) and the "verifierad" mark.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class IndexModel(OrganisationQueries queries, DecideMembership decide, VerifyOrganisation verify, RemoveMember remove, LocalClock clock) : PageModel
{
    public const string PagePath = "/Organisations";

    public IReadOnlyList<OrganisationQueries.OrganisationView> Organisations { get; private set; } = [];
    public LocalClock Clock => clock;

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await queries.AllAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(long id, bool approve, CancellationToken ct)
    {
        var outcome = await decide.DecideAsync(User, id, approve, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = outcome.IsOk ? approve ? "Personen är godkänd och har fått ett brev." : "Förfrågan är avböjd." : outcome.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string? userId, CancellationToken ct)
    {
        var outcome = await remove.RemoveAsync(User, id, userId, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = outcome.IsOk ? $"{outcome.Value!.Name} är borttagen ur organisationen." : outcome.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, bool verified, CancellationToken ct)
    {
        var outcome = await verify.SetAsync(User, id, verified, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = verified ? "Organisationen är markerad som verifierad." : "Verifieringen är borttagen.";
        return RedirectToPage();
    }
}
