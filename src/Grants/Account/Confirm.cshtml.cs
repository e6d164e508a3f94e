using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>
/// Where the registration and change-of-address links lead. Opening the link only shows a button: mail scanners
/// that fetch links must not use them up.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmModel(AccountLinks links, RegistrationConfirmation registration, ChangeEmail changeEmail,
    Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public AccountLinkPurpose? Purpose { get; private set; }
    public string Email { get; private set; } = "";
    public string? NewEmail { get; private set; }
    public string? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        if (Purpose == AccountLinkPurpose.ChangeEmail)
        {
            var changed = await changeEmail.ConfirmAsync(Token, ct);
            if (changed.Kind == OutcomeKind.Conflict) ModelState.AddModelError("", changed.Message ?? "");
            else if (changed.IsOk) Result = $"Ditt konto har nu adressen {changed.Value!.Email}. Alla inloggningar är avslutade; logga in med den nya adressen.";
            return Page();
        }
        var confirmed = await registration.ConfirmAsync(Token, ct);
        if (confirmed.IsOk) Result = confirmed.Value;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var link = await links.FindAsync(Token, ct);
        var user = link is null ? null : await users.FindByIdAsync(link.UserId);
        if (link is not { Purpose: AccountLinkPurpose.ConfirmEmail or AccountLinkPurpose.ChangeEmail } || user is not { IsActive: true })
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        Purpose = link.Purpose;
        Email = user.Email ?? "";
        NewEmail = link.NewEmail;
        return true;
    }
}
