using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Meetings;
using Grants.Minutes;
using Grants.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Meetings.BoardArrange;

namespace Grants.Tests.Meetings;

/// <summary>
/// Jäv names a board member, who is then not among the deciding for the § and cannot adjust the minutes; decisions
/// wait until the board is beslutför. Each test is the attack that found the gap, now refused with nothing written.
/// </summary>
public sealed class RecusalAndQuorumTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private static object Attendance(Board board, IEnumerable<(Guid Id, Guid? Replaces)> deciding, Guid adjuster) => new
    {
        deciding = deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }), chairId = board.Chair, adjusterIds = new[] { adjuster },
    };

    private static async Task<JsonObject> ItemAsync(HttpClient kansli, Guid meeting, Guid item) =>
        (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{meeting}"))!["items"]!.AsArray().Select(i => i!.AsObject()).Single(i => Api.IdOf(i) == item);

    [Fact]
    public async Task Jav_as_free_text_or_naming_someone_not_deciding_or_the_justerare_is_refused_and_nothing_is_written()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var id = Api.IdOf(await CreateMeetingAsync(kansli, "2026-03-10"));
        var item = Api.IdOf(await AddItemAsync(kansli, id, new { kind = "Free", title = "Bidrag till Norsjö kommun" }));
        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", Attendance(board, board.Deciding, board.Adjuster))).ExpectJsonAsync(HttpStatusCode.OK);
        var elin = (await kansli.GetFromJsonAsync<JsonArray>("/api/board/members"))!.Select(m => m!.AsObject()).Single(m => m["name"]!.GetValue<string>() == "Elin Ersättare");

        // The old free-text shape: a name, no member.
        var freeText = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{item}/decision",
            new { outcome = "Decided", clauses = new[] { Clause("Other", "att bevilja") }, recusals = new[] { new { name = "Nora Nordin", text = "anställd" } } });
        (await freeText.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().Equal("recusals[0].boardMemberId");
        // A member who is not among the meeting's deciding cannot leave the item.
        var notDeciding = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{item}/decision",
            new { outcome = "Decided", clauses = new[] { Clause("Other", "att bevilja") }, recusals = new[] { new { boardMemberId = Api.IdOf(elin) } } });
        (await notDeciding.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().Equal("recusals[0].boardMemberId");
        // The justerare adjusts every §: jäv for her is refused until someone else is chosen.
        var adjuster = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{item}/decision",
            new { outcome = "Decided", clauses = new[] { Clause("Other", "att bevilja") }, recusals = new[] { new { boardMemberId = board.Adjuster, reason = "anställd i Norsjö kommun" } } });
        var errors = await adjuster.ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors["recusals[0].boardMemberId"].Single().Should().Contain("Nora Nordin").And.Contain("justera");

        (await ItemAsync(kansli, id, item))["decision"]!["recorded"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task A_recused_member_is_left_out_of_the_deciding_for_the_paragraph_and_cannot_be_made_justerare_afterwards()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var id = Api.IdOf(await CreateMeetingAsync(kansli, "2026-03-11"));
        var item = Api.IdOf(await AddItemAsync(kansli, id, new { kind = "Free", title = "Bidrag till Norsjö kommun" }));
        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", Attendance(board, board.Deciding, board.Vice))).ExpectJsonAsync(HttpStatusCode.OK);
        await DecideAsync(kansli, id, item, new
        {
            outcome = "Decided", clauses = new[] { Clause("Other", "att bevilja Norsjö kommun medel") },
            recusals = new[] { new { boardMemberId = board.Adjuster, reason = "anställd i Norsjö kommun" } },
        });

        // Naming her justerare now is refused; the attendance stays as it was.
        var before = await kansli.GetStringAsync($"/api/meetings/{id}");
        var swap = await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", Attendance(board, board.Deciding, board.Adjuster));
        (await swap.ExpectProblemAsync(HttpStatusCode.BadRequest))["adjusterIds[0]"].Single().Should().Contain("Nora Nordin har anmält jäv");
        (await kansli.GetStringAsync($"/api/meetings/{id}")).Should().Be(before);

        await using var scope = app.Services.CreateAsyncScope();
        var minutes = (await scope.ServiceProvider.GetRequiredService<IMinutesSource>().ForMeetingAsync(id, default))!;
        var paragraph = minutes.Paragraphs.Single(p => p.Title == "Bidrag till Norsjö kommun");
        paragraph.Notes.Should().Contain("Nora Nordin anmälde jäv och deltog inte i handläggningen av ärendet (anställd i Norsjö kommun).")
            .And.Contain("Beslutande i ärendet: Stina Styrelse, Viktor Vice, Amir Aziz, Ronja Rask.");
    }

    [Fact]
    public async Task Decisions_wait_until_the_board_is_quorate_and_a_jav_that_breaks_the_quorum_is_refused()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var id = Api.IdOf(await CreateMeetingAsync(kansli, "2026-03-12"));
        var item = Api.IdOf(await AddItemAsync(kansli, id, new { kind = "Free", title = "Ärende" }));
        var decision = Decided(Clause("Other", "att besluta"));

        // No attendance yet: nobody is recorded as deciding.
        var none = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{item}/decision", decision);
        (await none.Content.ReadAsStringAsync()).Should().Contain("inte beslutför").And.Contain("0 av 5");
        none.StatusCode.Should().Be(HttpStatusCode.Conflict);
        // Two of five ledamöter: not more than half.
        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", Attendance(board, board.Deciding.Take(2), board.Vice))).ExpectJsonAsync(HttpStatusCode.OK);
        var two = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{item}/decision", decision);
        two.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await two.Content.ReadAsStringAsync()).Should().Contain("2 av 5").And.Contain("minst 3");
        (await ItemAsync(kansli, id, item))["decision"]!["recorded"]!.GetValue<bool>().Should().BeFalse();

        // Three (an ersättare serving for an absent ledamot counts for the seat): quorate, until one of them is jävig.
        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", Attendance(board, [.. board.Deciding.Take(2), board.Deciding[3]], board.Vice))).ExpectJsonAsync(HttpStatusCode.OK);
        var javBreaks = await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{item}/decision",
            new { outcome = "Decided", clauses = new[] { Clause("Other", "att besluta") }, recusals = new[] { new { boardMemberId = board.Deciding[3].Id } } });
        javBreaks.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await javBreaks.Content.ReadAsStringAsync()).Should().Contain("inte beslutför i ärendet");
        (await ItemAsync(kansli, id, item))["decision"]!["recorded"]!.GetValue<bool>().Should().BeFalse();
        await DecideAsync(kansli, id, item, decision);
        foreach (var other in (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}"))!["items"]!.AsArray().Select(i => Api.IdOf(i!.AsObject())).Where(i => i != item))
            await DecideAsync(kansli, id, other, decision);
        await (await kansli.PostAsync($"/api/meetings/{id}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);

        // The attendance shrinks after the decisions: adjustment checks every § again and nothing is signed.
        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", Attendance(board, board.Deciding.Take(2), board.Vice))).ExpectJsonAsync(HttpStatusCode.OK);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 12, 16, 0, 0, TimeSpan.Zero));
        kansli = await app.BearerClientAsync(Login.Secretariat);
        var sign = await kansli.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { boardMemberId = board.Chair });
        sign.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await sign.Content.ReadAsStringAsync()).Should().Contain("inte beslutför");
        var stored = (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}"))!;
        stored["signatures"]!.AsArray().Should().BeEmpty();
        stored["state"]!.GetValue<string>().Should().Be("Numbered");
    }

    [Theory]
    [InlineData(QuorumRule.MoreThanHalf, 5, 3)]
    [InlineData(QuorumRule.MoreThanHalf, 4, 3)]
    [InlineData(QuorumRule.AtLeastHalf, 5, 3)]
    [InlineData(QuorumRule.AtLeastHalf, 4, 2)]
    [InlineData(QuorumRule.All, 5, 5)]
    public void The_quorum_setting_says_how_many_seats_must_be_filled(QuorumRule rule, int seats, int required) =>
        Quorum.Required(seats, rule).Should().Be(required);
}
