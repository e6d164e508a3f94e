using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Grants.Minutes;

/// <summary>
/// Writes a <see cref="DocumentLayout"/> (protokoll or protokollsutdrag) as a Word document with real heading
/// styles (so Word's navigation, LibreOffice's PDF bookmarks and screen readers see the structure), A4 pages,
/// Swedish language, and tables for the labelled blocks (sammanträdet, underskrifter, anslag, bestyrkande).
/// </summary>
public static class MinutesDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Font = "Arial";
    private const string SignatureRule = "______________________________";
    // A4 in twentieths of a point, 2 cm margins; the two table columns fill the text width.
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134, LabelWidth = 3200, ValueWidth = PageWidth - 2 * Margin - LabelWidth;

    public static byte[] Render(DocumentLayout layout, string author)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = layout.FileStem;
            doc.PackageProperties.Creator = author;
            doc.PackageProperties.Language = "sv-SE";
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            foreach (var block in layout.Blocks)
                foreach (var element in Elements(block)) body.Append(element);
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Elements(LayoutBlock block) => block switch
    {
        HeadBlock h =>
        [
            Para(h.Association.ToUpperInvariant(), bold: true),
            Para(h.Kind, style: "Heading1"),
            Para(h.DateLine),
        ],
        StatusBlock s => [Para(s.Text, bold: true, boxed: true)],
        FactsBlock f => Facts(f),
        ParagraphBlock p => Paragraph(p),
        PageBreakBlock => [new Paragraph(new Run(new Break { Type = BreakValues.Page }))],
        _ => throw new InvalidOperationException($"No DOCX rendering for {block.GetType().Name}."),
    };

    private static IEnumerable<OpenXmlElement> Facts(FactsBlock f)
    {
        if (f.Heading is { } heading) yield return Para(heading, style: "Heading2");
        if (f.Intro is { } intro) yield return Para(intro);
        var table = new Table(new TableProperties(
            new TableWidth { Width = (LabelWidth + ValueWidth).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCaption { Val = f.Caption }));
        table.Append(new TableGrid(new GridColumn { Width = $"{LabelWidth}" }, new GridColumn { Width = $"{ValueWidth}" }));
        foreach (var row in f.Rows)
        {
            var values = row.Values.Count == 0 ? [""] : row.Values;
            var valueCell = new List<OpenXmlElement>();
            if (row.SignatureLine) valueCell.Add(Para(SignatureRule, spaceBefore: 480));
            valueCell.AddRange(values.Select(v => Para(v)));
            table.Append(new TableRow(Cell(LabelWidth, Para(row.Label, bold: true)), Cell(ValueWidth, [.. valueCell])));
        }
        yield return table;
    }

    private static IEnumerable<OpenXmlElement> Paragraph(ParagraphBlock p)
    {
        yield return Para(p.Heading, style: "Heading2");
        if (p.RegistrationNumber is { } dnr) yield return Para($"Diarienummer {dnr}", italic: true);
        foreach (var line in p.Text) yield return Para(line);
        if (p.Clauses.Count > 0)
        {
            yield return Para(ParagraphBlock.DecisionLead, bold: true, keepNext: true);
            foreach (var clause in p.Clauses) yield return Para(clause, indent: true);
        }
        foreach (var note in p.Notes) yield return Para(note, italic: true);
    }

    private static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa }));
        cell.Append(content);
        return cell;
    }

    private static Paragraph Para(string text, string? style = null, bool bold = false, bool italic = false,
        bool indent = false, bool keepNext = false, bool boxed = false, int spaceBefore = 0)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (keepNext) props.Append(new KeepNext());
        if (boxed)
            props.Append(new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8, Space = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 8, Space = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 4 }, new RightBorder { Val = BorderValues.Single, Size = 8, Space = 4 }));
        if (spaceBefore > 0) props.Append(new SpacingBetweenLines { Before = $"{spaceBefore}" });
        if (indent) props.Append(new Indentation { Left = "567" });
        var run = new Run();
        if (bold || italic)
        {
            var rp = new RunProperties();
            if (bold) rp.Append(new Bold());
            if (italic) rp.Append(new Italic());
            run.Append(rp);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(props, run);
    }

    private static Styles Styles()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font },
                new FontSize { Val = "22" },
                new Languages { Val = "sv-SE" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto })));
        return new Styles(
            defaults,
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Heading1", "heading 1", 0, "36"),
            Heading("Heading2", "heading 2", 1, "26"));
    }

    private static Style Heading(string id, string name, int level, string size) => new(
        new StyleName { Val = name },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = level }),
        new StyleRunProperties(new Bold(), new FontSize { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = id };
}
