using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Lsg;
using Grants.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Grants.Tests.Lsg;

/// <summary>The path through the API: submit, beredning, to the LSG, statement with addition, jäv, to the board; 409/403 codes.</summary>
public sealed class LsgApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Created(Guid Id);
    private sealed record Statement(string Sentence, string Recommendation);
    private sealed record Timeline(string To, string ToLabel, string? Trigger, string By, string Role, string? Comment);
    private sealed record Permitted(string Trigger, string Label);

    [Fact]
    public async Task Application_goes_to_the_lsg_gets_a_statement_with_an_addition_and_goes_to_the_board()
    {
        using var host = new WorkflowHost();
        var org = await host.OrganisationAsync();
        var applicant = await host.ClientAsync(Roles.Applicant, org.Id);
        var kansli = await host.ClientAsync(Roles.Secretariat);
        var lsg = await host.ClientAsync(Roles.Lsg, email: "lena.lsg@test.example");
        var javig = await host.ClientAsync(Roles.Lsg, email: "kalle.kommun@test.example");

        var created = await applicant.PostAsJsonAsync("/api/applications", Forms.Complete("Vägen vidare"), Json);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<Created>(Json))!.Id;
        (await applicant.PostAsync($"/api/applications/{id}/submit", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Refused by role (403) and by state (409), nothing changed.
        (await Fire(applicant, id, "paborja-beredning")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var wrongState = await Fire(kansli, id, "remittera-lsg");
        wrongState.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await wrongState.Content.ReadAsStringAsync()).Should().Contain("Det går inte att lämna till LSG");

        var permitted = await kansli.GetFromJsonAsync<List<Permitted>>($"/api/applications/{id}/transitions", Json);
        permitted!.Select(p => p.Trigger).Should().BeEquivalentTo("begar-komplettering", "paborja-beredning");

        (await Fire(kansli, id, "paborja-beredning")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Fire(kansli, id, "remittera-lsg", "Beredd, till LSG 10 mars")).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.DeliverOutboxAsync();
        Mails(host).Should().Contain(m => (m.Subject ?? "").Contains("lokala samverkansgruppen") && m.To.ToString().Contains("kim.kontakt@test.example"));

        var lenaMember = await kansli.PostAsJsonAsync("/api/lsg/members", new { name = "Lena Lsg", memberKey = "af", email = "lena.lsg@test.example" }, Json);
        lenaMember.StatusCode.Should().Be(HttpStatusCode.Created);
        var lenaId = (await lenaMember.Content.ReadFromJsonAsync<Created>(Json))!.Id;
        (await kansli.PostAsJsonAsync("/api/lsg/members", new { name = "Kalle Kommun", memberKey = "skelleftea", email = "kalle.kommun@test.example" }, Json))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await lsg.PostAsJsonAsync("/api/lsg/members", new { name = "X", memberKey = "af", email = "x@test.example" }, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var meeting = await kansli.PostAsJsonAsync("/api/lsg/meetings", new { date = "2015-06-02", attendees = new[] { lenaId } }, Json);
        meeting.StatusCode.Should().Be(HttpStatusCode.Created);
        var meetingId = (await meeting.Content.ReadFromJsonAsync<Created>(Json))!.Id;

        var queue = await lsg.GetStringAsync("/api/lsg/queue");
        queue.Should().Contain("Vägen vidare").And.Contain("\"netCosts\":420000");
        (await applicant.GetAsync("/api/lsg/queue")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Jäv: the member from Skellefteå kommun (the applicant) cannot record; the declaration is kept.
        var refused = await javig.PostAsJsonAsync($"/api/applications/{id}/lsg-statements", new { meetingId, recommendation = "Recommend" }, Json);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("jävig");
        (await javig.PostAsJsonAsync($"/api/applications/{id}/lsg-conflicts", new { reason = "Anställd hos Skellefteå kommun" }, Json)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await javig.PostAsJsonAsync($"/api/applications/{id}/lsg-statements", new { meetingId, recommendation = "Recommend" }, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var noReason = await lsg.PostAsJsonAsync($"/api/applications/{id}/lsg-statements", new { meetingId, recommendation = "AdviseAgainst" }, Json);
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).Should().Contain("reason");

        var recorded = await lsg.PostAsJsonAsync($"/api/applications/{id}/lsg-statements",
            new { meetingId, recommendation = "Recommend", addition = "finansieringen bör avse viss tid samt att en plan för långsiktig finansiering tas fram" }, Json);
        recorded.StatusCode.Should().Be(HttpStatusCode.Created);
        (await recorded.Content.ReadFromJsonAsync<Statement>(Json))!.Sentence.Should().Be(
            "Lokala samverkansgruppen har vid sitt sammanträde 2015-06-02 tillstyrkt att samordningsförbundet beviljar medel till projektet " +
            "med tillägget att finansieringen bör avse viss tid samt att en plan för långsiktig finansiering tas fram.");

        // The agenda is the meetings' door (EditAgenda), not a generic step: the kansli's generic fire is refused.
        (await Fire(kansli, id, "satt-pa-foredragningslista")).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var timeline = await applicant.GetFromJsonAsync<List<Timeline>>($"/api/applications/{id}/timeline", Json);
        timeline.Should().NotBeNull();
        timeline!.Select(t => t.To).Should().Equal("utkast", "inkommen", "under-beredning", "hos-lsg", "tillstyrkt");
        timeline![3].Comment.Should().Be("Beredd, till LSG 10 mars");
        timeline[3].ToLabel.Should().Be("Under handläggning hos lokala samverkansgruppen", "the applicant sees the applicant label");
        timeline[4].Role.Should().Be("LSG");

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.LsgConflictDeclarations.CountAsync(d => d.ApplicationId == id)).Should().Be(1);
        (await db.Applications.SingleAsync(a => a.Id == id)).WorkflowHash.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Avstyrkt_sentence_has_the_sources_form()
    {
        LsgSentence.Of(LsgRecommendation.AdviseAgainst, new DateOnly(2015, 6, 2), "att insatsen ingår i huvudmännens ordinarie uppdrag.", null)
            .Should().Be("Ansökan har avstyrkts av Lokala samverkansgruppen med hänvisning till att insatsen ingår i huvudmännens ordinarie uppdrag.");
        LsgSentence.Of(LsgRecommendation.AdviseAgainst, new DateOnly(2015, 6, 2), "med hänvisning till kostnaden per deltagare", "att sökande kan återkomma")
            .Should().Be("Ansökan har avstyrkts av Lokala samverkansgruppen med hänvisning till kostnaden per deltagare med tillägget att sökande kan återkomma.");
    }

    [Fact]
    public async Task Two_users_firing_at_once_over_the_api_one_succeeds_one_gets_409()
    {
        using var host = new WorkflowHost();
        _ = host.Server;
        var id = await WorkflowArrange.ApplicationInAsync(host, "inkommen");
        var k1 = await host.ClientAsync(Roles.Secretariat);
        var k2 = await host.ClientAsync(Roles.Secretariat);
        var results = await Task.WhenAll(Fire(k1, id, "paborja-beredning"), Fire(k2, id, "paborja-beredning"));
        results.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        await using var scope = host.Scope();
        (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().WorkflowTransitions.CountAsync(t => t.SubjectId == id.ToString())).Should().Be(1);
    }

    private static Task<HttpResponseMessage> Fire(HttpClient client, Guid id, string trigger, string? comment = null) =>
        client.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger, comment }, Json);

    private static List<MimeMessage> Mails(WorkflowHost host) =>
        Directory.Exists(host.MailDir) ? Directory.GetFiles(host.MailDir, "*.eml").Select(f => MimeMessage.Load(f)).ToList() : [];
}
