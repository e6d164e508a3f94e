using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Grants.Workflow;

namespace Grants.Applications;

/// <summary>The form in _ApplicationWorkflow posts here; the engine decides state and role (409/403 shown in Swedish).</summary>
[Authorize(Policy = Policies.ApplicationReader)]
public sealed class FireModel(FireApplicationTrigger fire) : PageModel
{
    [BindProperty] public Guid ApplicationId { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Trigger { get; set; }
    [BindProperty] public string? Comment { get; set; }
    public string Message { get; private set; } = "";

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await fire.HandleAsync(User, ApplicationId, new FireApplicationTrigger.Request(Trigger, Comment), Version, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = "Steget är utfört.";
                return Redirect($"/Applications/Details/{ApplicationId}");
            case OutcomeKind.NotFound:
                return NotFound();
        }
        Response.StatusCode = outcome.Kind switch
        {
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            OutcomeKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        Message = outcome.Message ?? string.Join(" ", outcome.Errors.All.SelectMany(e => e.Value));
        return Page();
    }
}
