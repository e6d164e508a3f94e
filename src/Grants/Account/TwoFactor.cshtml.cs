using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>The second sign-in step: the person who gave the right password enters the authenticator or a recovery code.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, PasswordSignIn passwords) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("/Account/Login");
        if (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(Code), "Skriv koden från autentiseringsappen, eller en återställningskod.");
            return Page();
        }
        var attempt = await passwords.SecondFactorAsync(user, Code, RecoveryCode, IdentityConstants.ApplicationScheme, ct);
        if (attempt.Status == SignInStatus.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(string.IsNullOrWhiteSpace(RecoveryCode) ? nameof(Code) : nameof(RecoveryCode), attempt.Message);
        return Page();
    }
}
