using Grants.Minutes;
using Grants.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grants.Tests.Minutes.Documents;

/// <summary>LibreOffice itself: concurrent conversions in one process, and a missing program.</summary>
public sealed class MinutesPdfTests
{
    private static readonly MinutesDocument Adjusted =
        SeedMinutes.Build(SeedMinutes.AdjustedMeetingId, adjusted: true, new Dictionary<string, (Guid, string?)>());

    [Fact]
    public async Task Two_extracts_converted_at_once_both_come_out_as_pdf_a()
    {
        using var pdf = new MinutesPdf(Options.Create(new DocumentsOptions()), NullLogger<MinutesPdf>.Instance);
        pdf.IsAvailable.Should().BeTrue("tests/run.sh installs libreoffice-writer-nogui");
        var numbers = new[] { 601, 604 };
        // soffice cannot run twice on one profile: the second waits for the first instead of failing.
        var results = await Task.WhenAll(numbers.Select(n =>
            pdf.ConvertAsync(MinutesDocx.Render(MinutesLayout.Extract(Adjusted, n)!, SeedMinutes.Association), default)));

        for (var i = 0; i < numbers.Length; i++)
        {
            var text = DocumentText.Squeeze(DocumentText.Pdf(results[i]));
            text.Should().Contain($"§{numbers[i]}").And.Contain("Utdragsbestyrkande");
            System.Text.Encoding.ASCII.GetString(results[i]).Should().Contain("<pdfaid:part>2</pdfaid:part>");
        }
    }

    /// <summary>Each page's words, whitespace removed (a PDF wraps lines where it likes).</summary>
    private static List<string> Pages(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => DocumentText.Squeeze(string.Join(" ", p.GetWords().Select(w => w.Text)))).ToList();
    }

    [Fact]
    public async Task Every_page_of_the_protokoll_has_its_number_of_all_and_a_box_for_the_justerandes_signatur()
    {
        using var pdf = new MinutesPdf(Options.Create(new DocumentsOptions()), NullLogger<MinutesPdf>.Instance);
        var bytes = await pdf.ConvertAsync(MinutesDocx.Render(MinutesLayout.Full(Adjusted), SeedMinutes.Association), default);
        var pages = Pages(bytes);
        await File.WriteAllBytesAsync(Artifacts.PathFor("protokoll-2015-04-23.pdf"), bytes);

        pages.Count.Should().BeGreaterThan(2);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Should().Contain($"Sida{i + 1}({pages.Count})", $"page {i + 1} is numbered");
            pages[i].Should().Contain("Justerandessignatur").And.Contain("Utdragsbestyrkande");
        }
        // The hash is one unbroken word on its own line.
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(bytes))
            doc.GetPage(1).GetWords().Select(w => w.Text).Should().Contain(Adjusted.ContentHash);
        // "Bevis om anslag" is one block: its heading, rows and signature on the same page.
        var posting = pages.Single(p => p.Contains("Bevisomanslag", StringComparison.Ordinal));
        posting.Should().Contain("2015-05-25nedtagande").And.Contain("Förbundskansliet,Storgatan12").And.Contain("ÅsaLindgren");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    [InlineData(14)]
    public async Task Bevis_om_anslag_is_never_split_over_a_page_break(int extraParticipants)
    {
        // More participants push the posting notice down the first page until it would straddle the break.
        var crowded = Adjusted with
        {
            OthersPresent = [.. Adjusted.OthersPresent, .. Enumerable.Range(1, extraParticipants).Select(i => new AttendeeLine($"Deltagare {i}", "tjänsteperson", null))],
        };
        using var pdf = new MinutesPdf(Options.Create(new DocumentsOptions()), NullLogger<MinutesPdf>.Instance);
        var pages = Pages(await pdf.ConvertAsync(MinutesDocx.Render(MinutesLayout.Full(crowded), SeedMinutes.Association), default));

        var posting = pages.Single(p => p.Contains("Bevisomanslag", StringComparison.Ordinal));
        posting.Should().Contain("Sammanträdesdatum2015-04-23").And.Contain("2015-05-25nedtagande").And.Contain("Förbundskansliet,Storgatan12").And.Contain("ÅsaLindgren");
    }

    [Fact]
    public async Task A_missing_soffice_is_reported_as_unavailable_with_what_to_install()
    {
        using var pdf = new MinutesPdf(Options.Create(new DocumentsOptions { SofficePath = "soffice-som-inte-finns" }), NullLogger<MinutesPdf>.Instance);
        pdf.IsAvailable.Should().BeFalse();
        var convert = () => pdf.ConvertAsync([1, 2, 3], default);
        var thrown = (await convert.Should().ThrowAsync<DocumentConversionException>()).Which;
        thrown.Unavailable.Should().BeTrue();
        thrown.Message.Should().Contain("soffice-som-inte-finns").And.Contain("libreoffice-writer-nogui");
    }
}
