using System.Security.Claims;
using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>Admin: the accounts, inviting staff with roles, changing roles, deactivating and reactivating, resetting a lost second factor.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(StaffAccounts accounts, LocalClock clock, Identity.External.ExternalLinks externalLinks,
    Identity.External.ExternalProviders providers, Privacy.AnonymisePerson anonymise) : PageModel
{
    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    public sealed class LinkInput
    {
        public string? UserId { get; set; }
        public string? Provider { get; set; }
        public string? Subject { get; set; }
    }

    [BindProperty] public InviteInput Input { get; set; } = new();
    [BindProperty] public LinkInput Link { get; set; } = new();
    /// <summary>The roles ticked in one row's "Ändra roller" form.</summary>
    [BindProperty] public List<string> NewRoles { get; set; } = [];
    /// <summary>The row whose role form was refused: it opens again with the error at its roles.</summary>
    public string? RolesFor { get; private set; }
    public List<StaffAccounts.AccountRow> Rows { get; private set; } = [];
    public ILookup<string, Identity.External.ExternalLinks.Link> Links { get; private set; } = Enumerable.Empty<Identity.External.ExternalLinks.Link>().ToLookup(l => l.UserId);
    public IReadOnlyList<Identity.External.ExternalProviderOptions> Providers => providers.All;
    public LocalClock Clock => clock;
    /// <summary>An administrator cannot reset their own second factor (another one must).</summary>
    public string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await accounts.ListAsync(ct);
        Links = await externalLinks.ListAsync(ct);
    }

    /// <summary>Admin links an account to a provider's identity when the provider cannot vouch for the e-mail.</summary>
    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        var outcome = await externalLinks.LinkAsync(User, Link.UserId ?? "", Link.Provider, Link.Subject, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = $"Kontot för {outcome.Value!.Email} är kopplat till den externa identiteten.";
            return RedirectToPage();
        }
        if (outcome.Kind == OutcomeKind.Invalid) FieldKeys.CopyTo(outcome.Errors, ModelState, "Link");
        else ModelState.AddModelError("Link.UserId", outcome.Kind == OutcomeKind.NotFound ? "Välj ett konto i listan." : outcome.Message ?? "");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnonymiseAsync(string id, CancellationToken ct)
    {
        var outcome = await anonymise.AnonymiseAsync(User, id, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = outcome.IsOk ? $"Kontot är anonymiserat och visas nu som {outcome.Value!.DisplayName}." : outcome.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string id, string provider, string subject, CancellationToken ct) =>
        Done(await externalLinks.UnlinkAsync(User, id, provider, subject, ct), "är inte längre kopplat till den externa identiteten.");

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var outcome = await accounts.InviteAsync(User, new StaffAccounts.InviteRequest(Input.Email, Input.Name, Input.Roles), ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = $"Inbjudan är skickad till {outcome.Value!.Email}.";
            return RedirectToPage();
        }
        if (outcome.Kind == OutcomeKind.Invalid) FieldKeys.CopyTo(outcome.Errors, ModelState, "Input");
        else ModelState.AddModelError("Input.Email", outcome.Message ?? "");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct) =>
        Done(await accounts.DeactivateAsync(User, id, ct), "är avstängt. Alla dess inloggningar är avslutade.");

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken ct) =>
        Done(await accounts.ReactivateAsync(User, id, ct), "är aktiverat igen.");

    public async Task<IActionResult> OnPostRolesAsync(string id, CancellationToken ct)
    {
        var outcome = await accounts.SetRolesAsync(User, id, NewRoles, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk)
        {
            TempData["Message"] = $"Kontot för {outcome.Value!.Email} har nu rollerna {string.Join(", ", NewRoles.Distinct())}. "
                + "Personens inloggningar är avslutade; nästa inloggning har de nya rollerna.";
            return RedirectToPage();
        }
        RolesFor = id;
        var key = RolesKey(id);
        if (outcome.Kind == OutcomeKind.Invalid)
            foreach (var (_, messages) in outcome.Errors.All) foreach (var m in messages) ModelState.AddModelError(key, m);
        else ModelState.AddModelError(key, outcome.Message ?? "");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The model key (and so the element id) of one row's roles fieldset.</summary>
    public static string RolesKey(string id) => $"Roles_{id}";

    public async Task<IActionResult> OnPostResetSecondFactorAsync(string id, CancellationToken ct) =>
        Done(await accounts.ResetSecondFactorAsync(User, id, ct),
            "har ingen tvåstegsverifiering längre och alla dess inloggningar är avslutade. En länk för att koppla en ny autentiseringsapp är skickad.");

    private IActionResult Done(Outcome<Identity.AppUser> outcome, string text)
    {
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = outcome.IsOk ? $"Kontot för {outcome.Value!.Email} {text}" : outcome.Message;
        return RedirectToPage();
    }
}
