using System.Globalization;
using System.Security.Claims;
using Grants.Identity;
using Grants.Shared;

namespace Grants.Minutes;

/// <summary>The protokoll and its extracts as files: GET …/minutes.docx|pdf and …/minutes/{§}/extract.docx|pdf.</summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapMinutesDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/api/meetings").WithTags("Protokoll");
        meetings.MapGet("/{meetingId}/minutes.{format}", async (string meetingId, string format, MinutesDocuments documents, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                var id = MeetingId(meetingId, errors);
                var fileFormat = Format(format, errors);
                if (!errors.IsEmpty) return ApiResults.Validation(errors);
                var doc = await documents.FindAsync(id, ct);
                return doc is null ? NotFound() : await FileAsync(documents, MinutesLayout.Full(doc), doc.AssociationName, fileFormat, ct);
            })
            .RequireAuthorization(Policies.MinutesReader).Produces(200, contentType: MinutesDocx.ContentType).ProducesValidationProblem()
            .ProducesProblem(404).ProducesProblem(503);
        meetings.MapGet("/{meetingId}/minutes/{paragraph}/extract.{format}",
                async (string meetingId, string paragraph, string format, ClaimsPrincipal user, MinutesDocuments documents, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                var id = MeetingId(meetingId, errors);
                var number = ParagraphNumber(paragraph, errors);
                var fileFormat = Format(format, errors);
                if (!errors.IsEmpty) return ApiResults.Validation(errors);
                return await documents.ExtractForAsync(user, id, number, ct) is { } extract
                    ? await FileAsync(documents, extract.Layout, extract.Minutes.AssociationName, fileFormat, ct)
                    : NotFound();
            })
            .RequireAuthorization(Policies.MinutesExtractReader).Produces(200, contentType: MinutesDocx.ContentType).ProducesValidationProblem()
            .ProducesProblem(404).ProducesProblem(503);
        return routes;
    }

    private static async Task<IResult> FileAsync(MinutesDocuments documents, DocumentLayout layout, string association, FileFormat format, CancellationToken ct)
    {
        try
        {
            var file = await documents.RenderAsync(layout, association, format, ct);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (DocumentConversionException e)
        {
            // The server lacks LibreOffice or it failed: not the client's mistake, and the DOCX is still there.
            return ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "PDF kan inte skapas just nu", e.Message);
        }
    }

    private static IResult NotFound() =>
        ApiResults.Problem(StatusCodes.Status404NotFound, "Hittades inte", "Protokollet eller paragrafen finns inte, eller så saknar du behörighet till den.");

    private static Guid MeetingId(string text, ValidationErrors errors)
    {
        if (Guid.TryParse(text, out var id)) return id;
        errors.Add("meetingId", "Sammanträdets id måste vara ett GUID, till exempel 3f2504e0-4f89-11d3-9a0c-0305e82c3301.");
        return Guid.Empty;
    }

    private static int ParagraphNumber(string text, ValidationErrors errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        errors.Add("paragraph", "Paragrafnumret måste vara ett positivt heltal, till exempel 605.");
        return 0;
    }

    private static FileFormat Format(string text, ValidationErrors errors)
    {
        switch (text.ToLowerInvariant())
        {
            case "docx": return FileFormat.Docx;
            case "pdf": return FileFormat.Pdf;
            default:
                errors.Add("format", "Formatet måste vara docx eller pdf.");
                return FileFormat.Docx;
        }
    }
}
