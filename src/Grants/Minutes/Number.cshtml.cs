using Grants.Identity;
using Grants.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Minutes;

/// <summary>The numbering confirmation: which item gets which §, the refusal if any, and the button that numbers.</summary>
[Authorize(Policy = Policies.MeetingAdmin)]
public sealed class NumberModel(NumberMinutes numbering, IAuthorizationService authorization) : MeetingPageModel(authorization)
{
    private NumberingPreview? _preview;
    public NumberingPreview Preview => _preview ?? throw new InvalidOperationException("The preview is read in LoadAsync.");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        (_preview = await numbering.PreviewAsync(id, ct)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, int? version, CancellationToken ct)
    {
        var outcome = await numbering.HandleAsync(User, id, version, ct);
        if (outcome.IsOk) return Done($"Paragraferna är numrerade: {MinutesBuilder.ParagraphRange(outcome.Value!.FirstParagraph, outcome.Value.LastParagraph)}.", $"/Meetings/Meeting/{id}");
        var failed = Failed(outcome);
        return (_preview = await numbering.PreviewAsync(id, ct)) is null ? NotFound() : failed!;
    }
}
