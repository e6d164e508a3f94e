using System.Net;
using System.Text.Json.Nodes;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Shared;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Economy.EconomicReportTests;

namespace Grants.Tests.Economy;

/// <summary>Commitments from published decisions (as the board's adjustment publishes them), payments, lapse and release.</summary>
public sealed class CommitmentTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private static readonly Guid Meeting0423 = Guid.NewGuid();
    private static readonly DateOnly April23 = new(2015, 4, 23);
    private static readonly Guid June11 = Guid.NewGuid();

    [Fact]
    public async Task Decisions_of_the_board_meeting_become_commitments_conditional_shown_apart_until_the_conditions_are_met()
    {
        var via = await ApplicationAsync("VIA");
        var aktiv = await ApplicationAsync("Aktiv uppföljning");
        var bilda = await ApplicationAsync("Orienteringskurs");
        var knutn = await ApplicationAsync("Knut");
        // The board's adjustment moves the applications through the workflow; here they are put in the resulting states.
        await SetStateAsync(via, "villkorat-beviljad");
        await SetStateAsync(aktiv, "delvis-beviljad");
        var decisions = new[]
        {
            Decision(bilda, 601, DecisionKind.Rejected, []),
            Decision(via, 602, DecisionKind.ConditionallyGranted, [new GrantedAmount(2015, 600_000)],
                new DecisionCondition("att samordningsförbundets medfinansiering sker under förutsättning att Medlefors folkhögskola beviljas ansökta medel från Europeiska socialfonden och Skellefteå kommun", "Europeiska socialfonden", new DateOnly(2015, 12, 31))),
            // Asked 400 000 over 2015–2017; granted 200 000 for 2015 only.
            Decision(aktiv, 604, DecisionKind.PartlyGranted, [new GrantedAmount(2015, 200_000)]),
            // Knut'n 2.0 was on the next meeting's agenda (2015-06-11).
            Decision(knutn, 615, DecisionKind.Granted, [new GrantedAmount(2015, 266_000), new GrantedAmount(2016, 139_600)], meeting: June11, date: new DateOnly(2015, 6, 11)),
        };
        await PublishAsync(decisions);
        await PublishAsync(decisions); // published twice: nothing is added the second time

        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var all = (await (await kansli.GetAsync("/api/economy/commitments")).Content.ReadAsStringAsync());
        Guid[] ours = [via, aktiv, bilda, knutn];
        var commitments = JsonNode.Parse(all)!.AsArray().Select(c => c!.AsObject()).Where(c => c["applicationId"] is { } id && ours.Contains(id.GetValue<Guid>())).ToList();
        commitments.Should().HaveCount(4);
        var viaRow = commitments.Single(c => c["applicationId"]!.GetValue<Guid>() == via);
        (Long(viaRow, "amount"), viaRow["conditional"]!.GetValue<bool>(), viaRow["status"]!.GetValue<string>(), viaRow["paragraphNumber"]!.GetValue<int>())
            .Should().Be((600_000L, true, "ConditionalPending", 602));
        var aktivRow = commitments.Single(c => c["applicationId"]!.GetValue<Guid>() == aktiv);
        (aktivRow["year"]!.GetValue<int>(), Long(aktivRow, "amount"), aktivRow["status"]!.GetValue<string>()).Should().Be((2015, 200_000L, "Firm"));
        commitments.Where(c => c["applicationId"]!.GetValue<Guid>() == knutn).Select(c => (c["year"]!.GetValue<int>(), Long(c, "amount")))
            .Should().BeEquivalentTo([(2015, 266_000L), (2016, 139_600L)]);
        commitments.Should().NotContain(c => c["applicationId"]!.GetValue<Guid>() == bilda);

        // Per the report date before the meeting the room is § 600's; after it, the grants (conditional included) are counted.
        Long(await Report(kansli, "2015-03-31"), "room").Should().Be(2_207_732);
        var after = await Report(kansli, "2015-04-30");
        Long(after, "conditionalCommitments").Should().Be(600_000);
        Long(after, "room").Should().Be(2_207_732 - 600_000 - 200_000);
        Long(await Report(kansli, "2015-06-30"), "room").Should().Be(2_207_732 - 600_000 - 200_000 - 266_000);
        after["projects"]!.AsArray().Single(p => p!["projectName"]!.GetValue<string>().StartsWith("VIA"))!["status"]!.GetValue<string>().Should().Be("ConditionalPending");

        // Nothing is paid on a conditional grant until its conditions are met.
        var viaId = viaRow["id"]!.GetValue<Guid>();
        var refused = await Pay(kansli, viaId, "2015-05-10", 100_000);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("villkoren är inte uppfyllda");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await SetStateAsync(via, "beviljad"); // villkor-uppfyllda
        Long(await Report(kansli, "2015-04-30"), "conditionalCommitments").Should().Be(0);
        (await Pay(kansli, viaId, "2015-05-10", 100_000)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_payment_above_what_is_left_is_refused_with_a_clear_message_and_nothing_is_written()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var commitment = await Commit(kansli, "Projekt med rekvisition", 200_000, 2019, "2019-01-15");
        var requisition = await (await kansli.PostJsonAsync($"/api/economy/commitments/{commitment}/requisitions",
            new JsonObject { ["receivedDate"] = "2019-02-01", ["amount"] = 150_000, ["reference"] = "Rekv 1" })).ExpectJsonAsync(HttpStatusCode.Created);
        var first = await kansli.PostJsonAsync($"/api/economy/commitments/{commitment}/payments", new JsonObject
            { ["date"] = "2019-02-10", ["amount"] = 150_000, ["reference"] = "Ver 10", ["requisitionId"] = requisition["id"]!.GetValue<Guid>() });
        var firstId = (await first.ExpectJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var tooMuch = await Pay(kansli, commitment, "2019-03-01", 50_001);
        tooMuch.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await tooMuch.Content.ReadAsStringAsync()).Should().Contain("större än det som återstår").And.Contain("50 000 kronor").And.Contain("Ingenting har sparats");
        var state = await (await kansli.GetAsync($"/api/economy/commitments/{commitment}")).ExpectJsonAsync(HttpStatusCode.OK);
        (Long(state, "paid"), Long(state, "remaining"), Long(state, "requisitioned"), state["payments"]!.AsArray().Count).Should().Be((150_000L, 50_000L, 150_000L, 1));

        // Bad input: 400 naming each field; a correction is a new negative payment naming the one it corrects.
        var bad = await kansli.PostJsonAsync($"/api/economy/commitments/{commitment}/payments", JsonNode.Parse("""{"amount": -5}""")!);
        (await bad.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().BeEquivalentTo("date", "reference", "amount");
        var correction = await kansli.PostJsonAsync($"/api/economy/commitments/{commitment}/payments",
            new JsonObject { ["date"] = "2019-03-02", ["amount"] = -10_000, ["reference"] = "Ver 11 rättelse", ["correctsId"] = firstId });
        correction.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Pay(kansli, commitment, "2019-03-05", 60_000)).StatusCode.Should().Be(HttpStatusCode.Created);
        Long(await (await kansli.GetAsync($"/api/economy/commitments/{commitment}")).ExpectJsonAsync(HttpStatusCode.OK), "remaining").Should().Be(0);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.AuditEntries.CountAsync(a => a.Action == "economy.payment-correction")).Should().Be(1);
        (await db.AuditEntries.Where(a => a.Action == "economy.payment").Select(a => a.Role).ToListAsync()).Should().OnlyContain(r => r == "Kansli");
    }

    [Fact]
    public async Task Two_payments_racing_for_the_last_committed_kronor_exactly_one_wins()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        for (var round = 0; round < 3; round++)
        {
            var commitment = await Commit(kansli, $"Kapplöpning {round}", 100_000, 2019, "2019-01-20");
            var racers = Enumerable.Range(0, 6).Select(i => Pay(kansli, commitment, "2019-02-01", 100_000, $"Ver R{round}-{i}")).ToList();
            var statuses = (await Task.WhenAll(racers)).Select(r => r.StatusCode).ToList();
            statuses.Count(s => s == HttpStatusCode.Created).Should().Be(1);
            statuses.Count(s => s == HttpStatusCode.Conflict).Should().Be(5);
            Long(await (await kansli.GetAsync($"/api/economy/commitments/{commitment}")).ExpectJsonAsync(HttpStatusCode.OK), "paid").Should().Be(100_000);
        }
    }

    [Fact]
    public async Task A_lapsed_decision_and_a_project_ended_under_budget_give_the_unpaid_rest_back_to_the_room()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var ready = await ApplicationAsync("READY");
        var solen = await ApplicationAsync("Solen");
        var meeting = Guid.NewGuid();
        await PublishAsync([Decision(ready, 620, DecisionKind.Granted, [new GrantedAmount(2016, 430_000)], meeting: meeting),
                            Decision(solen, 621, DecisionKind.ConditionallyGranted, [new GrantedAmount(2016, 300_000)], meeting: meeting)]);
        await SetStateAsync(ready, "pagaende");
        await SetStateAsync(solen, "villkorat-beviljad");
        var readyCommitment = await CommitmentOf(kansli, ready);
        var solenCommitment = await CommitmentOf(kansli, solen);
        (await Pay(kansli, readyCommitment, "2016-02-01", 400_000)).StatusCode.Should().Be(HttpStatusCode.Created);
        var budget = await (await kansli.PutJsonAsync("/api/economy/years/2016", Budget(0, 0))).ExpectJsonAsync(HttpStatusCode.OK);
        budget["year"]!.GetValue<int>().Should().Be(2016);
        var roomBefore = Long(await Report(kansli, "2016-12-31"), "room");

        // The conditions were not met: the application became förfallen, and the whole unpaid grant goes back.
        await SetStateAsync(solen, "forfallen");
        var lapsed = await (await kansli.GetAsync($"/api/economy/commitments/{solenCommitment}")).ExpectJsonAsync(HttpStatusCode.OK);
        (lapsed["status"]!.GetValue<string>(), Long(lapsed, "lapsed"), Long(lapsed, "remaining")).Should().Be(("Lapsed", 300_000L, 0L));
        Long(await Report(kansli, "2016-12-31"), "room").Should().Be(roomBefore + 300_000);

        // Per a date before the lapse (the workflow's transition record dates it) the grant was still owed, conditionally.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            db.WorkflowTransitions.Add(new Grants.Workflow.WorkflowTransition
            {
                SubjectType = Grants.Applications.Application.SubjectType, SubjectId = solen.ToString(), DefinitionKey = "ansokan", DefinitionHash = "test",
                FromState = "villkorat-beviljad", ToState = "forfallen", Trigger = "villkor-forfallit", At = new DateTimeOffset(2016, 9, 30, 22, 0, 0, TimeSpan.Zero),
                UserId = "system", UserName = "Systemet", Role = "System",
            });
            await db.SaveChangesAsync();
        }
        Long(await Report(kansli, "2016-09-30"), "conditionalCommitments").Should().Be(300_000);
        Long(await Report(kansli, "2016-10-01"), "conditionalCommitments").Should().Be(0);

        // READY ended 30 000 under budget: the kansli releases the rest.
        var release = await kansli.PostJsonAsync($"/api/economy/commitments/{readyCommitment}/release",
            new JsonObject { ["date"] = "2016-06-30", ["reason"] = "Projektet avslutat under budget" });
        Long(await release.ExpectJsonAsync(HttpStatusCode.Created), "amount").Should().Be(30_000);
        Long(await Report(kansli, "2016-12-31"), "room").Should().Be(roomBefore + 330_000);
        (await kansli.PostJsonAsync($"/api/economy/commitments/{readyCommitment}/release",
            new JsonObject { ["date"] = "2016-07-01", ["reason"] = "igen" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var bad = await kansli.PostJsonAsync($"/api/economy/commitments/{readyCommitment}/release", new JsonObject());
        (await bad.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().BeEquivalentTo("date", "reason");
    }

    private async Task<Guid> ApplicationAsync(string nameStart)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        return (await db.Applications.AsNoTracking().Where(a => a.ReceivedAt != null).ToListAsync()).Single(a => a.ProjectName.StartsWith(nameStart, StringComparison.Ordinal)).Id;
    }

    private async Task SetStateAsync(Guid id, string state)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        await db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, state));
    }

    /// <summary>As the board's adjustment does: every registered listener in one scope, then one save.</summary>
    private async Task PublishAsync(IEnumerable<ApplicationDecisionTaken> decisions)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var listeners = scope.ServiceProvider.GetServices<IDecisionListener>().ToList();
        listeners.Should().Contain(l => l is Grants.Economy.CommitmentListener);
        foreach (var d in decisions)
            foreach (var l in listeners) await l.OnDecisionTakenAsync(d, default);
        await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().SaveChangesAsync();
    }

    private ApplicationDecisionTaken Decision(Guid applicationId, int paragraph, DecisionKind kind, IReadOnlyList<GrantedAmount> granted, DecisionCondition? condition = null, Guid? meeting = null, DateOnly? date = null) =>
        new(applicationId, meeting ?? Meeting0423, date ?? April23, paragraph, kind, granted, condition is null ? [] : [condition], null, null, null,
            app.Time.GetUtcNow(), new Actor("board-secretary", "Sekreteraren", "Kansli"));

    private static async Task<JsonObject> Report(HttpClient client, string asOf) =>
        await (await client.GetAsync($"/api/economy/report?asOf={asOf}")).ExpectJsonAsync(HttpStatusCode.OK);

    private static async Task<Guid> CommitmentOf(HttpClient client, Guid applicationId) =>
        JsonNode.Parse(await client.GetStringAsync("/api/economy/commitments"))!.AsArray()
            .Single(c => c!["applicationId"]?.GetValue<Guid>() == applicationId)!["id"]!.GetValue<Guid>();
}
