using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Economy;

/// <summary>One commitment traced: the decision, requisitions, payments and releases behind its figures; the kansli records them here.</summary>
[Authorize(Policy = Policies.EconomyReader)]
public sealed class CommitmentModel(EconomyQueries queries, Payments payments, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public CommitmentFigures? Figures { get; private set; }
    public bool YearClosed { get; private set; }
    public bool CanEdit => User.IsInRole(Roles.Secretariat) && !YearClosed;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPaymentAsync(DateOnly? date, string? amount, string? reference, Guid? requisitionId, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return Forbid();
        var errors = new ValidationErrors();
        var parsed = YearModel.Kronor(amount, "amount", errors);
        if (!errors.IsEmpty) return await Fail(errors, null, ct);
        return await Done(await payments.PayAsync(User, Id, new Payments.PaymentRequest(date, parsed, reference, requisitionId, null), ct), "Utbetalningen är registrerad.", ct);
    }

    public async Task<IActionResult> OnPostRequisitionAsync(DateOnly? receivedDate, string? amount, string? reference, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return Forbid();
        var errors = new ValidationErrors();
        var parsed = YearModel.Kronor(amount, "requisition-amount", errors);
        if (!errors.IsEmpty) return await Fail(errors, null, ct);
        return await Done(await payments.RequisitionAsync(User, Id, new Payments.RequisitionRequest(receivedDate, parsed, reference), ct), "Rekvisitionen är registrerad.", ct,
            new Dictionary<string, string> { ["amount"] = "requisition-amount", ["reference"] = "requisition-reference" });
    }

    public async Task<IActionResult> OnPostReleaseAsync(DateOnly? releaseDate, string? reason, CancellationToken ct)
    {
        if (!await MayWriteAsync()) return Forbid();
        return await Done(await payments.ReleaseRemainingAsync(User, Id, new Payments.ReleaseRequest(releaseDate, reason), ct), "Det återstående beloppet är frigjort.", ct,
            new Dictionary<string, string> { ["date"] = "releaseDate" });
    }

    /// <summary>Page-level [Authorize] admits readers; Razor Pages ignore handler attributes, so each POST checks the writer policy.</summary>
    private async Task<bool> MayWriteAsync() => (await authorization.AuthorizeAsync(User, Policies.EconomyWriter)).Succeeded;

    /// <param name="fields">The use case's field keys that the three forms on this page name differently (so the error summary links to the right input).</param>
    private async Task<IActionResult> Done<T>(Outcome<T> outcome, string message, CancellationToken ct, Dictionary<string, string>? fields = null)
    {
        if (outcome.IsOk)
        {
            TempData["Message"] = message;
            return Redirect($"/Economy/Commitment?id={Id}");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        return await Fail(outcome.Errors, outcome.Kind == OutcomeKind.Invalid ? null : outcome.Message, ct, fields);
    }

    private async Task<IActionResult> Fail(ValidationErrors errors, string? message, CancellationToken ct, Dictionary<string, string>? fields = null)
    {
        foreach (var (field, messages) in errors.All) foreach (var m in messages) ModelState.AddModelError(fields?.GetValueOrDefault(field) ?? field, m);
        if (message is not null) ModelState.AddModelError("", message);
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = message is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Figures = await queries.CommitmentAsync(Id, ct);
        if (Figures is null) return false;
        YearClosed = (await queries.YearAsync(Figures.Commitment.Year, ct))?.Closed == true;
        return true;
    }
}
