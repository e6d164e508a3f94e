using Grants.Association;
using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Grants.Economy;

/// <summary>One budget year: the plan with the 5 § split, the booked outcome, earlier decisions; the kansli edits, others read.</summary>
[Authorize(Policy = Policies.EconomyReader)]
public sealed class YearModel(EconomyQueries queries, BudgetYears years, RecordCommitment record, ProfileStore profiles, IOptions<EconomyOptions> options, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public BudgetYear? Budget { get; private set; }
    public List<BudgetLine> Lines { get; private set; } = [];
    public IReadOnlyList<SplitParty> Split { get; private set; } = [];
    public List<ActualEntry> Actuals { get; private set; } = [];
    public AssociationProfile Profile { get; private set; } = new();
    public bool CanEdit => User.IsInRole(Roles.Secretariat) && Budget is not { Closed: true };
    public long Tolerance => options.Value.SplitToleranceKronor;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is < 2000 or > 2100) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBudgetAsync(string? carriedOverSurplus, string? recommendedMaxEquity, List<string?> contributionKey, List<string?> contributionAmount,
        List<string?> otherLabel, List<string?> otherAmount, List<string?> costLabel, List<string?> costAmount, int? version, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return Forbid();
        var errors = new ValidationErrors();
        var request = new BudgetYears.SaveRequest(
            Kronor(carriedOverSurplus, "carriedOverSurplus", errors), Kronor(recommendedMaxEquity, "recommendedMaxEquity", errors),
            contributionKey.Select((k, i) => new BudgetYears.ContributionInput(k, Kronor(At(contributionAmount, i) is { Length: > 0 } a ? a : "0", $"contributions[{i}].amount", errors))).ToList(),
            ParseLines(otherLabel, otherAmount, "otherIncome", errors), ParseLines(costLabel, costAmount, "operatingCosts", errors));
        if (!errors.IsEmpty) return await Fail(errors, ct);
        var saved = await years.SaveAsync(User, Year, request, version, ct);
        return await Done(saved, "Budgeten är sparad.", ct);
    }

    public async Task<IActionResult> OnPostActualAsync(DateOnly? date, ActualKind? kind, string? label, string? amount, string? reference, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return Forbid();
        var errors = new ValidationErrors();
        var parsed = Kronor(amount, "amount", errors);
        if (!errors.IsEmpty) return await Fail(errors, ct);
        return await Done(await years.RecordActualAsync(User, Year, new BudgetYears.ActualRequest(date, kind, label, parsed, reference, null), ct), "Posten är registrerad.", ct);
    }

    public async Task<IActionResult> OnPostCommitmentAsync(string? projectName, string? recipient, string? amount, DateOnly? decisionDate, int? paragraphNumber, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return Forbid();
        var errors = new ValidationErrors();
        var parsed = Kronor(amount, "amount", errors);
        if (!errors.IsEmpty) return await Fail(errors, ct);
        return await Done(await record.HandleAsync(User, new RecordCommitment.Request(projectName, recipient, Year, parsed, decisionDate, paragraphNumber), ct), "Beslutet är registrerat som åtagande.", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        await MayWriteAsync() ? await Done(await years.CloseAsync(User, Year, ct), $"Budgetåret {Year} är stängt.", ct) : Forbid();

    /// <summary>Page-level [Authorize] admits readers; handler attributes are ignored by Razor Pages, so each POST checks the writer policy itself.</summary>
    private async Task<bool> MayWriteAsync() => (await authorization.AuthorizeAsync(User, Policies.EconomyWriter)).Succeeded;

    public string Id(string field) => FieldKeys.ElementId(field);
    public string? ErrorOf(string field) => ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    private async Task<IActionResult> Done<T>(Outcome<T> outcome, string message, CancellationToken ct)
    {
        if (outcome.IsOk)
        {
            TempData["Message"] = message;
            return Redirect($"/Economy/Year?year={Year}");
        }
        if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.NotFound or OutcomeKind.Forbidden) ModelState.AddModelError("", outcome.Message ?? "Det gick inte.");
        return await Fail(outcome.Errors, ct);
    }

    private async Task<IActionResult> Fail(ValidationErrors errors, CancellationToken ct)
    {
        foreach (var (field, messages) in errors.All) foreach (var m in messages) ModelState.AddModelError(field, m);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        Budget = await queries.YearAsync(Year, ct);
        Lines = await queries.LinesAsync(Year, ct);
        Split = MemberSplit.Check(Profile.Members, Lines.Where(l => l.Kind == BudgetLineKind.Contribution && l.MemberKey is not null).ToDictionary(l => l.MemberKey!, l => l.Amount), Tolerance);
        Actuals = await queries.ActualsAsync(Year, ct);
    }

    private static string? At(List<string?> list, int i) => i < list.Count ? list[i]?.Trim() : null;

    private static List<BudgetYears.LineInput> ParseLines(List<string?> labels, List<string?> amounts, string field, ValidationErrors errors)
    {
        var lines = new List<BudgetYears.LineInput>();
        for (var i = 0; i < Math.Max(labels.Count, amounts.Count); i++)
        {
            var label = At(labels, i);
            var amount = At(amounts, i);
            if (string.IsNullOrEmpty(label) && string.IsNullOrEmpty(amount)) continue;
            lines.Add(new BudgetYears.LineInput(label, Kronor(amount, $"{field}[{lines.Count}].amount", errors)));
        }
        return lines;
    }

    /// <summary>"430 000" or "430000" → 430000; anything else a field error.</summary>
    public static long? Kronor(string? text, string field, ValidationErrors errors) => Amounts.Parse(text, field, errors);
}
