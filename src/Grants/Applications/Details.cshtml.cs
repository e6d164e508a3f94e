using Grants.Association;
using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Applications;

[Authorize(Policy = Policies.ApplicationReader)]
public sealed class DetailsModel(ApplicationQueries queries, ProfileStore profiles, UploadAttachment upload, WithdrawApplication withdraw, Meetings.IApplicationDecisions decisions, FollowUp.FollowUpQueries followUp) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Application Application { get; private set; } = new();
    public AssociationProfile Profile { get; private set; } = new();
    public bool CanWrite => ApplicationAccess.MayWrite(User);
    /// <summary>The withdrawal use case is offered (its own confirmation page; never the generic step box).</summary>
    public bool CanWithdraw { get; private set; }
    /// <summary>Hashes and internal marks are for the staff; an applicant reads the record in words.</summary>
    public bool IsStaff => ApplicationAccess.SeesAll(User);
    public IReadOnlyList<Meetings.ApplicationDecision> Decisions { get; private set; } = [];
    public FollowUp.ProjectDto? Plan { get; private set; }
    public NextStep? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Writers only: UploadAttachment refuses other roles (403).</summary>
    public async Task<IActionResult> OnPostAttachmentAsync(IFormFile? file, CancellationToken ct)
    {
        var outcome = await upload.HandleAsync(User, Id, file, ct);
        switch (outcome.Kind)
        {
            case Shared.OutcomeKind.Ok:
                TempData["Message"] = $"Bilagan {outcome.Value!.FileName} är uppladdad.";
                return Redirect($"/Applications/Details/{Id}#bilagor");
            case Shared.OutcomeKind.NotFound: return NotFound();
            case Shared.OutcomeKind.Forbidden: return Forbid();
        }
        foreach (var (_, messages) in outcome.Errors.All)
            foreach (var m in messages) ModelState.AddModelError("file", m);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        var app = await queries.GetAsync(User, Id, ct);
        if (app is null) return false;
        Application = app;
        CanWithdraw = await withdraw.IsOfferedAsync(User, app, ct);
        Decisions = await decisions.ForAsync(app.Id, app.AmountApplied, ct);
        Plan = await followUp.ProjectAsync(User, app.Id, ct);
        if (!IsStaff) Next = NextSteps.ForApplicant(app.State, app.Id);
        return true;
    }
}
