using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Tests.Infrastructure;
using static Grants.Tests.Meetings.BoardArrange;

namespace Grants.Tests.Meetings;

/// <summary>
/// The § series: numbered only after a confirmation, only with every decision recorded, in meeting-date order,
/// from a first number that locks once used; justering from the meeting day (Stockholm). Each test is the attack,
/// now refused, with nothing written. Dates are laid after every numbered meeting, so the tests run in any order.
/// </summary>
public sealed class NumberingTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private static async Task<JsonObject> MeetingAsync(HttpClient kansli, Guid id) => (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}"))!;

    [Fact]
    public async Task Meetings_numbered_at_the_same_moment_never_share_a_number_and_the_series_stays_gapless()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var date = await AfterNumberedAsync(kansli, 30);
        var ids = new List<Guid>();
        for (var m = 0; m < 5; m++) ids.Add(await DecidedMeetingAsync(kansli, date, m));
        var numbered = await Task.WhenAll(ids.Select(async id =>
        {
            var client = await app.BearerClientAsync(Login.Secretariat);
            return await (await client.PostAsync($"/api/meetings/{id}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);
        }));
        var numbers = numbered.SelectMany(m => m["items"]!.AsArray().Select(i => i!["paragraphNumber"]!.GetValue<int>())).ToList();
        numbers.Should().OnlyHaveUniqueItems();
        numbers.Order().Should().Equal(Enumerable.Range(numbers.Min(), numbers.Count), "the series has no gaps");
        foreach (var m in numbered)
        {
            var own = m["items"]!.AsArray().Select(i => i!["paragraphNumber"]!.GetValue<int>()).ToList();
            own.Should().Equal(Enumerable.Range(own[0], own.Count), "each meeting's paragraphs follow each other");
        }
        (await kansli.PostAsync($"/api/meetings/{ids[0]}/number", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "numbering twice is refused");
    }

    [Fact]
    public async Task Numbering_is_refused_while_an_item_lacks_its_decision_and_a_tabled_item_gets_its_paragraph()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var id = Api.IdOf(await CreateMeetingAsync(kansli, (await AfterNumberedAsync(kansli, 60)).ToString("yyyy-MM-dd")));
        var open = Api.IdOf(await AddItemAsync(kansli, id, new { kind = "Free", title = "Ärende utan beslut" }));
        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", new
        {
            deciding = board.Deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }), chairId = board.Chair, adjusterIds = new[] { board.Adjuster },
        })).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var item in (await MeetingAsync(kansli, id))["items"]!.AsArray().Select(i => Api.IdOf(i!.AsObject())).Where(i => i != open))
            await DecideAsync(kansli, id, item, Decided(Clause("Note", "att notera informationen.")));
        var before = await kansli.GetStringAsync($"/api/meetings/{id}");
        var preview = await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}/number");

        var refused = await kansli.PostAsync($"/api/meetings/{id}/number", null);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Beslut saknas för").And.Contain("Ärende utan beslut");
        (await kansli.GetStringAsync($"/api/meetings/{id}")).Should().Be(before, "nothing is written");
        (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}/number"))!["items"]![0]!["paragraph"]!.GetValue<int>()
            .Should().Be(preview!["items"]![0]!["paragraph"]!.GetValue<int>(), "no number was used up");

        await DecideAsync(kansli, id, open, new { outcome = "Tabled" });
        var numbered = await (await kansli.PostAsync($"/api/meetings/{id}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);
        numbered["items"]!.AsArray().Single(i => Api.IdOf(i!.AsObject()) == open)!["paragraphNumber"]!.GetValue<int>()
            .Should().Be(preview["items"]!.AsArray().Single(i => i!["itemId"]!.GetValue<Guid>() == open)!["paragraph"]!.GetValue<int>(), "the confirmation showed the § it got");
    }

    [Fact]
    public async Task A_meeting_dated_before_an_already_numbered_later_meeting_cannot_take_numbers()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var later = await DecidedMeetingAsync(kansli, await AfterNumberedAsync(kansli, 20));
        var earlier = await DecidedMeetingAsync(kansli, await AfterNumberedAsync(kansli, 10));
        var numbered = await (await kansli.PostAsync($"/api/meetings/{later}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);

        var before = await kansli.GetStringAsync($"/api/meetings/{earlier}");
        var refused = await kansli.PostAsync($"/api/meetings/{earlier}/number", null);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("kan inte numreras").And.Contain(numbered["date"]!.GetValue<string>())
            .And.Contain("följer sammanträdenas datum");
        (await kansli.GetStringAsync($"/api/meetings/{earlier}")).Should().Be(before);

        // The confirmation page shows the refusal and offers no button.
        var page = await (await app.CookieClientAsync(Login.Secretariat)).GetStringAsync($"/Minutes/Number/{earlier}");
        page.Should().Contain("följer sammanträdenas datum").And.NotContain("Bekräfta och numrera");
    }

    [Fact]
    public async Task The_confirmation_page_lists_each_paragraph_and_a_changed_agenda_since_the_confirmation_is_refused()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var id = await DecidedMeetingAsync(kansli, await AfterNumberedAsync(kansli, 40), 1);
        var page = await app.CookieClientAsync(Login.Secretariat);
        var html = await page.GetStringAsync($"/Minutes/Number/{id}");
        var preview = (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}/number"))!;
        foreach (var line in preview["items"]!.AsArray())
            html.Should().Contain($"§ {line!["paragraph"]!.GetValue<int>()}").And.Contain(line["title"]!.GetValue<string>());
        html.Should().Contain("Bekräfta och numrera");

        // The agenda changes after the page was shown: the confirmed numbering is refused.
        var token = Login.AntiforgeryToken(html);
        var version = preview["version"]!.GetValue<int>();
        await DecideAsync(kansli, id, preview["items"]![0]!["itemId"]!.GetValue<Guid>(), Decided(Clause("Approve", "att godkänna informationen.")));
        var stale = await page.PostAsync($"/Minutes/Number/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = version.ToString() }));
        stale.StatusCode.Should().Be(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).Should().Contain("har ändrats sedan du granskade");
        (await MeetingAsync(kansli, id))["state"]!.GetValue<string>().Should().Be("Planned");

        html = await page.GetStringAsync($"/Minutes/Number/{id}");
        version = (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}/number"))!["version"]!.GetValue<int>();
        var done = await page.PostAsync($"/Minutes/Number/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Login.AntiforgeryToken(html), ["version"] = version.ToString() }));
        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await MeetingAsync(kansli, id))["state"]!.GetValue<string>().Should().Be("Numbered");

        // Only the kansli numbers.
        foreach (var who in new[] { Login.Board, Login.Admin, Login.Applicant })
            (await (await app.CookieClientAsync(who)).GetAsync($"/Minutes/Number/{id}")).Headers.Location?.ToString().Should().Contain("/Account/Denied", who);
    }

    [Fact]
    public async Task The_first_paragraph_number_is_locked_once_any_paragraph_exists()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var id = await DecidedMeetingAsync(kansli, await AfterNumberedAsync(kansli, 50));
        await (await kansli.PostAsync($"/api/meetings/{id}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);

        var admin = await app.BearerClientAsync(Login.Admin);
        var profile = (await admin.GetFromJsonAsync<JsonObject>("/api/association"))!;
        var first = profile["firstParagraphNumber"]!.GetValue<int>();
        profile["firstParagraphNumber"] = 1;
        var refused = await admin.PutAsJsonAsync("/api/association", profile);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Första paragrafnummer är låst");
        (await admin.GetFromJsonAsync<JsonObject>("/api/association"))!["firstParagraphNumber"]!.GetValue<int>().Should().Be(first);
        // The rest of the profile can still be saved.
        profile["firstParagraphNumber"] = first;
        (await admin.PutAsJsonAsync("/api/association", profile)).StatusCode.Should().Be(HttpStatusCode.OK);
        // The page shows the number read-only.
        var page = await (await app.CookieClientAsync(Login.Admin)).GetStringAsync("/Association/Profile");
        page.Should().Contain("Låst: paragrafserien har börjat");
    }

    [Fact]
    public async Task Justering_opens_on_the_meeting_day_in_Stockholm_and_not_before()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var date = await AfterNumberedAsync(kansli, 70);
        var id = await DecidedMeetingAsync(kansli, date);
        await (await kansli.PostAsync($"/api/meetings/{id}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);

        // 23:00 Stockholm the evening before (22:00 UTC in winter, 21:00 in summer): still the day before.
        var evening = new DateTimeOffset(date.AddDays(-1).ToDateTime(new TimeOnly(23, 0)), TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm").GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));
        app.Time.SetUtcNow(evening.ToUniversalTime());
        kansli = await app.BearerClientAsync(Login.Secretariat);
        var styrelse = await app.BearerClientAsync(Login.Board);
        var early = await styrelse.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { });
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).Should().Contain("från och med sammanträdesdagen");
        (await kansli.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { boardMemberId = board.Chair })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await MeetingAsync(kansli, id))["signatures"]!.AsArray().Should().BeEmpty();
        var chairPage = await (await app.CookieClientAsync(Login.Board)).GetStringAsync($"/Meetings/Meeting/{id}");
        chairPage.Should().NotContain("Justera protokollet som").And.Contain("kan justeras från och med sammanträdesdagen");
        (await (await app.CookieClientAsync(Login.Secretariat)).GetStringAsync($"/Meetings/Meeting/{id}")).Should().NotContain("Registrera underskrift");

        // Two hours later it is the meeting day in Stockholm (though not yet in UTC in summer): the chair signs.
        app.Time.SetUtcNow(evening.ToUniversalTime().AddHours(2));
        styrelse = await app.BearerClientAsync(Login.Board);
        (await (await app.CookieClientAsync(Login.Board)).GetStringAsync($"/Meetings/Meeting/{id}")).Should().Contain("Justera protokollet som");
        (await styrelse.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
