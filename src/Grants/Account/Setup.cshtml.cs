using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>Where an invitation, first-administrator or reset link leads: password, then (staff) the authenticator app or a passkey.</summary>
[AllowAnonymous]
public sealed class SetupModel(AccountSetup setup, SecondFactorSetup factors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? PasskeyName { get; set; }
    [BindProperty] public string? Credential { get; set; }

    public AccountSetup.Step Step { get; private set; }
    public bool IsReset { get; private set; }
    public string Email { get; private set; } = "";
    public SecondFactorSetup.Pairing? Pairing { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    /// <summary>The passkey the account was activated with, instead of the app.</summary>
    public string? PasskeyDone { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await setup.StateAsync(Token, ct), ct);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var state = await setup.StateAsync(Token, ct);
        if (state.Step != AccountSetup.Step.Password) return await ShowAsync(state, ct);
        var outcome = await setup.SetPasswordAsync(state, Password, Confirm, ct);
        if (!outcome.IsOk)
        {
            Grants.Shared.FieldKeys.CopyTo(outcome.Errors, ModelState, "");
            return await ShowAsync(state, ct);
        }
        if (outcome.Value is null)
        {
            Done = true;
            IsReset = state.Link!.Purpose == AccountLinkPurpose.PasswordReset;
            return Page();
        }
        return await ShowAsync(await setup.StateAsync(Token, ct), ct);
    }

    public async Task<IActionResult> OnPostFactorAsync(CancellationToken ct)
    {
        var state = await setup.StateAsync(Token, ct);
        if (state.Step != AccountSetup.Step.Factor) return await ShowAsync(state, ct);
        var outcome = await setup.ConfirmFactorAsync(state, Code, ct);
        if (!outcome.IsOk)
        {
            Grants.Shared.FieldKeys.CopyTo(outcome.Errors, ModelState, "");
            return await ShowAsync(state, ct);
        }
        Done = true;
        RecoveryCodes = outcome.Value;
        return Page();
    }

    /// <summary>Step one of a passkey on the pairing step (called by passkeys.js): the options for navigator.credentials.create().</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync(CancellationToken ct)
    {
        var state = await setup.StateAsync(Token, ct);
        return state.Step == AccountSetup.Step.Factor ? Content(await setup.PasskeyOptionsAsync(state), "application/json") : NotFound();
    }

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken ct)
    {
        var state = await setup.StateAsync(Token, ct);
        if (state.Step != AccountSetup.Step.Factor) return await ShowAsync(state, ct);
        var outcome = await setup.ConfirmPasskeyAsync(state, PasskeyName, Credential, ct);
        if (!outcome.IsOk)
        {
            Grants.Shared.FieldKeys.CopyTo(outcome.Errors, ModelState, "");
            return await ShowAsync(state, ct);
        }
        Done = true;
        PasskeyDone = outcome.Value!.Name;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(AccountSetup.State state, CancellationToken ct)
    {
        await LoadAsync(state, ct);
        return Page();
    }

    private async Task LoadAsync(AccountSetup.State state, CancellationToken ct)
    {
        Step = state.Step;
        if (state.Step == AccountSetup.Step.Invalid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        Email = state.User!.Email ?? "";
        IsReset = state.Link!.Purpose == AccountLinkPurpose.PasswordReset;
        if (state.Step == AccountSetup.Step.Factor) Pairing = await factors.PairingAsync(state.User, ct);
    }
}
