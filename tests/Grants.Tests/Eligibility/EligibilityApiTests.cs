using System.Net;
using System.Text.Json.Nodes;
using Grants.Eligibility;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Eligibility;

/// <summary>The rules through the application: the check endpoint, submit refused on a hinder, stored runs, re-runs, the LSG's view.</summary>
public sealed class EligibilityApiTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private async Task<int> RunCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().EligibilityRuns.CountAsync();
    }

    [Fact]
    public async Task Check_returns_findings_and_stores_nothing()
    {
        var client = await app.BearerClientAsync(Login.EmailOf(Roles.Applicant));
        var before = await RunCountAsync();
        var form = Forms.Complete().Set("targetGroup.categories", new JsonArray("Asylsokande")).Set("targetGroup.ageMin", 70).Set("targetGroup.ageMax", 80);

        var body = await (await client.PostJsonAsync("/api/eligibility/check", form)).ExpectJsonAsync(HttpStatusCode.OK);

        var findings = body["findings"]!.AsArray().Select(f => (Code: (string)f!["code"]!, Level: (string)f["level"]!, Fields: f["fields"]!.AsArray().Select(x => (string)x!).ToList())).ToList();
        findings.Should().Contain(f => f.Code == "MALGRUPP_ASYLSOKANDE" && f.Level == "Avslagsgrund");
        findings.Should().Contain(f => f.Code == "MALGRUPP_ALDER" && f.Level == "Hinder" && f.Fields.Contains("targetGroup.ageMin"));
        findings.Should().Contain(f => f.Code == "MEDFINANSIERING_VANTAR" && f.Level == "Villkor");
        ((bool)body["hasHinder"]!).Should().BeTrue();
        ((string)body["ruleSetVersion"]!).Should().HaveLength(64);
        body["ruleFiles"]!.AsArray().Select(f => (string)f!["name"]!).Should().Contain(["behorighet.json", "bedomning.json"]);
        (await RunCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Check_answers_400_naming_the_field_for_a_malformed_form()
    {
        var client = await app.BearerClientAsync(Login.EmailOf(Roles.Secretariat));
        var errors = await (await client.PostJsonAsync("/api/eligibility/check", Forms.Complete().Set("targetGroup.ageMin", 200)))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Should().ContainKey("targetGroup.ageMin");
        errors = await (await client.PostJsonAsync("/api/eligibility/check", Forms.Complete().Set("programmeId", Guid.NewGuid().ToString())))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors["programmeId"].Should().Equal(EligibilityEvaluator.UnknownProgramme);
        errors = await (await client.PostJsonAsync("/api/eligibility/check", JsonNode.Parse("{\"budget\":\"fel\"}")!)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Should().ContainKey("budget");
    }

    [Fact]
    public async Task Submit_is_refused_while_a_hinder_stands_and_nothing_is_stored()
    {
        var client = await app.BearerClientAsync(Login.EmailOf(Roles.Applicant));
        var draft = await client.CreateDraftAsync(Forms.Complete().Set("targetGroup.ageMin", 66).Set("targetGroup.ageMax", 90));
        var before = await RunCountAsync();

        var errors = await (await client.SubmitAsync(Api.IdOf(draft))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        errors["targetGroup.ageMin"].Should().Contain(m => m.Contains("utanför arbetsför ålder, 16–64 år"));
        errors["targetGroup.ageMax"].Should().NotBeEmpty();
        (await client.GetApplicationAsync(Api.IdOf(draft)))["state"]!.GetValue<string>().Should().Be("utkast");
        (await RunCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_field_the_submit_validation_flags_is_not_told_twice_by_a_rule()
    {
        var client = await app.BearerClientAsync(Login.EmailOf(Roles.Applicant));
        var draft = await client.CreateDraftAsync(Forms.Complete().Set("project.goals", new JsonArray()));
        var errors = await (await client.SubmitAsync(Api.IdOf(draft))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors["project.goals"].Should().Equal("Ange minst ett mätbart mål.");
    }

    [Fact]
    public async Task Submit_stores_the_findings_with_the_rule_set_version_and_the_kansli_reruns_on_demand()
    {
        var applicant = await app.BearerClientAsync(Login.EmailOf(Roles.Applicant));
        var draft = await applicant.CreateDraftAsync(Forms.Complete());
        var id = Api.IdOf(draft);
        (await applicant.SubmitAsync(id)).StatusCode.Should().Be(HttpStatusCode.OK);

        var runs = JsonNode.Parse(await (await applicant.GetAsync($"/api/applications/{id}/eligibility")).Content.ReadAsStringAsync())!.AsArray();
        runs.Should().HaveCount(1);
        var run = runs[0]!;
        ((string)run["reason"]!).Should().Be(EligibilityRun.Submitted);
        ((int)run["applicationVersion"]!).Should().Be(1);
        ((string)run["ranByRole"]!).Should().Be(Roles.Applicant);
        ((string)run["ruleSetVersion"]!).Should().Be(app.Services.GetRequiredService<RuleBook>().Current.Version);
        run["ruleFiles"]!.AsArray().Should().HaveCount(app.Services.GetRequiredService<RuleBook>().Current.Files.Count);
        run["findings"]!.AsArray().Select(f => (string)f!["code"]!).Should().Equal("MEDFINANSIERING_VANTAR");

        // Only the kansli re-runs; each run is kept beside the earlier one.
        (await applicant.PostAsync($"/api/applications/{id}/eligibility", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var kansli = await app.BearerClientAsync(Login.EmailOf(Roles.Secretariat));
        var rerun = await (await kansli.PostAsync($"/api/applications/{id}/eligibility", null)).ExpectJsonAsync(HttpStatusCode.Created);
        ((string)rerun["reason"]!).Should().Be(EligibilityRun.Rerun);
        ((string)rerun["ranByRole"]!).Should().Be(Roles.Secretariat);
        var all = JsonNode.Parse(await (await kansli.GetAsync($"/api/applications/{id}/eligibility")).Content.ReadAsStringAsync())!.AsArray();
        all.Select(r => (string)r!["reason"]!).Should().Equal(EligibilityRun.Rerun, EligibilityRun.Submitted);

        // The LSG's queue and the board read the stored findings (all levels, the clause ready for the decision).
        await using var scope = app.Services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<IEligibilityFindings>().LatestAsync(id, default);
        latest.Single().Clause.Should().StartWith("att samordningsförbundets medfinansiering sker under förutsättning att Skellefteå kommun beviljas ansökta medel från Europeiska socialfonden");
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        var lsgView = await scope.ServiceProvider.GetRequiredService<Grants.Lsg.IRuleFindingsSource>().ForAsync(application, default);
        lsgView.Single().Level.Should().Be(FindingLevels.Condition);
        (await db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == "eligibility.rerun")).Should().Be(1);
    }

    [Fact]
    public async Task Another_organisations_application_is_not_found_and_a_draft_cannot_be_rerun()
    {
        var norsjo = await app.BearerClientAsync("sokande.norsjo@demo.grants.se");
        var draft = await norsjo.CreateDraftAsync(Forms.CompleteFor(Forms.OtherOrgNr, "Norsjö kommun"));
        var skelleftea = await app.BearerClientAsync(Login.EmailOf(Roles.Applicant));
        (await skelleftea.GetAsync($"/api/applications/{Api.IdOf(draft)}/eligibility")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var kansli = await app.BearerClientAsync(Login.EmailOf(Roles.Secretariat));
        // A draft is its organisation's own until received: the kansli does not find it at all.
        (await kansli.PostAsync($"/api/applications/{Api.IdOf(draft)}/eligibility", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await kansli.PostAsync($"/api/applications/{Guid.NewGuid()}/eligibility", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_demo_received_applications_have_their_stored_runs()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var solen = await db.Applications.SingleAsync(a => a.ProjectName == "Solen");
        var findings = await scope.ServiceProvider.GetRequiredService<IEligibilityFindings>().LatestAsync(solen.Id, default);
        findings.Should().Contain(f => f.Code == "MALGRUPP_ASYLSOKANDE");
        (await db.Programmes.CountAsync(p => p.Name == EligibilityDemo.ProgrammeName)).Should().Be(1);
    }
}
