using System.Net;
using System.Text.Json.Nodes;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Applications;

/// <summary>Creating and saving drafts over the JSON API, and who may touch them.</summary>
public sealed class DraftApiTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Applicant_creates_an_incomplete_draft_and_saves_it_again()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var created = await client.CreateDraftAsync(Forms.Minimal("Bara ett namn"));
        created["state"]!.GetValue<string>().Should().Be("utkast");
        created["registrationNumber"].Should().BeNull();
        created["organisation"]!["organisationNumber"]!.GetValue<string>().Should().Be(Forms.ApplicantOrgNr);
        var id = Api.IdOf(created);

        var saved = await (await client.PutJsonAsync($"/api/applications/{id}", Forms.Complete(), Api.VersionOf(created)))
            .ExpectJsonAsync(HttpStatusCode.OK);
        Api.VersionOf(saved).Should().BeGreaterThan(Api.VersionOf(created));
        saved["amountApplied"]!.GetValue<long>().Should().Be(Forms.CompleteAmountApplied);
        saved["totals"]!["years"]!.AsArray().Select(y => y!["netCost"]!.GetValue<long>()).Should().Equal(430_000, 220_000);

        var read = await client.GetApplicationAsync(id);
        read["form"]!["project"]!["name"]!.GetValue<string>().Should().Be("READY");
        read["projectName"]!.GetValue<string>().Should().Be("READY");
    }

    [Fact]
    public async Task Saving_with_a_stale_If_Match_answers_409_and_keeps_the_newer_save()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var created = await client.CreateDraftAsync(Forms.Minimal("Först"));
        var id = Api.IdOf(created);
        var stale = Api.VersionOf(created);

        (await client.PutJsonAsync($"/api/applications/{id}", Forms.Minimal("Andra"), stale)).StatusCode.Should().Be(HttpStatusCode.OK);
        var conflict = await client.PutJsonAsync($"/api/applications/{id}", Forms.Minimal("Tredje"), stale);
        await conflict.ExpectProblemAsync(HttpStatusCode.Conflict);
        (await client.GetApplicationAsync(id))["projectName"]!.GetValue<string>().Should().Be("Andra");

        var staleSubmit = await client.SubmitAsync(id, stale);
        await staleSubmit.ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"targetGroup":{"participants":"tjugo"}}""", "targetGroup.participants")]
    [InlineData("""{"budget":[{"year":2026,"personnel":12.5}]}""", "budget[0].personnel")]
    [InlineData("""{"budget":[{"year":2026,"personnel":"430 000"}]}""", "budget[0].personnel")]
    [InlineData("""{"project":{"startDate":"17/8 2026"}}""", "project.startDate")]
    [InlineData("""{"organisation":{"type":"Okand"}}""", "organisation.type")]
    [InlineData("""{"project":{"goals":"ett mål"}}""", "project.goals")]
    [InlineData("""{"budget":{"year":2026}}""", "budget")]
    [InlineData("""{"targetGroup":{"participants":99999999999}}""", "targetGroup.participants")]
    [InlineData("""{"project": """, "project")]
    [InlineData("[]", "$")]
    [InlineData("null", "$")]
    [InlineData("\"text\"", "$")]
    public async Task Wrongly_typed_json_answers_400_with_the_field_not_500(string body, string field)
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var before = await CountAsync(client);
        var response = await client.PostAsync("/api/applications", Api.Json(body));
        var errors = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Keys.Should().Contain(k => k == field || k.StartsWith(field, StringComparison.Ordinal), string.Join(", ", errors.Keys));
        errors.Values.SelectMany(m => m).Should().OnlyContain(m => m.Length > 10);
        (await CountAsync(client)).Should().Be(before);

        var draft = Api.IdOf(await client.CreateDraftAsync(Forms.Minimal()));
        var put = await client.PutAsync($"/api/applications/{draft}", Api.Json(body));
        await put.ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_415_as_problem_details_not_an_html_page()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var response = await client.PostAsync("/api/applications", new StringContent("name=READY", System.Text.Encoding.UTF8, "text/plain"));
        await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Another_organisations_applicant_gets_404_on_read_save_submit_and_attachments()
    {
        var owner = await app.BearerClientAsync(Login.Applicant);
        var created = await owner.CreateDraftAsync(Forms.Complete());
        var id = Api.IdOf(created);
        var other = await app.BearerClientAsync(Login.OtherApplicant);

        await (await other.GetAsync($"/api/applications/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutJsonAsync($"/api/applications/{id}", Forms.CompleteFor(Forms.OtherOrgNr, "Norsjö kommun"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await other.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/applications/{id}/versions/1")).ExpectProblemAsync(HttpStatusCode.NotFound);
        using var file = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "a.pdf" } };
        await (await other.PostAsync($"/api/applications/{id}/attachments", file)).ExpectProblemAsync(HttpStatusCode.NotFound);

        var list = (await other.ListAllApplicationsAsync()).ToJsonString();
        list.Should().NotContain(id.ToString());
        (await owner.GetApplicationAsync(id))["version"]!.GetValue<int>().Should().Be(Api.VersionOf(created));
    }

    [Fact]
    public async Task An_applicant_cannot_apply_for_another_organisation()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var response = await client.PostJsonAsync("/api/applications", Forms.CompleteFor(Forms.OtherOrgNr, "Norsjö kommun"));
        var errors = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors["organisation.organisationNumber"].Should().ContainSingle().Which.Should().Contain("212000-2643");
    }

    [Theory]
    [InlineData(Login.Lsg)]
    [InlineData(Login.Board)]
    [InlineData(Login.Admin)]
    public async Task Roles_that_only_read_cannot_create_save_or_submit(string email)
    {
        var owner = await app.BearerClientAsync(Login.Applicant);
        var id = Api.IdOf(await owner.CreateDraftAsync(Forms.Complete()));
        var reader = await app.BearerClientAsync(email);

        (await reader.PostJsonAsync("/api/applications", Forms.Complete())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await reader.PutJsonAsync($"/api/applications/{id}", Forms.Complete())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await reader.SubmitAsync(id)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.GetApplicationAsync(id))["state"]!.GetValue<string>().Should().Be("utkast");
        // A draft is its organisation's own until received: readers on staff get 404 (issue 11).
        (await reader.GetAsync($"/api/applications/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401()
    {
        var anonymous = app.Anonymous();
        await (await anonymous.GetAsync("/api/applications")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        (await anonymous.PostJsonAsync("/api/applications", Forms.Complete())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.SubmitAsync(Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        (await anonymous.GetAsync("/api/applications")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_answers_401_problem_and_a_cookie_login_works_for_the_api()
    {
        var response = await app.Anonymous().PostJsonAsync("/api/auth/token", new JsonObject { ["email"] = Login.Applicant, ["password"] = "Fel-losenord-1!" });
        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var empty = await app.Anonymous().PostJsonAsync("/api/auth/token", new JsonObject());
        (await empty.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().BeEquivalentTo("email", "password");

        var cookie = await app.CookieClientAsync(Login.Applicant);
        var me = await (await cookie.GetAsync("/api/auth/me")).ExpectJsonAsync(HttpStatusCode.OK);
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("Sökande");
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.ListAllApplicationsAsync()).Count;
}
