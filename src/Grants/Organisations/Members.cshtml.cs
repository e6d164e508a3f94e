using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Organisations;

/// <summary>"Min organisation": members, pending requests (approve/refuse) and inviting a colleague. Members only.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class MembersModel(OrganisationQueries queries, DecideMembership decide, InviteColleague invite, RemoveMember remove, LocalClock clock) : PageModel
{
    public const string PagePath = "/Organisations/Members";

    [BindProperty] public string? Email { get; set; }
    public OrganisationQueries.OrganisationView Org { get; private set; } =
        new(Guid.Empty, "", "", DateTimeOffset.MinValue, null, [], []);
    public LocalClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(long id, bool approve, CancellationToken ct)
    {
        var outcome = await decide.DecideAsync(User, id, approve, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = outcome.IsOk ? approve ? "Personen är godkänd och har fått ett brev." : "Förfrågan är avböjd." : outcome.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? userId, CancellationToken ct)
    {
        var outcome = await remove.RemoveAsync(User, null, userId, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        TempData["Message"] = outcome.IsOk ? $"{outcome.Value!.Name} är borttagen ur organisationen." : outcome.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var outcome = await invite.InviteAsync(User, Email, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = $"Inbjudan är skickad till {outcome.Value!.Email}.";
            return RedirectToPage();
        }
        if (outcome.Kind == OutcomeKind.Invalid) FieldKeys.CopyTo(outcome.Errors, ModelState, "");
        else ModelState.AddModelError(nameof(Email), outcome.Message ?? "");
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (User.OrganisationId() is not { } org || await queries.OneAsync(org, ct) is not { } view) return NotFound();
        Org = view;
        return Page();
    }
}

/// <summary>What _Members.cshtml shows: an organisation's members with a remove button each, posting to <see cref="Page"/>.</summary>
public sealed record MemberList(OrganisationQueries.OrganisationView Org, string Page);

/// <summary>What _Pending.cshtml shows: an organisation's pending requests, posting to <see cref="Page"/>.</summary>
public sealed record PendingList(OrganisationQueries.OrganisationView Org, LocalClock Clock, string Page);
