using System.Security.Claims;
using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Minutes;

public enum FileFormat { Docx, Pdf }

public sealed record RenderedDocument(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Finds the minutes (through whichever <see cref="IMinutesSource"/> is registered), decides who may see which
/// document, and renders a layout as DOCX or PDF. The pages, the API and the decision notice all come here.
/// </summary>
public sealed class MinutesDocuments(IEnumerable<IMinutesSource> sources, GrantsDbContext db, MinutesPdf pdf)
{
    public bool PdfAvailable => pdf.IsAvailable;

    /// <summary>The minutes of a meeting, or null when no source knows the meeting.</summary>
    public async Task<MinutesDocument?> FindAsync(Guid meetingId, CancellationToken ct)
    {
        // Enumerated rather than injected as one service: the board's source is the only one in production,
        // and a host without it (this feature alone) answers 404 instead of failing to resolve.
        foreach (var source in sources)
            if (await source.ForMeetingAsync(meetingId, ct) is { } doc) return doc;
        return null;
    }

    /// <summary>
    /// The extract of § <paramref name="paragraph"/>, or null when the user may not see it. A Sökande sees only
    /// the extract of a decision on the own organisation's application, and only once the minutes are adjusted;
    /// everything else answers as if it did not exist.
    /// </summary>
    public async Task<(MinutesDocument Minutes, DocumentLayout Layout)?> ExtractForAsync(ClaimsPrincipal user, Guid meetingId, int paragraph, CancellationToken ct)
    {
        var doc = await FindAsync(meetingId, ct);
        if (doc is null) return null;
        if (!MayReadWholeMinutes(user))
        {
            var applicationId = doc.Paragraphs.FirstOrDefault(p => p.Number == paragraph)?.ApplicationId;
            if (!doc.Adjusted || applicationId is not { } id) return null;
            if (!await ApplicationAccess.Visible(db, user).AnyAsync(a => a.Id == id, ct)) return null;
        }
        return MinutesLayout.Extract(doc, paragraph) is { } layout ? (doc, layout) : null;
    }

    /// <summary>Kansli, Styrelse and Admin read whole minutes (the policy <see cref="Policies.MinutesReader"/>).</summary>
    public static bool MayReadWholeMinutes(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.Board) || user.IsInRole(Roles.Admin);

    /// <summary>Throws <see cref="DocumentConversionException"/> when a PDF was asked for and cannot be made.</summary>
    public async Task<RenderedDocument> RenderAsync(DocumentLayout layout, string association, FileFormat format, CancellationToken ct)
    {
        var docx = MinutesDocx.Render(layout, association);
        return format == FileFormat.Docx
            ? new RenderedDocument(layout.FileStem + ".docx", MinutesDocx.ContentType, docx)
            : new RenderedDocument(layout.FileStem + ".pdf", MinutesPdf.ContentType, await pdf.ConvertAsync(docx, ct));
    }
}
