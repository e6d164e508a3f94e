using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grants.Meetings;
using Microsoft.AspNetCore.Http;
using Grants.Shared;
using Grants.Tests.Infrastructure;
using static Grants.Tests.Economy.EconomicReportTests;

namespace Grants.Tests.Shared;

/// <summary>
/// The requests that answered 500 before, each as the attack that found it: they answer 400 (or 413/415) with
/// problem details naming the field in Swedish, and write nothing.
/// </summary>
public sealed class ClientMistakeTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "/api/auth/token", "[1,2" },
        { "/api/auth/token", "nul" },
        { "/api/auth/token", "{\"a\":NaN}" },
        { "/api/applications", "[1,2" },
        { "/api/applications", "nul" },
        { "/api/applications", "{\"projectName\":NaN}" },
        { "/api/eligibility/check", "{\"budget\":[1,2" },
        { "/api/economy/commitments", "" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_JSON_answers_400_problem_details(string url, string body)
    {
        var client = url.StartsWith("/api/auth", StringComparison.Ordinal) ? app.Anonymous() : await app.BearerClientAsync(Login.Secretariat);
        var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        await ExpectClientErrorAsync(response, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task The_token_endpoint_answers_a_UTF_16_body_with_a_client_error_naming_the_charset()
    {
        // Every JSON body goes through the one reader (Shared/JsonBody), the token endpoint's too: UTF-8 only, said in Swedish.
        var content = new ByteArrayContent(Encoding.Unicode.GetBytes("{\"email\":\"a@exempel.se\",\"password\":\"x\"}"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16");
        var response = await app.Anonymous().PostAsync("/api/auth/token", content);
        await ExpectClientErrorAsync(response, HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("UTF-8");
    }

    [Theory]
    [InlineData("/api/applications")]
    [InlineData("/api/eligibility/check")]
    public async Task A_UTF_16_charset_label_answers_a_client_error(string url)
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var content = new ByteArrayContent(Encoding.Unicode.GetBytes("{\"email\":\"a@exempel.se\",\"password\":\"x\"}"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16");
        await ExpectClientErrorAsync(await client.PostAsync(url, content), HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Organisation_null_on_create_save_and_check_is_a_field_error()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var nullOrganisation = new JsonObject { ["projectName"] = "Null-attacken", ["organisation"] = null };
        (await (await applicant.PostJsonAsync("/api/applications", nullOrganisation)).ExpectProblemAsync(HttpStatusCode.BadRequest))
            .Should().ContainKey("organisation").WhoseValue.Single().Should().Contain("null");
        (await (await applicant.PostJsonAsync("/api/eligibility/check", nullOrganisation)).ExpectProblemAsync(HttpStatusCode.BadRequest))
            .Should().ContainKey("organisation");
        var draft = await applicant.CreateDraftAsync(Forms.Minimal("Utkast före null"));
        (await (await applicant.PutJsonAsync($"/api/applications/{Api.IdOf(draft)}", nullOrganisation, Api.VersionOf(draft))).ExpectProblemAsync(HttpStatusCode.BadRequest))
            .Should().ContainKey("organisation");
        (await applicant.GetApplicationAsync(Api.IdOf(draft)))["projectName"]!.GetValue<string>().Should().Be("Utkast före null");
    }

    [Fact]
    public async Task Null_inside_budget_year_lists_names_the_row()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var body = JsonNode.Parse("""{"carriedOverSurplus":0,"recommendedMaxEquity":0,"contributions":[],"otherIncome":[null],"operatingCosts":[{"label":"Kansli","amount":1},null]}""")!;
        var errors = await (await kansli.PutJsonAsync("/api/economy/years/2031", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Keys.Should().BeEquivalentTo(["otherIncome[0]", "operatingCosts[1]"]);
        (await kansli.GetAsync("/api/economy/years/2031")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing was written");
    }

    [Fact]
    public async Task Null_inside_decision_clauses_names_the_clause()
    {
        // The decision body as the API reads it: the same reader every endpoint uses.
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream("""{"outcome":"Decided","clauses":[{"kind":"Grant","text":"att bevilja"},null]}"""u8.ToArray());
        var read = await JsonBody.ReadAsync<RecordDecision.Request>(context.Request, Grants.Applications.FormJsonOptions.Options, default);
        read.Kind.Should().Be(OutcomeKind.Invalid);
        read.Errors.ToDictionary().Keys.Should().Equal("clauses[1]");
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(10_000_000_001L)]
    public async Task Amounts_beyond_the_bound_on_payments_and_budget_are_field_errors(long amount)
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var commitment = await Commit(kansli, $"Gränsprojekt {amount}", 100_000, 2026, "2026-02-24");
        (await (await Pay(kansli, commitment, "2026-03-01", amount)).ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("amount");
        var year = JsonNode.Parse($$"""{"carriedOverSurplus":{{amount}},"recommendedMaxEquity":0,"contributions":[],"otherIncome":[],"operatingCosts":[{"label":"Kansli","amount":{{amount}}}]}""")!;
        (await (await kansli.PutJsonAsync("/api/economy/years/2032", year)).ExpectProblemAsync(HttpStatusCode.BadRequest))
            .Keys.Should().BeEquivalentTo(["carriedOverSurplus", "operatingCosts[0].amount"]);
        var commitmentBody = new JsonObject { ["projectName"] = "Stort", ["recipient"] = "Skellefteå kommun", ["year"] = 2026, ["amount"] = amount, ["decisionDate"] = "2026-02-24" };
        (await (await kansli.PostJsonAsync("/api/economy/commitments", commitmentBody)).ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("amount");
    }

    [Fact]
    public async Task A_stale_or_garbled_If_Match_is_read_the_same_way_everywhere()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfMatch = "W/\"7\"";
        Concurrency.ExpectedVersion(request).Should().Be(7);
        request.Headers.IfMatch = "\"12\"";
        Concurrency.ExpectedVersion(request).Should().Be(12);
        request.Headers.IfMatch = "\"sju\"";
        Concurrency.ExpectedVersion(request).Should().BeNull();
    }

    private static async Task ExpectClientErrorAsync(HttpResponseMessage response, params HttpStatusCode[] allowed)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().BeOneOf(allowed, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
    }
}
