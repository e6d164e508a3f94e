using Grants.Association;
using Grants.Identity;
using Grants.Start;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants;

/// <summary>
/// The start page: for a visitor what the förbund funds now and how to get an account; for a signed-in user their
/// own next tasks, each feature answering for its part (<see cref="IStartSection"/>). The LSG lands on its queue.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ProfileStore profiles, StartPage start) : PageModel
{
    public AssociationProfile Profile { get; private set; } = new();
    public IReadOnlyList<StartSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.Lsg) && !User.IsInRole(Roles.Secretariat)) return Redirect("/Lsg");
        Profile = await profiles.GetAsync(ct);
        Sections = await start.ForAsync(User, ct);
        // Admin: nothing of its own to do here; its pages are in the menu.
        if (Sections.Count == 0 && User.Identity?.IsAuthenticated == true && User.IsInRole(Roles.Admin)) return Redirect("/Association/Profile");
        return Page();
    }
}
