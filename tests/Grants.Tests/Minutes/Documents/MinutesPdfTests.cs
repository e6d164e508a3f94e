using Grants.Minutes;
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
