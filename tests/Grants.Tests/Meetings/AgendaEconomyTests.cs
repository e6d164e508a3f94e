using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Meetings;

/// <summary>The agenda reads the economy: "Ekonomisk rapport" prefilled from the report, and the room before and after each application.</summary>
public sealed class AgendaEconomyTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Economic_report_item_is_prefilled_and_the_meeting_page_shows_the_room_after_each_application()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var meetings = (await kansli.GetFromJsonAsync<JsonArray>("/api/meetings"))!;
        var meetingId = Api.IdOf(meetings.Select(m => m!.AsObject()).First(m => m["state"]!.ToString() == "Planned"));

        var added = await kansli.PostAsJsonAsync($"/api/meetings/{meetingId}/items", new { kind = "EconomicReport" });
        added.IsSuccessStatusCode.Should().BeTrue(await added.Content.ReadAsStringAsync());
        var meeting = (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{meetingId}"))!;
        var item = meeting["items"]!.AsArray().Select(i => i!.AsObject()).Last(i => i["kind"]!.ToString() == "EconomicReport");
        item["text"]!.ToString().Should().Contain("Det ekonomiska utrymmet för nya verksamheter och projekt under 2026 uppgår därmed till");
        item["proposal"]!.AsArray().Select(p => p!.ToString()).Should().Equal("att godkänna rapporten.");

        var page = await app.CookieClientAsync(Login.Secretariat);
        var html = await page.GetStringAsync($"/Meetings/Meeting/{meetingId}");
        html.Should().Contain("Ekonomiskt utrymme före och efter varje förslag").And.Contain("READY (sökt för 2026)").And.Contain("VIA");
        (await (await app.CookieClientAsync(Login.Board)).GetAsync($"/Meetings/Meeting/{meetingId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
