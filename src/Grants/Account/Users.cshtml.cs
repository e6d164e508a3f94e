using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>Admin: the accounts, inviting staff with roles, deactivating and reactivating.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(StaffAccounts accounts, LocalClock clock) : PageModel
{
    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty] public InviteInput Input { get; set; } = new();
    public List<StaffAccounts.AccountRow> Rows { get; private set; } = [];
    public LocalClock Clock => clock;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await accounts.ListAsync(ct);

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
        Rows = await accounts.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct) =>
        Done(await accounts.DeactivateAsync(User, id, ct), "är avstängt. Alla dess inloggningar är avslutade.");

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken ct) =>
        Done(await accounts.ReactivateAsync(User, id, ct), "är aktiverat igen.");

    private IActionResult Done(Outcome<Identity.AppUser> outcome, string text)
    {
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = outcome.IsOk ? $"Kontot för {outcome.Value!.Email} {text}" : outcome.Message;
        return RedirectToPage();
    }
}
