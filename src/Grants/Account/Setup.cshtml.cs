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

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken ct) =>
        StepAsync(AccountSetup.Step.Password, state => setup.SetPasswordAsync(state, Password, Confirm, ct), async (state, next) =>
        {
            if (next is not null) return await ShowAsync(await setup.StateAsync(Token, ct), ct);
            Done = true;
            IsReset = state.Link!.Purpose == AccountLinkPurpose.PasswordReset;
            return Page();
        }, ct);

    public Task<IActionResult> OnPostFactorAsync(CancellationToken ct) =>
        StepAsync(AccountSetup.Step.Factor, state => setup.ConfirmFactorAsync(state, Code, ct), (_, codes) =>
        {
            Done = true;
            RecoveryCodes = codes;
            return Task.FromResult<IActionResult>(Page());
        }, ct);

    /// <summary>Step one of a passkey on the pairing step (called by passkeys.js): the options for navigator.credentials.create().</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync(CancellationToken ct)
    {
        var state = await setup.StateAsync(Token, ct);
        return state.Step == AccountSetup.Step.Factor ? Content(await setup.PasskeyOptionsAsync(state), "application/json") : NotFound();
    }

    public Task<IActionResult> OnPostPasskeyAsync(CancellationToken ct) =>
        StepAsync(AccountSetup.Step.Factor, state => setup.ConfirmPasskeyAsync(state, PasskeyName, Credential, ct), (_, passkey) =>
        {
            Done = true;
            PasskeyDone = passkey!.Name;
            return Task.FromResult<IActionResult>(Page());
        }, ct);

    /// <summary>
    /// One step's command, run only when the link is at that step (else the page for where it is); a refusal shows the
    /// page again with each error at its field.
    /// </summary>
    private async Task<IActionResult> StepAsync<T>(AccountSetup.Step step, Func<AccountSetup.State, Task<Grants.Shared.Outcome<T>>> command,
        Func<AccountSetup.State, T?, Task<IActionResult>> done, CancellationToken ct)
    {
        var state = await setup.StateAsync(Token, ct);
        if (state.Step != step) return await ShowAsync(state, ct);
        var outcome = await command(state);
        if (outcome.IsOk) return await done(state, outcome.Value);
        Grants.Shared.FieldKeys.CopyTo(outcome.Errors, ModelState, "");
        return await ShowAsync(state, ct);
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
