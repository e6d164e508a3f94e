using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.FollowUp;

/// <summary>The kansli changes one project's report plan: period, responsible person, a report's date, skipped or extra reports.</summary>
[Authorize(Policy = Policies.FollowUpAdmin)]
public sealed class PlanModel(FollowUpQueries queries, ChangePlan plan) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid ReportId { get; set; }
    [BindProperty] public DateOnly? DueDate { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public ReportKind? Kind { get; set; }
    [BindProperty] public DateOnly? ProjectStart { get; set; }
    [BindProperty] public DateOnly? ProjectEnd { get; set; }
    [BindProperty] public string? ResponsibleName { get; set; }
    [BindProperty] public string? ResponsibleEmail { get; set; }

    public ProjectDto? Project { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPeriodAsync(CancellationToken ct) =>
        await After(await plan.PeriodAsync(User, Id, new ChangePlan.PeriodRequest(ProjectStart, ProjectEnd), ct), "Projektperioden är ändrad och planen omräknad.", ct);

    public async Task<IActionResult> OnPostResponsibleAsync(CancellationToken ct) =>
        await After(await plan.ResponsibleAsync(User, Id, new ChangePlan.ResponsibleRequest(ResponsibleName, ResponsibleEmail), ct), "Ansvarig person är ändrad.", ct);

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct) =>
        await After(await plan.MoveAsync(User, ReportId, new ChangePlan.DueDateRequest(DueDate), ct), "Sista dag är ändrad.", ct);

    public async Task<IActionResult> OnPostSkipAsync(CancellationToken ct) =>
        await After(await plan.SkipAsync(User, ReportId, new ChangePlan.SkipRequest(Reason), ct), "Rapporten utgår ur planen.", ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        await After(await plan.AddAsync(User, Id, new ChangePlan.ExtraReportRequest(Kind, DueDate), ct), "En extra rapport är tillagd.", ct);

    private async Task<IActionResult> After<T>(Outcome<T> outcome, string message, CancellationToken ct)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = message;
                return Redirect($"/FollowUp/Plan/{Id}");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            case OutcomeKind.Invalid: FieldKeys.CopyTo(outcome.Errors, ModelState, ""); break;
            default: ModelState.AddModelError("", outcome.Message ?? ""); break;
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Project = await queries.ProjectAsync(User, Id, ct);
        return Project is not null;
    }
}
