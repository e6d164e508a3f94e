using Grants.Association;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

public sealed class MemberChoice
{
    public string Key { get; set; } = "";
    public bool Selected { get; set; }
    public string? How { get; set; }
}

/// <summary>The application form: create, save draft, submit; after submission a change becomes a new version.</summary>
[Authorize(Policy = Policies.ApplicationWriter)]
public sealed class EditModel(
    GrantsDbContext db, ProfileStore profiles, ApplicationQueries queries,
    CreateDraft create, SaveDraft save, HinderCheck hinder, AddRevision revise, LocalClock clock,
    Eligibility.EligibilityEvaluator eligibility) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ApplicationForm Form { get; set; } = new();
    [BindProperty] public List<MemberChoice> MemberChoices { get; set; } = [];
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? RevisionComment { get; set; }

    public AssociationProfile Profile { get; private set; } = new();
    public Application? Existing { get; private set; }
    public bool IsRevision => Existing is { IsDraft: false };
    public bool IsApplicant => User.IsInRole(Roles.Applicant);

    /// <param name="programme">A new application started from an open call on the start page belongs to that call.</param>
    public async Task<IActionResult> OnGetAsync(Guid? programme, CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        if (Id is { } id)
        {
            Existing = await queries.GetAsync(User, id, ct);
            if (Existing is null) return NotFound();
            Form = Existing.Form;
            Version = Existing.Version;
        }
        else if (IsApplicant && User.OrganisationId() is { } org &&
                 await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == org, ct) is { } own)
        {
            Form.Organisation.Name = own.Name;
            Form.Organisation.OrganisationNumber = SwedishIdentifiers.FormatOrganisationNumber(own.OrganisationNumber);
        }
        if (Id is null) Form.ProgrammeId = programme;
        PrepareForDisplay();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(andSubmit: false, ct);

    /// <summary>The live eligibility check (application-form.js): the rules over the form as typed; nothing is stored.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        Normalize();
        return Partial("/Eligibility/_LiveFindings.cshtml", await eligibility.EvaluateAsync(Form, null, ct));
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(andSubmit: true, ct);

    public async Task<IActionResult> OnPostReviseAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        if (Id is not { } id) return NotFound();
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        Normalize();
        var outcome = await revise.HandleAsync(User, id, Form, RevisionComment, ct);
        if (outcome.IsOk)
        {
            TempData["Message"] = $"Version {outcome.Value!.Number} är inlämnad. Tidigare versioner finns kvar.";
            return Redirect($"/Applications/Details/{id}");
        }
        return await FailAsync(outcome.Kind, outcome.Errors, outcome.Message, ct);
    }

    private async Task<IActionResult> SaveAsync(bool andSubmit, CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        Normalize();

        Outcome<Application> saved = Id is { } id
            ? await save.HandleAsync(User, id, Form, Version, ct)
            : await create.HandleAsync(User, Form, ct);
        if (!saved.IsOk) return await FailAsync(saved.Kind, saved.Errors, saved.Message, ct);
        Id = saved.Value!.Id;
        Version = saved.Value.Version;

        if (!andSubmit)
        {
            TempData["Message"] = "Utkastet är sparat.";
            return Redirect($"/Applications/Edit/{Id}");
        }
        // Before the check-your-answers page: everything that would refuse the submission is shown here, at its field.
        var problems = await hinder.FindAsync(saved.Value, ct);
        if (!problems.IsEmpty) return await FailAsync(OutcomeKind.Invalid, problems, null, ct);
        return Redirect($"/Applications/Check/{Id}");
    }

    private async Task<IActionResult> FailAsync(OutcomeKind kind, ValidationErrors errors, string? message, CancellationToken ct)
    {
        switch (kind)
        {
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return Forbid();
            case OutcomeKind.Invalid: FieldKeys.CopyTo(errors, ModelState, "Form"); break;
            default: ModelState.AddModelError("", message ?? "Åtgärden kunde inte utföras."); break;
        }
        return await RedisplayAsync(ct);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        if (Id is { } id) Existing = await queries.GetAsync(User, id, ct);
        PrepareForDisplay();
        return Page();
    }

    /// <summary>Member checkboxes map to the cooperation list; empty rows the page offers are dropped.</summary>
    private void Normalize()
    {
        Form.Cooperation.Members = MemberChoices.Where(c => c.Selected)
            .Select(c => new MemberParticipation { MemberKey = c.Key, How = c.How }).ToList();
        Form.Project.Goals = Form.Project.Goals.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).ToList();
        Form.Budget = Form.Budget.Where(b => b.Year != 0 || b.TotalCosts != 0 || b.Income != 0).ToList();
        Form.Financing = Form.Financing.Where(f => !string.IsNullOrWhiteSpace(f.Name) || f.Amount != 0).ToList();
    }

    /// <summary>Offers empty rows to fill in (and the JS adds more).</summary>
    private void PrepareForDisplay()
    {
        MemberChoices = Profile.Members.Select(m =>
        {
            var chosen = Form.Cooperation.Members.FirstOrDefault(p => p.MemberKey == m.Key);
            return new MemberChoice { Key = m.Key, Selected = chosen is not null, How = chosen?.How };
        }).ToList();
        while (Form.Project.Goals.Count < 3) Form.Project.Goals.Add("");
        if (Form.Budget.Count == 0)
        {
            var start = Form.Project.StartDate?.Year ?? clock.Today.Year;
            var end = Math.Max(start, Form.Project.EndDate?.Year ?? start);
            for (var y = start; y <= end && y - start < 5; y++) Form.Budget.Add(new BudgetYear { Year = y });
        }
        if (Form.Financing.Count == 0) Form.Financing.Add(new OtherFunder());
    }
}
