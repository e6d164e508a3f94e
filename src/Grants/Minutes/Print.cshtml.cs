using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Grants.Minutes;

/// <summary>The whole protokoll as a page that prints on A4 (Kansli, Styrelse, Admin).</summary>
[Authorize(Policy = Policies.MinutesReader)]
public sealed class PrintModel(MinutesDocuments documents, IOptions<DocumentsOptions> options) : PageModel
{
    public Guid MeetingId { get; private set; }
    public DocumentLayout Layout { get; private set; } = new("", true, []);
    public bool PdfAvailable => documents.PdfAvailable;
    public string PdfMissing => MinutesPdf.MissingMessage(options.Value.SofficePath);

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken ct)
    {
        var doc = await documents.FindAsync(meetingId, ct);
        if (doc is null) return NotFound();
        MeetingId = meetingId;
        Layout = MinutesLayout.Full(doc);
        return Page();
    }
}
