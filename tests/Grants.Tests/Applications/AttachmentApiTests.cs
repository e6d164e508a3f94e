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
        { "plan.docx", [0x50, 0x4B, 0x03, 0x04, 9, 9], "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "kalkyl.xlsx", [0x50, 0x4B, 0x03, 0x04, 8], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "text.odt", [0x50, 0x4B, 0x03, 0x04, 7], "application/vnd.oasis.opendocument.text" },
        { "bild.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "image/png" },
        { "foto.JPG", [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg" },
    };

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
