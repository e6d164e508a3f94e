using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "E-post måste fyllas i.");
        if (string.IsNullOrWhiteSpace(Password)) ModelState.AddModelError(nameof(Password), "Lösenord måste fyllas i.");
        if (!ModelState.IsValid) return Page();

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Email!, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Email), "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om 15 minuter.");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), "Fel e-post eller lösenord.");
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
