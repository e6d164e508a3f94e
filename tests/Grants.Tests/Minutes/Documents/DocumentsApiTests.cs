using System.Net;
using Grants.Minutes;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Minutes.Documents;

/// <summary>The file endpoints: who gets which document, the files' names and contents, and bad input.</summary>
public sealed class DocumentsApiTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    private static readonly Guid Meeting = SeedMinutes.AdjustedMeetingId;
    private static string Minutes(string format, Guid? meeting = null) => $"/api/meetings/{meeting ?? Meeting}/minutes.{format}";
    private static string Extract(int paragraph, string format, Guid? meeting = null) => $"/api/meetings/{meeting ?? Meeting}/minutes/{paragraph}/extract.{format}";

    [Fact]
    public async Task The_minutes_download_as_docx_named_by_date_with_every_paragraph()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var response = await kansli.GetAsync(Minutes("docx"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(MinutesDocx.ContentType);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("Protokoll 2015-04-23.docx");
        var text = DocumentText.DocxParagraphs(await response.Content.ReadAsByteArrayAsync());
        foreach (var p in SeedMinutes.Paragraphs)
        {
            text.Should().Contain($"§ {p.Number} {MinutesLayout.ShortTitle(p.Title)}");
            text.Should().Contain(t => t.Contains(p.Title), "a shortened heading has the full title below it");
        }
        text.Should().Contain("Diarienummer SKN 2015/2", "§ 602 decides VIA, the second case received");
    }

    [Fact]
    public async Task The_minutes_download_as_pdf_a_with_every_paragraph_number_title_and_att_clause()
    {
        var board = await app.BearerClientAsync(Login.Board);
        var response = await board.GetAsync(Minutes("pdf"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be(MinutesPdf.ContentType);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("Protokoll 2015-04-23.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Artifacts.PathFor("Protokoll 2015-04-23.pdf"), pdf);
        var text = DocumentText.Squeeze(DocumentText.Pdf(pdf));
        text.Should().Contain(DocumentText.Squeeze("Paragrafer 596 - 614"));
        foreach (var p in SeedMinutes.Paragraphs)
        {
            text.Should().Contain(DocumentText.Squeeze($"§ {p.Number} {MinutesLayout.ShortTitle(p.Title)}")).And.Contain(DocumentText.Squeeze(p.Title));
            foreach (var clause in p.Clauses) text.Should().Contain(DocumentText.Squeeze(clause));
        }
        text.Should().Contain(DocumentText.Squeeze("Bevis om anslag")).And.Contain("SHA-256");
        // PDF/A-2b: LibreOffice writes the conformance into the XMP metadata.
        System.Text.Encoding.ASCII.GetString(pdf).Should().Contain("<pdfaid:part>2</pdfaid:part>");
    }

    [Fact]
    public async Task An_applicant_downloads_the_extract_of_the_decision_on_the_own_application_only()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var own = await applicant.GetAsync(Extract(605, "docx"));
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        own.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("Protokollsutdrag § 605.docx");
        var text = DocumentText.DocxParagraphs(await own.Content.ReadAsByteArrayAsync());
        text.Should().Contain("Utdragsbestyrkande").And.NotContain(t => t.StartsWith("§ 602", StringComparison.Ordinal));

        // Another organisation's decision, a § that decides no application, the draft of the same minutes: all 404.
        await (await applicant.GetAsync(Extract(602, "docx"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await applicant.GetAsync(Extract(600, "docx"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await applicant.GetAsync(Extract(605, "docx", SeedMinutes.DraftMeetingId))).ExpectProblemAsync(HttpStatusCode.NotFound);
        var norsjo = await app.BearerClientAsync(Login.OtherApplicant);
        await (await norsjo.GetAsync(Extract(605, "docx"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        // Whole minutes are not for applicants.
        (await applicant.GetAsync(Minutes("docx"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Login.Secretariat, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Login.Board, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Login.Admin, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Login.Lsg, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Login.Applicant, HttpStatusCode.Forbidden, HttpStatusCode.NotFound)]
    [InlineData(null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    public async Task Each_role_gets_what_its_policy_allows(string? email, HttpStatusCode minutes, HttpStatusCode otherExtract)
    {
        var client = email is null ? app.Anonymous() : await app.BearerClientAsync(email);
        (await client.GetAsync(Minutes("docx"))).StatusCode.Should().Be(minutes);
        (await client.GetAsync(Extract(602, "docx"))).StatusCode.Should().Be(otherExtract);
    }

    [Fact]
    public async Task Kansli_gets_the_unadjusted_minutes_marked_as_a_draft()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var response = await kansli.GetAsync(Minutes("docx", SeedMinutes.DraftMeetingId));
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("Protokoll 2015-04-23 (ojusterat).docx");
        DocumentText.DocxParagraphs(await response.Content.ReadAsByteArrayAsync()).Should().Contain(t => t.StartsWith("Ojusterat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/meetings/inte-ett-id/minutes.docx", "meetingId")]
    [InlineData("/api/meetings/5e1d0004-0000-4000-8000-000000000596/minutes.odt", "format")]
    [InlineData("/api/meetings/5e1d0004-0000-4000-8000-000000000596/minutes/sexhundra/extract.pdf", "paragraph")]
    [InlineData("/api/meetings/5e1d0004-0000-4000-8000-000000000596/minutes/-5/extract.docx", "paragraph")]
    public async Task Bad_input_answers_400_in_swedish(string path, string field)
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var errors = await (await kansli.GetAsync(path)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Should().ContainKey(field);
        errors[field].Single().Should().MatchRegex("(måste|GUID)");
    }

    [Fact]
    public async Task Unknown_meetings_and_paragraphs_answer_404()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        await (await kansli.GetAsync(Minutes("docx", Guid.NewGuid()))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await kansli.GetAsync(Extract(615, "docx"))).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>Without LibreOffice the PDF answers 503 naming what is missing; the DOCX still works.</summary>
public sealed class DocumentsWithoutSofficeTests(DocumentsAppWithoutSoffice app) : IClassFixture<DocumentsAppWithoutSoffice>
{
    [Fact]
    public async Task The_pdf_answers_503_naming_the_missing_program_and_the_docx_still_downloads()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var response = await kansli.GetAsync($"/api/meetings/{SeedMinutes.AdjustedMeetingId}/minutes.pdf");
        var body = await response.Content.ReadAsStringAsync();
        await response.ExpectProblemAsync(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain(DocumentsAppWithoutSoffice.MissingSoffice).And.Contain("libreoffice-writer-nogui").And.Contain("Documents:SofficePath");

        (await kansli.GetAsync($"/api/meetings/{SeedMinutes.AdjustedMeetingId}/minutes.docx")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_print_page_says_why_there_is_no_pdf_link()
    {
        var kansli = await app.CookieClientAsync(Login.Secretariat);
        var html = await kansli.GetStringAsync($"/Minutes/Print/{SeedMinutes.AdjustedMeetingId}");
        html.Should().Contain("PDF kan inte skapas").And.NotContain("minutes.pdf");
    }
}
