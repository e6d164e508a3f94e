using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Eligibility;

/// <summary>The kansli's programmes/calls (utlysningar): the list and a form for a new one.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class ProgrammesModel(EligibilityQueries queries, SaveProgramme save) : PageModel
{
    [BindProperty] public ProgrammeInput Input { get; set; } = new();
    public List<Programme> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await queries.ProgrammesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        var outcome = await save.HandleAsync(User, null, Input, null, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = $"Utlysningen {outcome.Value!.Name} är sparad.";
            return RedirectToPage();
        }
        if (outcome.Kind == OutcomeKind.Invalid) FieldKeys.CopyTo(outcome.Errors, ModelState, "Input");
        else ModelState.AddModelError("", outcome.Message ?? "Utlysningen kunde inte sparas.");
        return await RedisplayAsync(ct);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        Programmes = await queries.ProgrammesAsync(ct);
        return Page();
    }
}
