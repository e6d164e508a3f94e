using System.Net;
using System.Text.Json.Nodes;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Applications;

/// <summary>Every validation error: 400 problem details keyed by the field's JSON path, Swedish text, nothing written.</summary>
public sealed class ValidationApiTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    /// <summary>Malformed values: refused already in a draft (create and save).</summary>
    public static TheoryData<string, string, string, string> Malformed => new()
    {
        { "organisation.organisationNumber", "\"212000-2644\"", "organisation.organisationNumber", "Organisationsnummer" },
        { "organisation.organisationNumber", "\"21200-02643\"", "organisation.organisationNumber", "Organisationsnummer" },
        { "organisation.postalCode", "\"9318\"", "organisation.postalCode", "Postnummer" },
        { "organisation.postalCode", "\"931 8A\"", "organisation.postalCode", "Postnummer" },
        { "organisation.contact.email", "\"karin.exempel\"", "organisation.contact.email", "e-post" },
        { "organisation.paymentAccount", "\"5741-0152\"", "organisation.paymentAccount", "Bankgiro" },
        { "organisation.paymentAccountKind", "null", "organisation.paymentAccountKind", "plusgiro eller bankgiro" },
        { "organisation.name", $"\"{new string('x', 301)}\"", "organisation.name", "högst 300 tecken" },
        { "project.endDate", "\"2026-08-16\"", "project.endDate", "Slutdatum får inte vara före startdatum" },
        { "project.background", $"\"{new string('x', 20_001)}\"", "project.background", "högst" },
        { "targetGroup.participants", "0", "targetGroup.participants", "Antal deltagare" },
        { "targetGroup.ageMin", "-1", "targetGroup.ageMin", "mellan 0 och 120" },
        { "targetGroup.ageMax", "121", "targetGroup.ageMax", "mellan 0 och 120" },
        { "targetGroup.ageMin", "22", "targetGroup.ageMax", "lägre än lägsta ålder" },
        { "targetGroup.women", "-1", "targetGroup.women", "negativt" },
        { "targetGroup.women", "20", "targetGroup.women", "fler än antalet deltagare" },
        { "cooperation.members[0].memberKey", "\"okand\"", "cooperation.members[0].memberKey", "Huvudmannen" },
        { "cooperation.members[1].memberKey", "\"skelleftea\"", "cooperation.members", "flera gånger" },
        { "followUp.responsibleEmail", "\"rektor@\"", "followUp.responsibleEmail", "e-post" },
        { "budget[0].personnel", "-1", "budget[0].personnel", "negativt" },
        { "budget[0].premises", "-5", "budget[0].premises", "negativt" },
        { "budget[0].other", "-5", "budget[0].other", "negativt" },
        { "budget[0].evaluation", "-5", "budget[0].evaluation", "negativt" },
        { "budget[0].income", "-5", "budget[0].income", "negativt" },
        { "budget[0].personnel", "1000000001", "budget[0].personnel", "orimligt" },
        { "budget[1].income", "1000000", "budget[1].income", "större än summa kostnader" },
        { "budget[1].year", "2026", "budget", "bara finnas en gång" },
        { "financing[0].name", "\"\"", "financing[0].name", "Finansiärens namn" },
        { "financing[0].amount", "-1", "financing[0].amount", "negativt" },
        { "financing[0].status", "\"Beviljad\"", "financing[0].decisionDate", "beslutsdatum" },
    };

    /// <summary>Fields a draft may leave out but a submission needs.</summary>
    public static TheoryData<string, string> RequiredOnSubmit => new()
    {
        { "organisation.name", "Organisationens namn" },
        { "organisation.type", "Organisationstyp" },
        { "organisation.signatory", "Firmatecknare" },
        { "organisation.organisationNumber", "Organisationsnummer" },
        { "organisation.address", "Utdelningsadress" },
        { "organisation.postalCode", "Postnummer" },
        { "organisation.city", "Postort" },
        { "organisation.contact.name", "Kontaktpersonens namn" },
        { "organisation.contact.email", "Kontaktpersonens e-post" },
        { "organisation.paymentAccount", "Plusgiro eller bankgiro" },
        { "project.name", "Projektets namn" },
        { "project.background", "Bakgrund" },
        { "project.purpose", "Syfte" },
        { "project.goals", "mätbart mål" },
        { "project.boundariesAndAddedValue", "Avgränsningar" },
        { "project.activities", "aktivitetsplan" },
        { "project.startDate", "Startdatum" },
        { "project.endDate", "Slutdatum" },
        { "project.genderEquality", "Jämställdhet" },
        { "project.accessibility", "Tillgänglighet" },
        { "project.diversity", "Mångfald" },
        { "project.implementation", "Implementering" },
        { "targetGroup.description", "Målgruppens beskrivning" },
        { "targetGroup.participants", "Antal deltagare" },
        { "targetGroup.ageMin", "Lägsta ålder" },
        { "targetGroup.ageMax", "Högsta ålder" },
        { "cooperation.members", "huvudmän" },
        { "followUp.plan", "Uppföljning" },
        { "followUp.responsibleName", "återrapportering" },
        { "followUp.responsibleEmail", "E-post till ansvarig" },
        { "budget", "minst ett år" },
        { "signature.name", "Underskrift" },
        { "signature.nameInPrint", "Namnförtydligande" },
        { "signature.role", "Befattning" },
        { "signature.date", "Datum för underskrift" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_value_is_refused_in_create_and_save_and_nothing_is_written(string path, string json, string key, string message)
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var form = Forms.Complete().Set(path, JsonNode.Parse(json));
        var before = await ListAsync(client);

        var created = await client.PostJsonAsync("/api/applications", form);
        AssertField(await created.ExpectProblemAsync(HttpStatusCode.BadRequest), key, message);
        (await ListAsync(client)).Should().Be(before);

        var draft = await client.CreateDraftAsync(Forms.Complete());
        var saved = await client.PutJsonAsync($"/api/applications/{Api.IdOf(draft)}", form);
        AssertField(await saved.ExpectProblemAsync(HttpStatusCode.BadRequest), key, message);
        var read = await client.GetApplicationAsync(Api.IdOf(draft));
        Api.VersionOf(read).Should().Be(Api.VersionOf(draft));
    }

    [Theory]
    [MemberData(nameof(RequiredOnSubmit))]
    public async Task A_missing_field_may_be_saved_in_a_draft_but_stops_submission(string path, string message)
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var form = Forms.Complete();
        if (form.Set(path, null) is var f && path is "project.goals" or "cooperation.members" or "budget") form.Set(path, new JsonArray());
        var draft = await client.CreateDraftAsync(form);

        var response = await client.SubmitAsync(Api.IdOf(draft));
        var errors = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        AssertField(errors, path, message);
        errors.Keys.Should().BeEquivalentTo([path], "only the missing field is wrong");
        var read = await client.GetApplicationAsync(Api.IdOf(draft));
        read["state"]!.GetValue<string>().Should().Be("utkast");
        read["registrationNumber"].Should().BeNull();
    }

    [Fact]
    public async Task A_budget_year_outside_the_period_may_be_saved_in_a_draft_but_stops_submission_naming_the_year()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var draft = await client.CreateDraftAsync(Forms.Complete().Set("budget[1].year", JsonValue.Create(2030)));
        var errors = await (await client.SubmitAsync(Api.IdOf(draft))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        AssertField(errors, "budget[1].year", "Budgetåret 2030 ligger utanför projektperioden");
    }

    [Fact]
    public async Task An_empty_draft_gets_every_missing_field_at_once_on_submit()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var draft = await client.CreateDraftAsync(new JsonObject());
        var errors = await (await client.SubmitAsync(Api.IdOf(draft))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Keys.Should().Contain(RequiredOnSubmit.Select(r => (string)r[0]));
        errors.Should().ContainKey("organisation.contact.phone");
    }

    [Fact]
    public async Task Phone_or_mobile_is_needed_and_a_budget_of_zero_cannot_be_submitted()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var noPhone = Forms.Complete().Set("organisation.contact.phone", null).Set("organisation.contact.mobile", null);
        var errors = await (await client.SubmitAsync(Api.IdOf(await client.CreateDraftAsync(noPhone)))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        AssertField(errors, "organisation.contact.phone", "telefon eller mobil");

        // The READY form's "Summa kostnader 0": a budget whose sums are zero cannot be applied for.
        var zero = Forms.Complete().Set("budget", new JsonArray(new JsonObject { ["year"] = 2026 }));
        errors = await (await client.SubmitAsync(Api.IdOf(await client.CreateDraftAsync(zero)))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        AssertField(errors, "budget", "större än 0 kronor");
    }

    [Fact]
    public async Task Plusgiro_is_checked_as_plusgiro()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var plusgiro = Forms.Complete().Set("organisation.paymentAccountKind", "Plusgiro").Set("organisation.paymentAccount", "126870-5");
        (await client.SubmitAsync(Api.IdOf(await client.CreateDraftAsync(plusgiro)))).StatusCode.Should().Be(HttpStatusCode.OK);
        var wrong = Forms.Complete().Set("organisation.paymentAccountKind", "Plusgiro").Set("organisation.paymentAccount", "126870-6");
        AssertField(await (await client.PostJsonAsync("/api/applications", wrong)).ExpectProblemAsync(HttpStatusCode.BadRequest),
            "organisation.paymentAccount", "Plusgiro");
    }

    private static void AssertField(Dictionary<string, string[]> errors, string key, string message)
    {
        errors.Should().ContainKey(key, string.Join(", ", errors.Keys));
        errors[key].Should().Contain(m => m.Contains(message, StringComparison.OrdinalIgnoreCase), string.Join(" | ", errors[key]));
    }

    private static async Task<string> ListAsync(HttpClient client) => (await client.ListAllApplicationsAsync()).ToJsonString();
}
