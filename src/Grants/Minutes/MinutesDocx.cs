using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Grants.Minutes;

/// <summary>
/// Writes a <see cref="DocumentLayout"/> (protokoll or protokollsutdrag) as a Word document with real heading
/// styles (so Word's navigation, LibreOffice's PDF bookmarks and screen readers see the structure), A4 pages,
/// Swedish language, and tables for the labelled blocks (sammanträdet, underskrifter, anslag, bestyrkande).
/// Every page carries the förbund and the document in its header and, in its footer, boxes for the justerandes
/// signatur and the utdragsbestyrkande beside "Sida X (Y)" – the sources' page furniture. Blocks a reader signs or
/// checks as a whole (a labelled table, the att-clauses under their lead) are kept on one page.
/// </summary>
public static class MinutesDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Font = "Arial";
    private const string Mono = "Courier New";
    public const string SignatureBoxLabel = "Justerandes signatur";
    public const string AttestationBoxLabel = "Utdragsbestyrkande";
    private const string SignatureRule = "______________________________";
    // A4 in twentieths of a point, 2 cm margins; the two table columns fill the text width.
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134, LabelWidth = 3200, ValueWidth = PageWidth - 2 * Margin - LabelWidth;
    // The bottom margin leaves room for the footer's signature boxes (about 2.1 cm high).
    private const int FooterSpace = 2268, TextWidth = PageWidth - 2 * Margin, BoxWidth = 3600, PageNumberWidth = TextWidth - 2 * BoxWidth;

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
            var header = main.AddNewPart<HeaderPart>();
            header.Header = PageHeader(layout);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageFooter();
            var body = new Body();
            foreach (var block in layout.Blocks)
                foreach (var element in Elements(block)) body.Append(element);
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = FooterSpace, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 454 }));
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
        StatusBlock { Hash: { } hash } s => [Para(s.Text, bold: true, boxed: true, keepNext: true), Para(hash, boxed: true, mono: true)],
        StatusBlock s => [Para(s.Text, bold: true, boxed: true)],
        FactsBlock f => Facts(f),
        ParagraphBlock p => Paragraph(p),
        PageBreakBlock => [new Paragraph(new Run(new Break { Type = BreakValues.Page }))],
        _ => throw new InvalidOperationException($"No DOCX rendering for {block.GetType().Name}."),
    };

    private static IEnumerable<OpenXmlElement> Facts(FactsBlock f)
    {
        if (f.Heading is { } heading) yield return Para(heading, style: "Heading2");
        if (f.Intro is { } intro) yield return Para(intro, keepNext: true);
        var table = new Table(new TableProperties(
            new TableWidth { Width = (LabelWidth + ValueWidth).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCaption { Val = f.Caption }));
        table.Append(new TableGrid(new GridColumn { Width = $"{LabelWidth}" }, new GridColumn { Width = $"{ValueWidth}" }));
        for (var i = 0; i < f.Rows.Count; i++)
        {
            var row = f.Rows[i];
            // Keep-with-next on every row but the last keeps the table on one page (Word and LibreOffice alike).
            var keep = i < f.Rows.Count - 1;
            var values = row.Values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            var valueCell = new List<OpenXmlElement>();
            if (row.SignatureLine) valueCell.Add(Para(SignatureRule, spaceBefore: 480, keepNext: keep || values.Count > 0));
            valueCell.AddRange(values.Select((v, j) => Para(v, keepNext: keep || j < values.Count - 1)));
            if (valueCell.Count == 0) valueCell.Add(Para("", keepNext: keep));
            table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                Cell(LabelWidth, Para(row.Label, bold: true, keepNext: keep)), Cell(ValueWidth, [.. valueCell])));
        }
        yield return table;
    }

    private static IEnumerable<OpenXmlElement> Paragraph(ParagraphBlock p)
    {
        yield return Para(p.Heading, style: "Heading2");
        if (p.FullTitle is { } title) yield return Para(title, bold: true, keepNext: true);
        if (p.RegistrationNumber is { } dnr) yield return Para($"Diarienummer {dnr}", italic: true, keepNext: true);
        foreach (var line in p.Text) yield return Para(line, keepLines: true);
        if (p.Clauses.Count > 0)
        {
            yield return Para(ParagraphBlock.DecisionLead, bold: true, keepNext: true);
            for (var i = 0; i < p.Clauses.Count; i++)
                yield return Para(p.Clauses[i], indent: true, keepLines: true, keepNext: i < p.Clauses.Count - 1);
        }
        foreach (var note in p.Notes) yield return Para(note, italic: true);
    }

    private static Header PageHeader(DocumentLayout layout)
    {
        var head = layout.Blocks.OfType<HeadBlock>().FirstOrDefault();
        var text = head is null ? layout.FileStem : $"{head.Association} · {head.Kind} · {head.DateLine}";
        return new Header(Para(text, size: 18, right: true));
    }

    /// <summary>
    /// Two boxes to sign in on every page, as on a printed protokoll (each page is initialled by the justerare),
    /// and "Sida X (Y)" from Word fields, which LibreOffice fills in when it lays out the PDF.
    /// </summary>
    private static Footer PageFooter()
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 6 }, new LeftBorder { Val = BorderValues.Single, Size = 6 },
            new BottomBorder { Val = BorderValues.Single, Size = 6 }, new RightBorder { Val = BorderValues.Single, Size = 6 },
            new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 6 });
        var table = new Table(new TableProperties(
            new TableWidth { Width = $"{TextWidth}", Type = TableWidthUnitValues.Dxa },
            border, new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCaption { Val = "Sidfot med signaturrutor och sidnummer" }));
        table.Append(new TableGrid(new GridColumn { Width = $"{BoxWidth}" }, new GridColumn { Width = $"{BoxWidth}" }, new GridColumn { Width = $"{PageNumberWidth}" }));
        var pageNumber = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }));
        pageNumber.Append([Small("Sida "), .. Field("PAGE"), Small(" ("), .. Field("NUMPAGES"), Small(")")]);
        table.Append(new TableRow(
            new TableRowProperties(new TableRowHeight { Val = 900, HeightType = HeightRuleValues.AtLeast }, new CantSplit()),
            Cell(BoxWidth, Para(SignatureBoxLabel, size: 16)),
            Cell(BoxWidth, Para(AttestationBoxLabel, size: 16)),
            WithoutBorder(Cell(PageNumberWidth, pageNumber))));
        return new Footer(table);
    }

    private static TableCell WithoutBorder(TableCell cell)
    {
        cell.TableCellProperties?.Append(new TableCellBorders(
            new TopBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil }));
        return cell;
    }

    private static Run Small(string text) =>
        new(new RunProperties(new FontSize { Val = "18" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>A complex field (begin, instruction, separate, cached result, end) – what Word itself writes.</summary>
    private static Run[] Field(string instruction) =>
    [
        new(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new(new FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }),
        new(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        Small("1"),
        new(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    private static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa }));
        cell.Append(content);
        return cell;
    }

    private static Paragraph Para(string text, string? style = null, bool bold = false, bool italic = false,
        bool indent = false, bool keepNext = false, bool boxed = false, int spaceBefore = 0, bool keepLines = false,
        bool mono = false, int size = 0, bool right = false)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (keepNext) props.Append(new KeepNext());
        if (keepLines) props.Append(new KeepLines());
        if (boxed)
            props.Append(new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8, Space = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 8, Space = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 4 }, new RightBorder { Val = BorderValues.Single, Size = 8, Space = 4 }));
        if (spaceBefore > 0) props.Append(new SpacingBetweenLines { Before = $"{spaceBefore}" });
        if (indent) props.Append(new Indentation { Left = "567" });
        if (right) props.Append(new Justification { Val = JustificationValues.Right });
        var run = new Run();
        if (bold || italic || mono || size > 0)
        {
            // Schema order inside rPr: fonts, bold, italic, size.
            var rp = new RunProperties();
            if (mono) rp.Append(new RunFonts { Ascii = Mono, HighAnsi = Mono, ComplexScript = Mono });
            if (bold) rp.Append(new Bold());
            if (italic) rp.Append(new Italic());
            if (mono || size > 0) rp.Append(new FontSize { Val = $"{(size > 0 ? size : 18)}" });
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
