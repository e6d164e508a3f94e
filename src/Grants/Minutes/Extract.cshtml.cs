using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Grants.Minutes;

/// <summary>The protokollsutdrag of one §; a Sökande sees only the decision on the own application (else 404).</summary>
[Authorize(Policy = Policies.MinutesExtractReader)]
public sealed class ExtractModel(MinutesDocuments documents, IOptions<DocumentsOptions> options) : PageModel
{
    public Guid MeetingId { get; private set; }
    public int Paragraph { get; private set; }
    public DocumentLayout Layout { get; private set; } = new("", true, []);
    public bool PdfAvailable => documents.PdfAvailable;
    public string PdfMissing => MinutesPdf.MissingMessage(options.Value.SofficePath);
    public bool MayReadWholeMinutes => MinutesDocuments.MayReadWholeMinutes(User);

    public async Task<IActionResult> OnGetAsync(Guid meetingId, int paragraph, CancellationToken ct)
    {
        if (await documents.ExtractForAsync(User, meetingId, paragraph, ct) is not { } extract) return NotFound();
        MeetingId = meetingId;
        Paragraph = paragraph;
        Layout = extract.Layout;
        return Page();
    }
}
