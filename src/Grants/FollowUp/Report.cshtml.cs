using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.FollowUp;

/// <summary>One report: the form while it waits for the applicant, the handed-in versions, and the review.</summary>
[Authorize(Policy = Policies.FollowUpReader)]
public sealed class ReportModel(GrantsDbContext db, FollowUpQueries queries, SubmitReport submit, SaveReportDraft draft, ReviewReport review, LocalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ReportForm Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public ReviewReport.ReviewDecision? Decision { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public Report Report { get; private set; } = new();
    public Application Application { get; private set; } = new();
    public ReportPlan Plan { get; private set; } = new();
    public string StateLabel { get; private set; } = "";
    public IReadOnlyCollection<int> Years { get; private set; } = [];
    public ReportForm? Latest { get; private set; }
    public bool CanSubmit => Report.IsOpen && ApplicationAccess.MayWrite(User) && PeriodStarted;
    public bool PeriodStarted { get; private set; }
    public DateOnly OpensOn { get; private set; }
    public ReportForm? Draft { get; private set; }
    public bool CanReview => Report.State == ReportStates.Submitted && (User.IsInRole(Roles.Secretariat) || User.IsInRole(Roles.Lsg));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Form = Draft ?? Latest ?? Blank();
        return Page();
    }

    /// <summary>Keeps the work so far without handing it in (no checks but the form's own types).</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await draft.HandleAsync(User, Id, Form, ct);
            switch (outcome.Kind)
            {
                case OutcomeKind.Ok:
                    TempData["Message"] = "Utkastet är sparat. Rapporten är inte inlämnad förrän du väljer Lämna in rapporten.";
                    return Redirect($"/FollowUp/Report/{Id}");
                case OutcomeKind.NotFound: return NotFound();
                case OutcomeKind.Forbidden: return Forbid();
                default: ModelState.AddModelError("", outcome.Message ?? ""); break;
            }
        }
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        // An economy row left empty in a status report means "no account this time" (it is optional there).
        Form.Economy.RemoveAll(e => e.Personnel is null && e.Premises is null && e.Other is null && e.Evaluation is null);
        if (ModelState.IsValid)
        {
            var outcome = await submit.HandleAsync(User, Id, Form, Version, ct);
            switch (outcome.Kind)
            {
                case OutcomeKind.Ok:
                    TempData["Message"] = $"Rapporten är inlämnad (version {outcome.Value!.Versions.Count}). Tack!";
                    return Redirect($"/FollowUp/Report/{Id}");
                case OutcomeKind.NotFound: return NotFound();
                case OutcomeKind.Forbidden: return Forbid();
                case OutcomeKind.Invalid: FieldKeys.CopyTo(outcome.Errors, ModelState, "Form"); break;
                default: ModelState.AddModelError("", outcome.Message ?? ""); break;
            }
        }
        if (!await LoadAsync(ct)) return NotFound();
        // The rows left empty were dropped above; give them back so the form shows every year again.
        foreach (var year in Years.Where(y => !Form.Economy.Any(e => e.Year == y))) Form.Economy.Add(new EconomyYear { Year = year });
        Form.Economy.Sort((a, b) => a.Year.CompareTo(b.Year));
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        if (!(User.IsInRole(Roles.Secretariat) || User.IsInRole(Roles.Lsg))) return Forbid();
        var outcome = await review.HandleAsync(User, Id, new ReviewReport.Request(Decision, Comment), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Message"] = Decision == ReviewReport.ReviewDecision.Approve ? "Rapporten är godkänd." : "Komplettering är begärd och den sökande har fått besked.";
                return Redirect($"/FollowUp/Report/{Id}");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Invalid: FieldKeys.CopyTo(outcome.Errors, ModelState, ""); break;
            default: ModelState.AddModelError("", outcome.Message ?? ""); break;
        }
        if (!await LoadAsync(ct)) return NotFound();
        Form = Latest ?? Blank();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var found = await FollowUpAccess.ReportAsync(db, User, Id, ct);
        if (found is not var (report, app)) return false;
        Report = report;
        Application = app;
        Plan = report.Plan ?? new ReportPlan();
        StateLabel = queries.ReportStateLabel(report);
        Years = ReportYears.Of(Plan, app);
        Latest = report.Versions.OrderBy(v => v.Number).LastOrDefault() is { } v ? ReportJson.Read(v) : null;
        Draft = report.DraftJson is { } json ? System.Text.Json.JsonSerializer.Deserialize<ReportForm>(json, ReportJson.Options) : null;
        await db.Entry(Plan).Collection(p => p.Reports).LoadAsync(ct);
        OpensOn = ReportPeriod.OpensOn(report, Plan);
        PeriodStarted = OpensOn <= clock.Today;
        if (!ModelState.ContainsKey(nameof(Version))) Version = report.Version;
        return true;
    }

    /// <summary>An empty form with one row per goal and per budget year, so the final report's tables are there to fill in.</summary>
    private ReportForm Blank() => new()
    {
        Goals = Report.Kind == ReportKind.FinalReport ? Application.Form.Project.Goals.Select(g => new GoalResult { Goal = g }).ToList() : [],
        Economy = Years.Select(y => new EconomyYear { Year = y }).ToList(),
    };
}
