using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Association;

/// <summary>The admin page for the förbund profile: name, members, diarienummer prefix, first § number.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ProfileModel(ProfileStore profiles, UpdateProfile update) : PageModel
{
    [BindProperty] public ProfileRequest Input { get; set; } = new();
    /// <summary>Set once any § is given: the first number is shown read-only.</summary>
    public int? SeriesLast { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SeriesLast = await update.LockedAtAsync(ct);
        Input = UpdateProfile.ToRequest(await profiles.GetAsync(ct));
        Input.Members.Add(new MemberRequest());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The empty row offered for a new member is ignored when left blank.
        Input.Members = Input.Members.Where(m => !string.IsNullOrWhiteSpace(m.Key) || !string.IsNullOrWhiteSpace(m.Name)).ToList();
        SeriesLast = await update.LockedAtAsync(ct);
        if (!ModelState.IsValid) return Page();
        var outcome = await update.HandleAsync(User, Input, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = "Förbundets uppgifter är sparade.";
            return Redirect("/Association/Profile");
        }
        FieldKeys.CopyTo(outcome.Errors, ModelState, "Input");
        if (outcome.Kind == OutcomeKind.Conflict) ModelState.AddModelError("Input.FirstParagraphNumber", outcome.Message ?? "");
        Input.Members.Add(new MemberRequest());
        return Page();
    }
}
