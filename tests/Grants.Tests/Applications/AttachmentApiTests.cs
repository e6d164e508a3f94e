using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Applications;

public sealed class AttachmentApiTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    public static TheoryData<string, byte[], string> AllowedFiles => new()
    {
        { "budget.pdf", [.. "%PDF-1.4\n"u8, 1, 2, 3], "application/pdf" },
        { "plan.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "kalkyl.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "text.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")), "application/vnd.oasis.opendocument.text" },
        { "bild.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8], "image/png" },
        { "foto.JPG", [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg" },
        { "anim.gif", [.. "GIF89a"u8, 1, 0, 1, 0, 0x3B], "image/gif" },
    };

    /// <summary>A ZIP holding the given entries, as an office file is.</summary>
    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public async Task Allowed_types_are_stored_with_their_sha256_and_read_back(string name, byte[] content, string contentType)
    {
        var (client, id) = await DraftAsync();
        var response = await UploadAsync(client, id, name, content);
        var stored = await response.ExpectJsonAsync(HttpStatusCode.Created);
        stored["sha256"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)));
        stored["contentType"]!.GetValue<string>().Should().Be(contentType);
        stored["size"]!.GetValue<long>().Should().Be(content.Length);

        var download = await client.GetAsync(response.Headers.Location);
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(content);
        (await client.GetApplicationAsync(id))["attachments"]!.AsArray().Should().ContainSingle();
    }

    [Theory]
    [InlineData("program.exe", "Filtypen .exe är inte tillåten")]
    [InlineData("skript.js", "Filtypen .js är inte tillåten")]
    [InlineData("utan-andelse", "Filtypen (saknas)")]
    [InlineData("forklaedd.pdf", "stämmer inte med filtypen")]
    public async Task Other_types_and_disguised_files_are_refused_with_a_clear_message(string name, string message)
    {
        var (client, id) = await DraftAsync();
        var response = await UploadAsync(client, id, name, [0x4D, 0x5A, 0x90, 0x00]);
        var errors = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors["file"].Should().ContainSingle().Which.Should().Contain(message);
        (await client.GetApplicationAsync(id))["attachments"]!.AsArray().Should().BeEmpty();
    }

    public static TheoryData<string, byte[]> DisguisedFiles => new()
    {
        { "sida.pdf", [.. "%PDF-1.4\n"u8, .. "<html><script>alert(document.cookie)</script></html>"u8] },
        { "sida.gif", [.. "GIF89a"u8, .. "<html><body><script>alert(1)</script></body></html>"u8] },
        { "sida.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "<!DOCTYPE html><html></html>"u8] },
        { "sida.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. "<svg onload=alert(1)>"u8] },
        { "bara-zip.docx", Zip(("annat.txt", "inte ett dokument")) },
        { "kalkyl-som-text.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")) },
        { "fel-mimetype.odt", Zip(("mimetype", "text/html")) },
        { "trasig.docx", [0x50, 0x4B, 0x03, 0x04, 9, 9] },
        { "kort.png", [0x89, 0x50, 0x4E, 0x47] },
        { "gif-utan-version.gif", [.. "GIF8"u8, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(DisguisedFiles))]
    public async Task Content_that_does_not_match_its_extension_or_carries_a_page_is_refused(string name, byte[] content)
    {
        var (client, id) = await DraftAsync();
        var errors = await (await UploadAsync(client, id, name, content)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors["file"].Single().Should().Contain("stämmer inte med filtypen");
        (await client.GetApplicationAsync(id))["attachments"]!.AsArray().Should().BeEmpty();
    }

    [Theory]
    [InlineData("..\\..\\win.pdf", "win.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\x\\budget.pdf", "budget.pdf")]
    [InlineData("bud\u0001get\u007f\t.pdf", "budget.pdf")]
    public async Task File_names_keep_no_folder_of_either_slash_and_no_control_characters(string sent, string stored)
    {
        var (client, id) = await DraftAsync();
        var file = new ByteArrayContent("%PDF-1.4"u8.ToArray());
        var body = new MultipartFormDataContent();
        // Written raw: HttpClient would itself refuse control characters in a header it builds.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{sent.Replace("\\", "\\\\")}\"");
        body.Add(file);
        var created = await (await client.PostAsync($"/api/applications/{id}/attachments", body)).ExpectJsonAsync(HttpStatusCode.Created);
        created["fileName"]!.GetValue<string>().Should().Be(stored);
    }

    [Fact]
    public async Task A_download_is_an_attachment_with_nosniff_and_no_store()
    {
        var (client, id) = await DraftAsync();
        var response = await UploadAsync(client, id, "budget.pdf", "%PDF-1.4"u8.ToArray());
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var download = await client.GetAsync(response.Headers.Location);
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        download.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Bodies_of_11_and_31_MB_answer_413_saying_the_size_and_the_limit()
    {
        var (client, id) = await DraftAsync();
        var eleven = new byte[11_000_000];
        "%PDF"u8.CopyTo(eleven);
        var errors = await (await UploadAsync(client, id, "elva.pdf", eleven)).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        errors["file"].Single().Should().Be("Filen är för stor: 10,5 MB, högst 10 MB är tillåtet.");

        var huge = new byte[31 * 1024 * 1024];
        "%PDF"u8.CopyTo(huge);
        var tooLarge = await (await UploadAsync(client, id, "stor.pdf", huge)).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        tooLarge["file"].Single().Should().Be("Filen är för stor: 31,0 MB, högst 10 MB är tillåtet.");
        (await client.GetApplicationAsync(id))["attachments"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Multipart_without_a_boundary_or_with_a_quote_in_the_file_name_answers_400_naming_the_field()
    {
        var (client, id) = await DraftAsync();
        var noBoundary = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF\r\n--x--\r\n"u8.ToArray());
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        (await (await client.PostAsync($"/api/applications/{id}/attachments", noBoundary)).ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("file");

        var quoted = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"b.pdf\"\r\n\r\n%PDF-1.4\r\n--x--\r\n"u8.ToArray());
        quoted.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        (await (await client.PostAsync($"/api/applications/{id}/attachments", quoted)).ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("file");
        (await client.GetApplicationAsync(id))["attachments"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_and_exactly_10_MB_is_accepted()
    {
        var (client, id) = await DraftAsync();
        var limit = 10 * 1024 * 1024;
        var tooBig = new byte[limit + 1];
        "%PDF"u8.CopyTo(tooBig);
        var errors = await (await UploadAsync(client, id, "stor.pdf", tooBig)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors["file"].Single().Should().Contain("för stor").And.Contain("10 MB");

        var exactly = new byte[limit];
        "%PDF"u8.CopyTo(exactly);
        (await UploadAsync(client, id, "lagom.pdf", exactly)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Missing_file_and_a_non_multipart_body_answer_400()
    {
        var (client, id) = await DraftAsync();
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "annat" } };
        (await (await client.PostAsync($"/api/applications/{id}/attachments", empty)).ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("file");
        (await (await client.PostAsync($"/api/applications/{id}/attachments", Api.Json("{}"))).ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("file");
    }

    [Fact]
    public async Task Read_only_roles_cannot_attach_but_can_read()
    {
        var (owner, id) = await DraftAsync();
        var stored = await (await UploadAsync(owner, id, "a.pdf", "%PDF-1"u8.ToArray())).ExpectJsonAsync(HttpStatusCode.Created);
        var lsg = await app.BearerClientAsync(Login.Lsg);
        (await UploadAsync(lsg, id, "b.pdf", "%PDF-1"u8.ToArray())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        // A draft is its organisation's own until received: the LSG does not see its bilagor (issue 11).
        (await lsg.GetAsync($"/api/applications/{id}/attachments/{stored["id"]}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var other = await app.BearerClientAsync(Login.OtherApplicant);
        (await other.GetAsync($"/api/applications/{id}/attachments/{stored["id"]}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<(HttpClient Client, Guid Id)> DraftAsync()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        return (client, Api.IdOf(await client.CreateDraftAsync(Forms.Minimal("Med bilagor"))));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string name, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var body = new MultipartFormDataContent { { file, "file", name } };
        return client.PostAsync($"/api/applications/{id}/attachments", body);
    }
}
