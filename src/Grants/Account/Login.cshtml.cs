using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

[AllowAnonymous]
public sealed class LoginModel(PasswordSignIn passwords, PasskeySignIn passkeys, Identity.External.ExternalProviders external) : PageModel
{
    public IReadOnlyList<Identity.External.ExternalProviderOptions> Providers => external.All;

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>The passkey assertion passkeys.js puts in the passkey form.</summary>
    [BindProperty] public string? Credential { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "E-post måste fyllas i.");
        if (string.IsNullOrWhiteSpace(Password)) ModelState.AddModelError(nameof(Password), "Lösenord måste fyllas i.");
        if (!ModelState.IsValid) return Page();

        var attempt = await passwords.PasswordAsync(Email!, Password!, IdentityConstants.ApplicationScheme, ct);
        var returnUrl = LocalReturnUrl;
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

    /// <summary>Step one of "Logga in med nyckel" (called by passkeys.js): the options for navigator.credentials.get().</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await passkeys.RequestOptionsAsync(), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken ct)
    {
        var attempt = await passkeys.SignInAsync(Credential, ct);
        if (attempt.Status == SignInStatus.Succeeded) return LocalRedirect(LocalReturnUrl);
        ModelState.AddModelError(nameof(Credential), attempt.Message);
        return Page();
    }

    private string LocalReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
