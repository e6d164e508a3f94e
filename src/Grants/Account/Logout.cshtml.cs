using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AccountAudit audit, GrantsDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A new security stamp makes a copied or saved cookie (and any bearer token) useless, not just this browser's.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            audit.Add(Actor.From(User), user.Id, AccountAudit.SignedOut, "Alla sessioner avslutade");
            await db.SaveChangesAsync(ct);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/Account/Login");
    }
}
