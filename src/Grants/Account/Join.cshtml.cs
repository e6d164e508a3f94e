using System.Security.Claims;
using Grants.Organisations;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>A colleague's invitation link: create an account and join, or join with the account already signed in.</summary>
[AllowAnonymous]
public sealed class JoinModel(JoinByInvitation join) : PageModel
{
    public sealed class JoinInput
    {
        public string? Name { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public JoinInput Input { get; set; } = new();
    public JoinByInvitation.State? State { get; private set; }
    public string? SignedInUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostNewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        var outcome = await join.AcceptNewAsync(Token, new NewMember(Input.Name, "", Input.Password, Input.Confirm), ct);
        return Show(outcome, $"Ditt konto är skapat och du är medlem i {State!.OrganisationName}.");
    }

    public async Task<IActionResult> OnPostExistingAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!await LoadAsync(ct)) return Page();
        var outcome = await join.AcceptSignedInAsync(User, Token, ct);
        return Show(outcome, $"Du är nu medlem i {State!.OrganisationName} och ser organisationens ansökningar.");
    }

    private IActionResult Show(Outcome<Person> outcome, string done)
    {
        if (outcome.IsOk) Done = done;
        else if (outcome.Kind == OutcomeKind.Invalid) FieldKeys.CopyTo(outcome.Errors, ModelState, nameof(Input));
        else ModelState.AddModelError("", outcome.Message ?? "");
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        State = await join.StateAsync(Token, ct);
        if (State is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        return true;
    }
}
