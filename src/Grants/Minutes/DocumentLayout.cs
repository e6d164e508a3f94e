using System.Globalization;

namespace Grants.Minutes;

/// <summary>
/// A rendering-neutral outline of a protokoll or a protokollsutdrag. <see cref="MinutesLayout"/> builds it once
/// from a <see cref="MinutesDocument"/>; the HTML page, the DOCX and (through the DOCX) the PDF all walk the same
/// blocks, so the wording, the labels and the order of the sources' layout live in one place.
/// </summary>
public sealed record DocumentLayout(string FileStem, bool Draft, IReadOnlyList<LayoutBlock> Blocks);

public abstract record LayoutBlock;

/// <summary>The letterhead: the förbund, the document kind (the one level-1 heading) and the date line.</summary>
public sealed record HeadBlock(string Association, string Kind, string DateLine) : LayoutBlock;

/// <summary>
/// Whether the text is final: a draft marking, or the adjustment and the content hash. The hash is printed on a line
/// of its own in a monospace font, so it is never wrapped in the middle and can be compared character by character.
/// </summary>
public sealed record StatusBlock(string Text, bool Draft, string? Hash = null) : LayoutBlock;

/// <summary>
/// A labelled table (label column, value column), optionally under its own heading and with an intro sentence.
/// <see cref="FactRow.SignatureLine"/> rows are signed by hand: a line first, the printed name under it.
/// </summary>
public sealed record FactsBlock(string? Heading, string Caption, IReadOnlyList<FactRow> Rows, string? Intro = null) : LayoutBlock;

public sealed record FactRow(string Label, IReadOnlyList<string> Values, bool SignatureLine = false);

/// <summary>
/// One §: a short heading ("§ 605 Projekt Solen – ansökan om …"), the full title below it when the heading had to
/// be shortened (the sources print "§ 598" and the title as text), its text, the att-clauses and the notes.
/// </summary>
public sealed record ParagraphBlock(
    int? Number,
    string Heading,
    string? FullTitle,
    string Anchor,
    string? RegistrationNumber,
    IReadOnlyList<string> Text,
    IReadOnlyList<string> Clauses,
    IReadOnlyList<string> Notes) : LayoutBlock
{
    /// <summary>The sources' lead-in before the att-clauses.</summary>
    public const string DecisionLead = "Samordningsförbundet beslutar:";
}

/// <summary>Printed output continues on a new page (the paragraphs start after the cover page).</summary>
public sealed record PageBreakBlock : LayoutBlock;

/// <summary>Builds the layouts of seeds/004: the full protokoll and the extract of one §.</summary>
public static class MinutesLayout
{
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Extent(MinutesDocument doc) =>
        doc.FirstParagraph is { } first && doc.LastParagraph is { } last ? $"{first} - {last}" : "Inte numrerade ännu";

    public static DocumentLayout Full(MinutesDocument doc)
    {
        var blocks = new List<LayoutBlock>
        {
            new HeadBlock(doc.AssociationName, "Sammanträdesprotokoll", $"Sammanträdesdatum {Date(doc.MeetingDate)}"),
            Status(doc, extract: false),
            new FactsBlock(null, "Uppgifter om sammanträdet",
            [
                new("Plats och tid", [doc.PlaceAndTime]),
                new("Beslutande", doc.Deciding.Select(Attendee).ToList()),
                new("Övriga deltagande", doc.OthersPresent.Select(Attendee).ToList()),
                new("Utses att justera", doc.Adjusters),
                new("Justeringens plats och tid", [doc.AdjustmentPlaceAndTime ?? ""]),
                new("Paragrafer", [Extent(doc)]),
            ]).WithoutEmptyRows(),
            Signatures(doc),
            Posting(doc),
            new PageBreakBlock(),
        };
        blocks.AddRange(doc.Paragraphs.Select((p, i) => Paragraph(p, i)));
        var stem = $"Protokoll {Date(doc.MeetingDate)}" + (doc.Adjusted ? "" : " (ojusterat)");
        return new DocumentLayout(stem, !doc.Adjusted, blocks);
    }

    /// <summary>The certified extract of § <paramref name="number"/>; null when the minutes have no such §.</summary>
    public static DocumentLayout? Extract(MinutesDocument doc, int number)
    {
        var index = doc.Paragraphs.ToList().FindIndex(p => p.Number == number);
        if (index < 0) return null;
        var adjusted = doc.Signatures.AdjustedOn is { } on ? Date(on) : "";
        LayoutBlock[] blocks =
        [
            new HeadBlock(doc.AssociationName, "Protokollsutdrag", $"Sammanträdesdatum {Date(doc.MeetingDate)}"),
            Status(doc, extract: true),
            new FactsBlock(null, "Uppgifter om sammanträdet",
            [
                new("Plats och tid", [doc.PlaceAndTime]),
                new("Utses att justera", doc.Adjusters),
                new("Paragraf", [$"§ {number}"]),
            ]).WithoutEmptyRows(),
            Paragraph(doc.Paragraphs[index], index),
            new FactsBlock("Utdragsbestyrkande", "Utdragsbestyrkande",
            [
                new("Underskrift", [doc.Signatures.Secretary ?? ""], SignatureLine: true),
                new("Datum", [adjusted]),
            ], "Utdragets överensstämmelse med protokollet bestyrkes."),
        ];
        var stem = $"Protokollsutdrag § {number}" + (doc.Adjusted ? "" : " (ojusterat)");
        return new DocumentLayout(stem, !doc.Adjusted, blocks);
    }

    private static StatusBlock Status(MinutesDocument doc, bool extract)
    {
        var what = extract ? "Utdrag ur justerat protokoll" : "Justerat protokoll";
        if (!doc.Adjusted || doc.ContentHash is null)
            return new StatusBlock(extract
                ? "Ojusterat – utdrag ur ett protokoll som ännu inte är justerat. Texten kan ändras fram till justeringen."
                : "Ojusterat – utkast. Protokollet är inte justerat och texten kan ändras fram till justeringen.", Draft: true);
        var on = doc.Signatures.AdjustedOn is { } d ? $", justerat {Date(d)}" : "";
        return new StatusBlock($"{what}{on}. Protokollets kontrollsumma (SHA-256):", Draft: false, doc.ContentHash);
    }

    private static FactsBlock Signatures(MinutesDocument doc)
    {
        var rows = new List<FactRow>
        {
            new("Sekreterare", [doc.Signatures.Secretary ?? ""], SignatureLine: true),
            new("Ordförande", [doc.Signatures.Chair ?? ""], SignatureLine: true),
        };
        var adjusters = doc.Signatures.Adjusters.Count > 0 ? doc.Signatures.Adjusters : doc.Adjusters;
        rows.AddRange(adjusters.DefaultIfEmpty("").Select(a => new FactRow("Justerande", [a], SignatureLine: true)));
        return new FactsBlock("Underskrifter", "Underskrifter", rows);
    }

    private static FactsBlock Posting(MinutesDocument doc)
    {
        var p = doc.Posting;
        // Before the posting the dates are written by hand on the printed copy, as in the sources ("2015-"):
        // a line to write on rather than an empty cell.
        return new FactsBlock("Bevis om anslag", "Bevis om anslag",
        [
            new("Sammanträdesdatum", [Date(p?.MeetingDate ?? doc.MeetingDate)]),
            new("Datum för anslags uppsättande", [p is null ? "" : Date(p.PostedOn)], SignatureLine: p is null),
            new("Datum för anslags nedtagande", [p is null ? "" : Date(p.TakenDownOn)], SignatureLine: p is null),
            new("Förvaringsplats för protokollet", [p?.StoragePlace ?? ""], SignatureLine: string.IsNullOrWhiteSpace(p?.StoragePlace)),
            new("Underskrift", [p?.SignedBy ?? ""], SignatureLine: true),
        ], "Justeringen av protokollet har tillkännagivits genom anslag.");
    }

    /// <summary><paramref name="index"/> names the anchor of a § that has no number yet.</summary>
    private static ParagraphBlock Paragraph(MinutesParagraph p, int index)
    {
        var title = p.Title.Trim();
        var shortTitle = ShortTitle(title);
        return new(
            p.Number,
            p.Number is { } n ? $"§ {n} {shortTitle}" : shortTitle,
            shortTitle == title ? null : title,
            p.Number is { } m ? $"p-{m}" : $"punkt-{index + 1}",
        p.RegistrationNumber,
        Lines(p.Text),
        p.Clauses.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList(),
        p.Notes.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList());
    }

    /// <summary>Longest § heading before it is shortened; about one printed line at the heading size.</summary>
    public const int HeadingLength = 60;

    /// <summary>
    /// The title as a heading: whole when short, else cut at the last word boundary before
    /// <see cref="HeadingLength"/> with "…" (never at a full stop, which may be an abbreviation like "bl.a.").
    /// </summary>
    public static string ShortTitle(string title)
    {
        var t = title.Trim();
        if (t.Length <= HeadingLength) return t;
        var cut = t.LastIndexOf(' ', HeadingLength - 2);
        return (cut > HeadingLength / 2 ? t[..cut] : t[..(HeadingLength - 2)]).TrimEnd(',', ';', ':', '–', '-', '/', ' ') + " …";
    }

    /// <summary>The sources' text is plain: one line, one printed paragraph.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static FactsBlock WithoutEmptyRows(this FactsBlock f) =>
        f with { Rows = f.Rows.Where(r => r.SignatureLine || r.Values.Any(v => !string.IsNullOrWhiteSpace(v))).ToList() };

    private static string Attendee(AttendeeLine a) =>
        string.Join(", ", new[] { a.Name, a.Role, a.Member }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
