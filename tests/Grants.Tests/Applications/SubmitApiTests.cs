using System.Net;
using System.Text.RegularExpressions;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Applications;

/// <summary>Submitting, revising after submission and the kansli's paper registrations.</summary>
public sealed partial class SubmitApiTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Submitting_a_complete_application_stamps_diarienummer_and_ankomstdatum_from_the_clock()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var draft = await client.CreateDraftAsync(Forms.Complete());
        var id = Api.IdOf(draft);

        var submitted = await (await client.SubmitAsync(id, Api.VersionOf(draft))).ExpectJsonAsync(HttpStatusCode.OK);
        var now = app.Time.GetUtcNow();
        submitted["state"]!.GetValue<string>().Should().Be("inkommen");
        submitted["registrationNumber"]!.GetValue<string>().Should().MatchRegex(Number(now.Year));
        submitted["arrivalDate"]!.GetValue<string>().Should().Be("2026-03-02");
        submitted["receivedAt"]!.GetValue<DateTimeOffset>().Should().Be(now);
        submitted["registeredOnBehalf"]!.GetValue<bool>().Should().BeFalse();
        submitted["versions"]!.AsArray().Should().ContainSingle();
        submitted["amountApplied"]!.GetValue<long>().Should().Be(Forms.CompleteAmountApplied);

        // What is stored is what was answered: the state, the number on the row and in its audit entry.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Grants.Infrastructure.GrantsDbContext>();
            var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
            stored.State.Should().Be("inkommen");
            stored.RegistrationNumber.Should().Be(submitted["registrationNumber"]!.GetValue<string>());
            stored.RegistrationYear.Should().Be(now.Year);
            stored.RegistrationSequence.Should().Be(Sequence(submitted));
            (await db.AuditEntries.SingleAsync(e => e.EntityId == stored.Id.ToString() && e.Action == "application.submitted"))
                .Details.Should().Be(stored.RegistrationNumber);
        }

        // Once received, the applicant can no longer change it in place or submit it again.
        await (await client.PutJsonAsync($"/api/applications/{id}", Forms.Minimal("Ändrad"))).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await client.SubmitAsync(id)).ExpectProblemAsync(HttpStatusCode.Conflict);
        (await client.GetApplicationAsync(id))["projectName"]!.GetValue<string>().Should().Be("READY");
    }

    [Fact]
    public async Task Numbers_follow_each_other_without_gaps_even_after_a_refused_submit()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var incomplete = Api.IdOf(await client.CreateDraftAsync(Forms.Minimal()));
        var first = await SubmitCompleteAsync(client);
        await (await client.SubmitAsync(incomplete)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var second = await SubmitCompleteAsync(client);
        Sequence(second).Should().Be(Sequence(first) + 1);
    }

    [Fact]
    public async Task A_revision_after_submission_is_version_2_and_version_1_stays_as_received()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var submitted = await SubmitCompleteAsync(client);
        var id = Api.IdOf(submitted);
        var revised = Forms.Complete().Set("budget[0].personnel", 400_000);

        var response = await client.PostJsonAsync($"/api/applications/{id}/versions",
            new System.Text.Json.Nodes.JsonObject { ["form"] = revised, ["comment"] = "Lägre personalkostnad" });
        var version = await response.ExpectJsonAsync(HttpStatusCode.Created);
        version["number"]!.GetValue<int>().Should().Be(2);

        var v1 = await (await client.GetAsync($"/api/applications/{id}/versions/1")).ExpectJsonAsync(HttpStatusCode.OK);
        var v2 = await (await client.GetAsync($"/api/applications/{id}/versions/2")).ExpectJsonAsync(HttpStatusCode.OK);
        v1["budget"]![0]!["personnel"]!.GetValue<long>().Should().Be(430_000);
        v2["budget"]![0]!["personnel"]!.GetValue<long>().Should().Be(400_000);

        var read = await client.GetApplicationAsync(id);
        read["registrationNumber"]!.GetValue<string>().Should().Be(submitted["registrationNumber"]!.GetValue<string>());
        read["arrivalDate"]!.GetValue<string>().Should().Be(submitted["arrivalDate"]!.GetValue<string>());
        read["versions"]!.AsArray().Select(v => v!["number"]!.GetValue<int>()).Should().Equal(1, 2);
        read["versions"]![0]!["contentHash"]!.GetValue<string>().Should().NotBe(read["versions"]![1]!["contentHash"]!.GetValue<string>());
        read["amountApplied"]!.GetValue<long>().Should().Be(Forms.CompleteAmountApplied - 30_000);

        // The kansli sees both versions of the same application.
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        (await kansli.GetApplicationAsync(id))["versions"]!.AsArray().Should().HaveCount(2);

        // A revision must itself be complete, and cannot be made on a draft.
        var incomplete = await client.PostJsonAsync($"/api/applications/{id}/versions",
            new System.Text.Json.Nodes.JsonObject { ["form"] = Forms.Complete().Without("project.purpose") });
        (await incomplete.ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("project.purpose");
        var draft = Api.IdOf(await client.CreateDraftAsync(Forms.Minimal()));
        await (await client.PostJsonAsync($"/api/applications/{draft}/versions",
            new System.Text.Json.Nodes.JsonObject { ["form"] = Forms.Complete() })).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Kansli_registers_a_paper_application_on_behalf_of_an_organisation()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var draft = await kansli.CreateDraftAsync(Forms.CompleteFor(Forms.OtherOrgNr, "Norsjö kommun"));
        draft["organisation"]!["organisationNumber"]!.GetValue<string>().Should().Be(Forms.OtherOrgNr);
        var registered = await (await kansli.SubmitAsync(Api.IdOf(draft))).ExpectJsonAsync(HttpStatusCode.OK);
        registered["registeredOnBehalf"]!.GetValue<bool>().Should().BeTrue();
        registered["registrationNumber"]!.GetValue<string>().Should().MatchRegex(Number(2026));

        // The organisation's own applicant sees it; the other organisation's does not.
        var norsjo = await app.BearerClientAsync(Login.OtherApplicant);
        (await norsjo.GetApplicationAsync(Api.IdOf(draft)))["registeredOnBehalf"]!.GetValue<bool>().Should().BeTrue();
        var skelleftea = await app.BearerClientAsync(Login.Applicant);
        await (await skelleftea.GetAsync($"/api/applications/{Api.IdOf(draft)}")).ExpectProblemAsync(HttpStatusCode.NotFound);

        // A new organisation is created when the kansli registers for one not yet known.
        var newOrg = await kansli.CreateDraftAsync(Forms.CompleteFor("202100-5521", "Försäkringskassan"));
        newOrg["organisation"]!["name"]!.GetValue<string>().Should().Be("Försäkringskassan");

        // Without an organisation number the kansli cannot register anything.
        var missing = await kansli.PostJsonAsync("/api/applications", Forms.Minimal());
        (await missing.ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKeys("organisation.organisationNumber", "organisation.name");
    }

    private async Task<System.Text.Json.Nodes.JsonObject> SubmitCompleteAsync(HttpClient client)
    {
        var id = Api.IdOf(await client.CreateDraftAsync(Forms.Complete()));
        return await (await client.SubmitAsync(id)).ExpectJsonAsync(HttpStatusCode.OK);
    }

    private static string Number(int year) => $"^SKN {year}/[1-9][0-9]*$";

    private static int Sequence(System.Text.Json.Nodes.JsonObject application) =>
        int.Parse(SequencePattern().Match(application["registrationNumber"]!.GetValue<string>()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("/([0-9]+)$")]
    private static partial Regex SequencePattern();
}
