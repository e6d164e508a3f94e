using System.Net;
using System.Text.Json.Nodes;
using Grants.Identity;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Eligibility;

/// <summary>Programmes/calls through the API: validation per field, a stale save 409, and the rules reading the call.</summary>
public sealed class ProgrammeApiTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Kansli_creates_and_changes_a_programme_and_a_stale_change_is_refused()
    {
        var kansli = await app.BearerClientAsync(Login.EmailOf(Roles.Secretariat));
        var errors = await (await kansli.PostJsonAsync("/api/programmes", JsonNode.Parse("{\"name\":\"\",\"ageMin\":30,\"ageMax\":20,\"costCeiling\":-5}")!))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Keys.Should().BeEquivalentTo("name", "ageMax", "costCeiling");

        var created = await (await kansli.PostJsonAsync("/api/programmes", JsonNode.Parse("{\"name\":\"Ciceron\",\"ageMin\":16,\"ageMax\":29,\"closingDate\":\"2026-06-30\"}")!))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        var version = (int)created["version"]!;
        (await kansli.PutJsonAsync($"/api/programmes/{id}", JsonNode.Parse("{\"name\":\"Ciceron 2\",\"ageMin\":16,\"ageMax\":29}")!, version))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await kansli.PutJsonAsync($"/api/programmes/{id}", JsonNode.Parse("{\"name\":\"Ciceron 3\"}")!, version))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await kansli.PutJsonAsync($"/api/programmes/{Guid.NewGuid()}", JsonNode.Parse("{\"name\":\"X\"}")!))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        // An application in the call: the call narrows the age range (Ciceron 16–29) and its closing date applies.
        var applicant = await app.BearerClientAsync(Login.EmailOf(Roles.Applicant));
        var form = Forms.Complete().Set("programmeId", id).Set("targetGroup.ageMin", 30).Set("targetGroup.ageMax", 40);
        var check = await (await applicant.PostJsonAsync("/api/eligibility/check", form)).ExpectJsonAsync(HttpStatusCode.OK);
        check["findings"]!.AsArray().Select(f => (string)f!["message"]!).Should().Contain(m => m.Contains("utlysningen Ciceron 2s åldersram, 16–29 år"));

        var draft = await applicant.CreateDraftAsync(form);
        var refused = await (await applicant.SubmitAsync(Api.IdOf(draft))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        refused.Should().ContainKey("targetGroup.ageMin");
    }

    [Fact]
    public async Task A_call_is_on_the_public_start_page_from_its_first_to_its_last_day_to_apply()
    {
        var kansli = await app.BearerClientAsync(Login.EmailOf(Roles.Secretariat));
        var errors = await (await kansli.PostJsonAsync("/api/programmes", JsonNode.Parse(
            "{\"name\":\"Baklänges\",\"opensOn\":\"2026-04-01\",\"closingDate\":\"2026-03-31\"}")!)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors["closingDate"].Should().ContainSingle().Which.Should().Be("Sista dag att ansöka får inte vara före första dag att ansöka.");

        // The fixture's clock stands at 2026-03-02.
        (await kansli.PostJsonAsync("/api/programmes", JsonNode.Parse(
            "{\"name\":\"Öppnar i morgon\",\"description\":\"Stöd till unga.\",\"opensOn\":\"2026-03-03\",\"closingDate\":\"2026-04-30\"}")!))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await kansli.PostJsonAsync("/api/programmes", JsonNode.Parse(
            "{\"name\":\"Öppen i dag\",\"description\":\"Insatser för arbete och studier.\",\"opensOn\":\"2026-03-02\",\"closingDate\":\"2026-03-02\"}")!))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var start = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/"));
        start.Should().Contain("Öppen i dag").And.Contain("Insatser för arbete och studier. Sista ansökningsdag 2026-03-02.")
            .And.NotContain("Öppnar i morgon");
    }
}
