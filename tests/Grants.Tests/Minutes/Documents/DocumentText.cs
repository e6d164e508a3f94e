using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace Grants.Tests.Minutes.Documents;

/// <summary>Reads rendered documents back: DOCX with OpenXml, PDF with PdfPig.</summary>
public static partial class DocumentText
{
    /// <summary>Every paragraph's text (body and table cells) in document order.</summary>
    public static IReadOnlyList<string> DocxParagraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart?.Document?.Body ?? throw new InvalidOperationException("The DOCX has no body.");
        return body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    /// <summary>The texts of paragraphs with the given style (Heading1, Heading2).</summary>
    public static IReadOnlyList<string> DocxStyled(byte[] docx, string style)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart?.Document?.Body ?? throw new InvalidOperationException("The DOCX has no body.");
        return body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText).ToList();
    }

    /// <summary>All text of the PDF, pages in order.</summary>
    public static string Pdf(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join("\n", doc.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>Whitespace removed: a PDF wraps long titles and clauses over lines.</summary>
    public static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
