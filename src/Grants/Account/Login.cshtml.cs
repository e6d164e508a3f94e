using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

[AllowAnonymous]
public sealed class LoginModel(PasswordSignIn passwords, Identity.External.ExternalProviders external) : PageModel
{
    public IReadOnlyList<Identity.External.ExternalProviderOptions> Providers => external.All;

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "E-post måste fyllas i.");
        if (string.IsNullOrWhiteSpace(Password)) ModelState.AddModelError(nameof(Password), "Lösenord måste fyllas i.");
        if (!ModelState.IsValid) return Page();

        var attempt = await passwords.PasswordAsync(Email!, Password!, IdentityConstants.ApplicationScheme, ct);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        switch (attempt.Status)
        {
            case SignInStatus.Succeeded:
                return LocalRedirect(returnUrl);
            case SignInStatus.RequiresTwoFactor:
                return RedirectToPage("/Account/TwoFactor", new { ReturnUrl = returnUrl });
            case SignInStatus.Delayed:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(attempt.RetryAfter!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
        }
        ModelState.AddModelError(nameof(Email), attempt.Message);
        return Page();
    }
}
