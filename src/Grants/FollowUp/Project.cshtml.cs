using Grants.Applications;
using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.FollowUp;

/// <summary>One project's plan, reports and conditions; the applicant reports a condition's outcome, the kansli confirms it.</summary>
[Authorize(Policy = Policies.FollowUpReader)]
public sealed class ProjectModel(FollowUpQueries queries, ReportConditionOutcome report, ConfirmCondition confirm) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid ConditionId { get; set; }
    [BindProperty] public ConditionOutcome? Outcome { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public ProjectDto Project { get; private set; } = new(Guid.Empty, "", null, "", 0, default, default, 0, "", "", false, [], [], 0);
    public bool CanReportConditions => ApplicationAccess.MayWrite(User) && Project.ApplicationState == ConditionStates.Waiting;
    public bool CanConfirm => User.IsInRole(Roles.Secretariat) && Project.ApplicationState == ConditionStates.Waiting;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOutcomeAsync(IFormFile? evidence, CancellationToken ct) =>
        await After(await report.HandleAsync(User, ConditionId, Outcome, Comment, evidence, ct), "Utfallet är rapporterat. Kansliet bekräftar det.", ct);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Secretariat)) return Forbid();
        return await After(await confirm.HandleAsync(User, ConditionId, new ConfirmCondition.Request(Outcome, Comment), ct), "Villkoret är avgjort.", ct);
    }

    private async Task<IActionResult> After(Outcome<Condition> outcome, string message, CancellationToken ct)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = message;
                return Redirect($"/FollowUp/Project/{Id}");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            case OutcomeKind.Invalid: FieldKeys.CopyTo(outcome.Errors, ModelState, ""); break;
            default: ModelState.AddModelError("", outcome.Message ?? ""); break;
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ProjectAsync(User, Id, ct) is not { } p) return false;
        Project = p;
        return true;
    }
}
