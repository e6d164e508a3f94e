using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Minutes;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Meetings.BoardArrange;

namespace Grants.Tests.Meetings;

/// <summary>Bad input, tabling and referral back, the adjustment reminder, and who may sign.</summary>
public sealed class MeetingRulesTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Bad_input_is_answered_400_naming_each_field_and_nothing_is_written()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var bad = await kansli.PostAsJsonAsync("/api/meetings", new { date = "2026-06-01", startTime = "15:00", endTime = "14:00", place = "" });
        (await bad.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().BeEquivalentTo("endTime", "place");
        var wrongType = await kansli.PostAsync("/api/meetings", Api.Json("{\"date\":\"i morgon\"}"));
        (await wrongType.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().Equal("date");

        var id = Api.IdOf(await CreateMeetingAsync(kansli, "2026-06-02"));
        var item = Api.IdOf(await AddItemAsync(kansli, id, new { kind = "Free", title = "Ärende" }));
        var decision = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{item}/decision", new
        {
            outcome = "Decided",
            clauses = new object[] { new { kind = "Grant", text = "att bevilja", amounts = new[] { new { year = 1999, amount = -5 } } }, new { text = "att" } },
            reservations = new[] { new { name = "" } },
        });
        (await decision.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().BeEquivalentTo(
            "clauses[0].amounts[0].year", "clauses[0].amounts[0].amount", "clauses[1].kind", "clauses[1].text", "reservations[0].name");
        var board = await kansli.PostAsJsonAsync("/api/board/members", new { name = "X", email = "inte-en-adress", role = "Ersattare", office = "Ordforande", termStart = "2026-01-01", termEnd = "2025-01-01" });
        (await board.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().BeEquivalentTo("email", "memberKey", "office", "termEnd");
        var deputy = await kansli.PostAsJsonAsync("/api/board/members", new { name = "Petra Persson", email = "Petra.Persson@test.example", memberKey = "norsjo", role = "Ersattare", termStart = "2026-01-01", termEnd = "2026-12-31" });
        (await deputy.ExpectJsonAsync(HttpStatusCode.Created))["email"]!.GetValue<string>().Should().Be("petra.persson@test.example");
        var move = await kansli.PostAsJsonAsync($"/api/meetings/{id}/items/{item}/move", new { position = 1 });
        (await move.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().Equal("position");
        (await kansli.GetAsync($"/api/meetings/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var stored = await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}");
        stored!["items"]!.AsArray().Single(i => Api.IdOf(i!.AsObject()) == item)!["decision"]!["recorded"]!.GetValue<bool>().Should().BeFalse();
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().BoardMembers.AnyAsync(m => m.Name == "X")).Should().BeFalse();
    }

    [Fact]
    public async Task Tabled_and_referred_back_applications_move_in_their_workflow_and_a_tabled_one_returns_to_a_later_agenda()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var apps = await DemoApplicationsToLsgAsync(app.BearerClientAsync, kansli);
        var id = Api.IdOf(await CreateMeetingAsync(kansli, "2026-03-02"));
        var tabled = Api.IdOf(await AddItemAsync(kansli, id, new { kind = "Application", applicationId = apps["READY"] }));
        var referred = Api.IdOf(await AddItemAsync(kansli, id, new { kind = "Application", applicationId = apps["Knutn"] }));
        // An application already on an open agenda cannot be put on another.
        var other = Api.IdOf(await CreateMeetingAsync(kansli, "2026-03-03"));
        (await kansli.PostAsJsonAsync($"/api/meetings/{other}/items", new { kind = "Application", applicationId = apps["READY"] })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", new
        {
            deciding = board.Deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }), chairId = board.Chair, adjusterIds = new[] { board.Adjuster },
        })).ExpectJsonAsync(HttpStatusCode.OK);
        var noTarget = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{referred}/decision", new { outcome = "ReferredBack" });
        (await noTarget.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().Equal("referBackTo");
        var both = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{referred}/decision", Decided(Clause("Approve", "att godkänna")));
        (await both.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().Equal("clauses");
        await DecideAsync(kansli, id, tabled, new { outcome = "Tabled" });
        await DecideAsync(kansli, id, referred, new { outcome = "ReferredBack", referBackTo = "Lsg" });
        var detail = await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}");
        foreach (var item in detail!["items"]!.AsArray().Where(i => i!["decision"]!["recorded"]!.GetValue<bool>() == false))
            await DecideAsync(kansli, id, Api.IdOf(item!.AsObject()), Decided(Clause("Note", "att notera informationen.")));
        await (await kansli.PostAsync($"/api/meetings/{id}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);

        // A Styrelse login that is neither the chair nor a justerare may not sign; the chair may.
        var vice = await app.BearerClientAsync(Login.Board);
        await (await kansli.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { boardMemberId = board.Chair })).ExpectJsonAsync(HttpStatusCode.OK);
        (await vice.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict, "the chair (the demo Styrelse user) has signed already");
        await (await kansli.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { boardMemberId = board.Adjuster })).ExpectJsonAsync(HttpStatusCode.OK);

        (await kansli.GetApplicationAsync(apps["READY"]))["state"]!.GetValue<string>().Should().Be("bordlagd");
        (await kansli.GetApplicationAsync(apps["Knutn"]))["state"]!.GetValue<string>().Should().Be("hos-lsg");
        var later = Api.IdOf(await CreateMeetingAsync(kansli, "2026-04-02"));
        var again = await AddItemAsync(kansli, later, new { kind = "Application", applicationId = apps["READY"] });
        again["title"]!.GetValue<string>().Should().StartWith("Projekt READY");
        (await kansli.GetApplicationAsync(apps["READY"]))["state"]!.GetValue<string>().Should().Be("pa-foredragningslista");
    }

    [Fact]
    public async Task The_justerare_is_reminded_once_as_the_14_day_deadline_approaches_and_the_overview_warns()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var id = Api.IdOf(await CreateMeetingAsync(kansli, "2026-03-20"));
        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", new
        {
            deciding = board.Deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }), chairId = board.Chair, adjusterIds = new[] { board.Adjuster },
        })).ExpectJsonAsync(HttpStatusCode.OK);

        async Task<int> Sweep()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AdjustmentReminderStep>().RunAsync(app.Time.GetUtcNow(), default);
        }
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero));
        (await Sweep()).Should().Be(0, "the deadline 2026-04-03 is more than three days away");
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 31, 8, 0, 0, TimeSpan.Zero));
        (await Sweep()).Should().Be(1);
        (await Sweep()).Should().Be(0, "a reminder is sent once");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mail = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.SingleAsync(m => m.Key == $"justering-paminnelse:{id}");
            mail.To.Should().Contain("nora.nordin@demo.grants.se").And.Contain(Login.Board);
            mail.Subject.Should().Contain("senast 2026-04-03");
        }
        kansli = await app.BearerClientAsync(Login.Secretariat);
        var overview = await kansli.GetFromJsonAsync<JsonArray>("/api/meetings");
        overview!.Single(m => Api.IdOf(m!.AsObject()) == id)!["adjustmentWarning"]!.GetValue<string>().Should().Contain("senast 2026-04-03 (om 3 dagar)");
    }
}
