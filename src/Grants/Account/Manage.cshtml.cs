using Grants.Identity;
using Grants.Organisations;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>"Mitt konto": who I am, my organisation, change of password and e-mail. Every signed-in person.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ManageModel(UserManager<AppUser> users, ChangePassword changePassword, ChangeEmail changeEmail, OrganisationQueries organisations,
    Passkeys passkeys, LocalClock clock) : PageModel
{
    public LocalClock Clock => clock;

    public sealed class PasswordInput
    {
        public string? Current { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    public sealed class EmailInput
    {
        public string? NewEmail { get; set; }
        public string? Current { get; set; }
    }

    [BindProperty] public PasswordInput Pw { get; set; } = new();
    [BindProperty] public EmailInput Mail { get; set; } = new();
    /// <summary>The new passkey's name, and the credential the browser made (passkeys.js fills it).</summary>
    [BindProperty] public string? PasskeyName { get; set; }
    [BindProperty] public string? Credential { get; set; }
    [BindProperty] public string? PasskeyId { get; set; }
    public IReadOnlyList<Passkeys.Summary> MyPasskeys { get; private set; } = [];

    /// <summary>"På (autentiseringsapp, 1 nyckel)" or "Av".</summary>
    public string SecondFactors
    {
        get
        {
            var parts = new List<string>();
            if (TwoFactor) parts.Add("autentiseringsapp");
            if (MyPasskeys.Count > 0) parts.Add(MyPasskeys.Count == 1 ? "1 nyckel" : $"{MyPasskeys.Count} nycklar");
            return parts.Count == 0 ? "Av" : $"På ({string.Join(", ", parts)})";
        }
    }
    public PasswordFieldsModel PasswordChangeFields { get; } = new(
        [new PasswordField($"{nameof(Pw)}.{nameof(PasswordInput.Current)}", CurrentLabel, "current-password"), .. PasswordFieldsModel.NewPassword(nameof(Pw), "Nytt lösenord").Fields]);
    public PasswordFieldsModel EmailChangeFields { get; } = new(new PasswordField($"{nameof(Mail)}.{nameof(EmailInput.Current)}", CurrentLabel, "current-password"));
    private const string CurrentLabel = "Nuvarande lösenord";

    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string? OrganisationName { get; private set; }
    public string? PendingOrganisation { get; private set; }
    public bool TwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var outcome = await changePassword.ChangeAsync(User, new ChangePassword.Request(Pw.Current, Pw.Password, Pw.Confirm), ct);
        if (outcome.Kind == OutcomeKind.NotFound) return Challenge();
        if (!outcome.IsOk)
        {
            FieldKeys.CopyTo(outcome.Errors, ModelState, nameof(Pw));
            return await ShowAsync(ct);
        }
        TempData["Message"] = "Ditt lösenord är bytt. Alla andra inloggningar är avslutade.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        var outcome = await changeEmail.RequestAsync(User, new ChangeEmail.Request(Mail.NewEmail, Mail.Current), ct);
        if (outcome.Kind == OutcomeKind.NotFound) return Challenge();
        if (!outcome.IsOk)
        {
            FieldKeys.CopyTo(outcome.Errors, ModelState, nameof(Mail));
            return await ShowAsync(ct);
        }
        TempData["Message"] = Identity.ChangeEmail.Answer;
        return RedirectToPage();
    }

    /// <summary>Step one of adding a passkey (called by passkeys.js): the options for navigator.credentials.create().</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await passkeys.CreationOptionsAsync(User) is { } json ? Content(json, "application/json") : Challenge();

    public async Task<IActionResult> OnPostAddPasskeyAsync(CancellationToken ct)
    {
        var outcome = await passkeys.AddAsync(User, PasskeyName, Credential, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return Challenge();
        if (!outcome.IsOk)
        {
            FieldKeys.CopyTo(outcome.Errors, ModelState, "");
            return await ShowAsync(ct);
        }
        TempData["Message"] = $"Nyckeln \"{outcome.Value!.Name}\" är tillagd. Du kan nu logga in med den.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(CancellationToken ct)
    {
        var outcome = await passkeys.RemoveAsync(User, PasskeyId, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = $"Nyckeln \"{outcome.Value!.Name}\" är borttagen. Alla andra inloggningar är avslutade.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Name = user.DisplayName;
        Email = user.Email ?? "";
        Roles = (await users.GetRolesAsync(user)).ToList();
        TwoFactor = user.TwoFactorEnabled;
        MyPasskeys = await passkeys.ListAsync(user);
        if (user.OrganisationId is { } org) OrganisationName = (await organisations.OneAsync(org, ct))?.Name;
        else PendingOrganisation = await organisations.PendingOrganisationNameAsync(user.Id, ct);
        return Page();
    }
}
