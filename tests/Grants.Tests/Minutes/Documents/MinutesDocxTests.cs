using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Grants.Minutes;

namespace Grants.Tests.Minutes.Documents;

/// <summary>The protokoll and the protokollsutdrag as DOCX, read back with OpenXml.</summary>
public sealed class MinutesDocxTests
{
    private static readonly Dictionary<string, (Guid, string?)> NoApplications = [];
    private static readonly MinutesDocument Adjusted = SeedMinutes.Build(SeedMinutes.AdjustedMeetingId, adjusted: true, NoApplications);
    private static readonly MinutesDocument Draft = SeedMinutes.Build(SeedMinutes.DraftMeetingId, adjusted: false, NoApplications);

    [Fact]
    public void Full_minutes_carry_every_paragraph_number_title_and_att_clause_in_order()
    {
        var docx = MinutesDocx.Render(MinutesLayout.Full(Adjusted), SeedMinutes.Association);
        var text = DocumentText.DocxParagraphs(docx);
        var headings = DocumentText.DocxStyled(docx, "Heading2");

        var paragraphHeadings = headings.Where(h => h.StartsWith("§ ", StringComparison.Ordinal)).ToList();
        paragraphHeadings.Should().Equal(SeedMinutes.Paragraphs.Select(p => $"§ {p.Number} {MinutesLayout.ShortTitle(p.Title)}"));
        paragraphHeadings.Should().OnlyContain(h => h.Length <= MinutesLayout.HeadingLength + 8, "a § heading is one short line");
        foreach (var p in SeedMinutes.Paragraphs) text.Should().Contain(t => t.Contains(p.Title), "the full title follows a shortened heading");
        foreach (var clause in SeedMinutes.Paragraphs.SelectMany(p => p.Clauses)) text.Should().Contain(clause);
        text.Count(t => t == ParagraphBlock.DecisionLead).Should().Be(19);
        text.Should().Contain(SeedMinutes.ConflictNote);
    }

    [Fact]
    public void Full_minutes_have_the_sources_head_signatures_and_posting_notice()
    {
        var docx = MinutesDocx.Render(MinutesLayout.Full(Adjusted), SeedMinutes.Association);
        var text = DocumentText.DocxParagraphs(docx);

        DocumentText.DocxStyled(docx, "Heading1").Should().Equal("Sammanträdesprotokoll");
        DocumentText.DocxStyled(docx, "Heading2").Should().StartWith(["Underskrifter", "Bevis om anslag"]);
        text.Should().StartWith(["SAMORDNINGSFÖRBUNDET SKELLEFTEÅ-NORSJÖ", "Sammanträdesprotokoll", "Sammanträdesdatum 2015-04-23"]);
        text.Should().ContainInOrder(
            "Plats och tid", "Samordningsförbundet, Storgatan 12, kl. 09.00 – 15.00",
            "Beslutande", "Birgitta Ekholm, ordförande, Skellefteå kommun",
            "Övriga deltagande", "Sten Bergkvist, förbundschef",
            "Utses att justera", SeedMinutes.Adjuster,
            "Justeringens plats och tid", "Förbundskansliet 2015-04-30",
            "Paragrafer", "596 - 614",
            "Sekreterare", SeedMinutes.Secretary, "Ordförande", SeedMinutes.Chair, "Justerande", SeedMinutes.Adjuster,
            "Sammanträdesdatum", "2015-04-23", "Datum för anslags uppsättande", "2015-05-04",
            "Datum för anslags nedtagande", "2015-05-25", "Förvaringsplats för protokollet", "Förbundskansliet, Storgatan 12",
            "Underskrift", "Åsa Lindgren",
            "§ 596 Genomgång av protokoll från föregående möte. Se bilaga.");
        text.Should().ContainInOrder("Justerat protokoll, justerat 2015-04-30. Protokollets kontrollsumma (SHA-256):", Adjusted.ContentHash);
        text.Should().NotContain(t => t.Contains("Ojusterat", StringComparison.Ordinal));
    }

    [Fact]
    public void Unadjusted_minutes_are_marked_as_a_draft_without_a_hash()
    {
        var layout = MinutesLayout.Full(Draft);
        var text = DocumentText.DocxParagraphs(MinutesDocx.Render(layout, SeedMinutes.Association));

        layout.FileStem.Should().Be("Protokoll 2015-04-23 (ojusterat)");
        text.Should().Contain(t => t.StartsWith("Ojusterat – utkast", StringComparison.Ordinal));
        text.Should().NotContain(t => t.Contains("SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void The_extract_holds_only_its_paragraph_and_the_certification()
    {
        var layout = MinutesLayout.Extract(Adjusted, 605);
        layout.Should().NotBeNull();
        var docx = MinutesDocx.Render(layout!, SeedMinutes.Association);
        var text = DocumentText.DocxParagraphs(docx);
        var solen = SeedMinutes.Paragraphs.Single(p => p.Number == 605);

        layout!.FileStem.Should().Be("Protokollsutdrag § 605");
        DocumentText.DocxStyled(docx, "Heading1").Should().Equal("Protokollsutdrag");
        DocumentText.DocxStyled(docx, "Heading2").Should().Equal($"§ 605 {MinutesLayout.ShortTitle(solen.Title)}", "Utdragsbestyrkande");
        text.Should().Contain(solen.Clauses);
        text.Should().ContainInOrder("Utdragsbestyrkande", "Utdragets överensstämmelse med protokollet bestyrkes.", "Underskrift", SeedMinutes.Secretary, "Datum", "2015-04-30");
        foreach (var other in SeedMinutes.Paragraphs.Where(p => p.Number != 605))
        {
            text.Should().NotContain(t => t.Contains($"§ {other.Number}", StringComparison.Ordinal));
            text.Should().NotContain(other.Title);
        }
        MinutesLayout.Extract(Adjusted, 615).Should().BeNull("the minutes end at § 614");
    }

    [Fact]
    public void A_row_with_nothing_to_say_is_left_out_and_a_blank_to_fill_by_hand_gets_a_line()
    {
        var unset = Draft with { AdjustmentPlaceAndTime = null, OthersPresent = [] };
        var text = DocumentText.DocxParagraphs(MinutesDocx.Render(MinutesLayout.Full(unset), SeedMinutes.Association));

        text.Should().NotContain("Justeringens plats och tid").And.NotContain("Övriga deltagande");
        // The posting dates of an unposted protokoll are written by hand, on a line.
        text.Should().ContainInOrder("Datum för anslags uppsättande", "______________________________", "Datum för anslags nedtagande", "______________________________");
    }

    [Fact]
    public void Long_titles_get_a_short_heading_cut_at_a_word_and_never_at_an_abbreviation()
    {
        const string title = "Ansökan om medel för projektet Vägen vidare, bl.a. stöd till unga vuxna i Norsjö och Skellefteå. Se bilaga.";
        var heading = MinutesLayout.ShortTitle(title);

        heading.Length.Should().BeLessThanOrEqualTo(MinutesLayout.HeadingLength);
        heading.Should().EndWith(" …").And.StartWith("Ansökan om medel för projektet Vägen vidare, bl.a.");
        title.Should().StartWith(heading[..^2]);
        MinutesLayout.ShortTitle("Val av justerare").Should().Be("Val av justerare");
    }

    [Fact]
    public void The_documents_are_valid_office_open_xml()
    {
        foreach (var layout in new[] { MinutesLayout.Full(Adjusted), MinutesLayout.Full(Draft), MinutesLayout.Extract(Adjusted, 602)! })
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(MinutesDocx.Render(layout, SeedMinutes.Association)), false);
            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            errors.Should().BeEmpty(layout.FileStem);
            doc.PackageProperties.Title.Should().Be(layout.FileStem);
            doc.PackageProperties.Language.Should().Be("sv-SE");
        }
    }
}
