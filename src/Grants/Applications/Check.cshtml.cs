using Grants.Association;
using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Applications;

/// <summary>Check your answers: the whole draft as it will be received, and the one button that submits it.</summary>
[Authorize(Policy = Policies.ApplicationWriter)]
public sealed class CheckModel(ApplicationQueries queries, ProfileStore profiles, SubmitApplication submit) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int? Version { get; set; }
    public Application Application { get; private set; } = new();
    public AssociationProfile Profile { get; private set; } = new();
    public bool IsSecretariat => User.IsInRole(Roles.Secretariat);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!Application.IsDraft) return Redirect($"/Applications/Details/{Id}");
        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await submit.HandleAsync(User, Id, Version, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok: return Redirect($"/Applications/Submitted/{Id}");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            case OutcomeKind.Invalid:
                foreach (var (_, messages) in outcome.Errors.All)
                    foreach (var m in messages) ModelState.AddModelError("", m);
                break;
            default: ModelState.AddModelError("", outcome.Message ?? "Ansökan kunde inte skickas in."); break;
        }
        if (!await LoadAsync(ct)) return NotFound();
        Version = Application.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        if (await queries.GetAsync(User, Id, ct) is not { } app) return false;
        Application = app;
        return true;
    }
}
