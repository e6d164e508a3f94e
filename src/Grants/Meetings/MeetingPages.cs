using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Meetings;

/// <summary>What the board's pages share: the per-handler policy check and an outcome's errors on the page.</summary>
public abstract class MeetingPageModel(IAuthorizationService authorization) : PageModel
{
    public bool CanAdminister { get; private set; }

    protected async Task ResolveRightsAsync() =>
        CanAdminister = (await authorization.AuthorizeAsync(User, Policies.MeetingAdmin)).Succeeded;

    /// <summary>A handler that changes something names its own policy (the page's policy lets readers in).</summary>
    protected async Task<bool> MayAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    /// <summary>Null when ok; otherwise the outcome's errors are on the page (fields under <paramref name="prefix"/>, state conflicts at the top).</summary>
    protected IActionResult? Failed<T>(Outcome<T> outcome, string prefix = "")
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return null;
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                foreach (var (field, messages) in outcome.Errors.All)
                    foreach (var m in messages) ModelState.AddModelError(prefix.Length == 0 ? field : FieldKeys.ToModelKey(field, prefix), m);
                return Page();
            default:
                ModelState.AddModelError("", outcome.Message ?? "Det gick inte.");
                return Page();
        }
    }

    protected IActionResult Done(string message, string url)
    {
        TempData["Message"] = message;
        return Redirect(url);
    }
}
