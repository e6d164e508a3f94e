using Grants.Identity;
using Grants.Identity.External;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>
/// Sign-in through an OpenID Connect provider: a plain link starts it (a form posting to another origin would be
/// blocked by the CSP's form-action), the provider's answer ends here, and refusals get a Swedish page.
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel(SignInManager<AppUser> signIn, ExternalProviders providers, ExternalSignIn external) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public ExternalOutcome? Outcome { get; private set; }
    /// <summary>Where to continue after a successful sign-in.</summary>
    public string Continue => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public IActionResult OnGet()
    {
        if (providers.Find(Provider) is not { } provider) return NotFound();
        var callback = Url.Page("/Account/External", "Callback", new { ReturnUrl = Continue });
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider.Scheme, callback);
        return Challenge(properties, provider.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(CancellationToken ct)
    {
        Outcome = await external.CompleteAsync(ct);
        switch (Outcome.Status)
        {
            case ExternalStatus.RequiresTwoFactor:
                return RedirectToPage("/Account/TwoFactor", new { ReturnUrl = Continue });
            case ExternalStatus.Succeeded:
                // The sign-in cookie is SameSite=Strict and this request ends a redirect chain that began at the provider
                // (another site), so a redirect would arrive without it. A refresh from this page is a same-site navigation.
                Response.Headers["Refresh"] = $"0;url={Continue}";
                return Page();
            default:
                Response.StatusCode = Outcome.Status == ExternalStatus.Failed ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden;
                return Page();
        }
    }

    public IActionResult OnGetFailed()
    {
        var name = providers.Find(Provider)?.DisplayName ?? "inloggningstjänsten";
        Outcome = new ExternalOutcome(ExternalStatus.Failed, $"Inloggningen hos {name} avbröts eller misslyckades. Försök igen.", providers.Find(Provider));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
