using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Applications;

/// <summary>Återkalla: a confirmation page that asks for the reason before anything happens.</summary>
[Authorize(Policy = Policies.ApplicationWriter)]
public sealed class WithdrawModel(ApplicationQueries queries, WithdrawApplication withdraw) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public Application Application { get; private set; } = new();
    /// <summary>Why the form is not shown (the state does not allow a withdrawal).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var app = await queries.GetAsync(User, Id, ct);
        if (app is null) return NotFound();
        Application = app;
        Version = app.Version;
        if (!await withdraw.IsOfferedAsync(User, app, ct))
        {
            Refusal = "Ansökan kan inte återkallas i sin nuvarande status.";
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await withdraw.HandleAsync(User, Id, new WithdrawApplication.Request(Reason), Version, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = "Ansökan är återkallad.";
                return Redirect($"/Applications/Details/{Id}");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            case OutcomeKind.Invalid:
                foreach (var (field, messages) in outcome.Errors.All)
                    foreach (var m in messages) ModelState.AddModelError(field == "reason" ? nameof(Reason) : field, m);
                break;
            default:
                ModelState.AddModelError(nameof(Reason), outcome.Message ?? "Ansökan kunde inte återkallas.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        var app = await queries.GetAsync(User, Id, ct);
        if (app is null) return NotFound();
        Application = app;
        return Page();
    }
}
