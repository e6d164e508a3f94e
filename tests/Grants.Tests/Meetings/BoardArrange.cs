using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Meetings;

/// <summary>What a real förbund does before a board meeting, through the API as its users would.</summary>
public static class BoardArrange
{
    public sealed record Board(Guid Chair, Guid Vice, Guid Adjuster, Guid Secretary, IReadOnlyList<(Guid Id, Guid? Replaces)> Deciding);

    /// <summary>The demo förbund's board (Demo/DemoBoard.cs, fictional): the demo Styrelse user is the ordförande.</summary>
    public static async Task<Board> BoardAsync(HttpClient kansli)
    {
        var members = (await kansli.GetFromJsonAsync<JsonArray>("/api/board/members"))!.Select(m => m!.AsObject())
            .ToDictionary(m => m["name"]!.GetValue<string>(), Api.IdOf);
        return new Board(members["Stina Styrelse"], members["Viktor Vice"], members["Nora Nordin"], members["Karin Kansli"],
        [
            (members["Stina Styrelse"], null), (members["Viktor Vice"], null), (members["Nora Nordin"], null),
            (members["Amir Aziz"], members["Arvid Ahlström"]), (members["Ronja Rask"], members["Rebecka Rudin"]),
        ]);
    }

    public sealed record Demo(Dictionary<string, Guid> Ids);

    /// <summary>
    /// The eight demo applications ready for a new agenda, as in seeds/004. The demo meeting holds five of them: the
    /// secretary takes them off its agenda. Migrantmödrar is submitted by its applicant; the three others not yet
    /// handled go through beredning to the LSG, which avstyrker them.
    /// </summary>
    public static async Task<Dictionary<string, Guid>> DemoApplicationsToLsgAsync(Func<string, Task<HttpClient>> login, HttpClient kansli)
    {
        var applicant = await login(Login.Applicant);
        // A draft is its organisation's own: the applicant sends Migrantmödrar in before the kansli can see it.
        var own = (await applicant.ListAllApplicationsAsync()).Select(a => a!.AsObject());
        if (own.SingleOrDefault(a => a["projectName"]!.GetValue<string>().StartsWith("Migrantm") && a["state"]!.GetValue<string>() == "utkast") is { } draft)
            (await applicant.SubmitAsync(Api.IdOf(draft))).StatusCode.Should().Be(HttpStatusCode.OK);
        var list = await kansli.ListAllApplicationsAsync();
        var ids = list.Select(a => a!.AsObject()).ToDictionary(a => a["projectName"]!.GetValue<string>(), a => (Api.IdOf(a), a["state"]!.GetValue<string>()));

        var lsgMeeting = await kansli.PostAsJsonAsync("/api/lsg/meetings", new { date = "2026-02-24", attendees = Array.Empty<Guid>() });
        var lsgMeetingId = Api.IdOf(await lsgMeeting.ExpectJsonAsync(HttpStatusCode.Created));
        var reasons = new Dictionary<string, string>
        {
            ["Orienteringskurs"] = "det låga antalet deltagare i förhållande till projektets kostnader",
            ["Växthuset"] = "att direkta bidrag till sociala företag inte ingår i förbundets stödstruktur",
            ["Solen"] = "att ansvaret för asylsökande ligger hos Migrationsverket",
            ["Migrantm"] = "att ansvaret för asylsökande ligger hos Migrationsverket",
        };
        var result = new Dictionary<string, Guid>();
        var onAgendas = new List<(Guid Meeting, JsonObject Item)>();
        foreach (var meeting in (await kansli.GetFromJsonAsync<JsonArray>("/api/meetings"))!.Select(m => Api.IdOf(m!.AsObject())))
            onAgendas.AddRange((await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{meeting}"))!["items"]!.AsArray().Select(i => (meeting, i!.AsObject())));
        foreach (var (name, (id, state)) in ids)
        {
            result[Key(name)] = id;
            if (state == "pa-foredragningslista")
            {
                var (meeting, item) = onAgendas.Single(i => i.Item["applicationId"]?.GetValue<Guid>() == id);
                (await kansli.DeleteAsync($"/api/meetings/{meeting}/items/{Api.IdOf(item)}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
                continue;
            }
            // The demo leaves one case already in the LSG's queue.
            foreach (var trigger in state == "hos-lsg" ? [] : new[] { "paborja-beredning", "remittera-lsg" })
                (await kansli.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger })).StatusCode.Should().Be(HttpStatusCode.OK, $"{name} {trigger}");
            var reason = reasons.FirstOrDefault(r => name.StartsWith(r.Key)).Value;
            var statement = await kansli.PostAsJsonAsync($"/api/applications/{id}/lsg-statements",
                new { meetingId = lsgMeetingId, recommendation = reason is null ? "Recommend" : "AdviseAgainst", reason });
            statement.StatusCode.Should().Be(HttpStatusCode.Created, await statement.Content.ReadAsStringAsync());
        }
        return result;
    }

    private static string Key(string projectName) => projectName switch
    {
        var n when n.StartsWith("READY", StringComparison.OrdinalIgnoreCase) => "READY",
        var n when n.StartsWith("Knut") => "Knutn",
        var n when n.StartsWith("Orienteringskurs") => "Orienteringskurs",
        var n when n.StartsWith("VIA") => "VIA",
        var n when n.StartsWith("Växthuset") => "Vaxthuset",
        var n when n.StartsWith("Aktiv") => "Aktiv",
        var n when n.StartsWith("Solen") => "Solen",
        var n when n.StartsWith("Migrantm") => "Migrantmodrar",
        _ => projectName,
    };

    public static async Task<JsonObject> CreateMeetingAsync(HttpClient kansli, string date, string start = "09:00", string end = "15:00") =>
        await (await kansli.PostAsJsonAsync("/api/meetings", new { date, startTime = start, endTime = end, place = "Förbundskansliet, Storgatan 1, Skellefteå" }))
            .ExpectJsonAsync(HttpStatusCode.Created);

    public static async Task<JsonObject> AddItemAsync(HttpClient kansli, Guid meetingId, object body) =>
        await (await kansli.PostAsJsonAsync($"/api/meetings/{meetingId}/items", body)).ExpectJsonAsync(HttpStatusCode.Created);

    public static async Task DecideAsync(HttpClient kansli, Guid meetingId, Guid itemId, object decision)
    {
        var r = await kansli.PutAsJsonAsync($"/api/meetings/{meetingId}/items/{itemId}/decision", decision);
        r.StatusCode.Should().Be(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    public static object Clause(string kind, string text) => new { kind, text };

    public static object Decided(params object[] clauses) => new { outcome = "Decided", clauses };

    /// <summary>A free date: <paramref name="days"/> after the latest meeting that has § numbers (or after 2026-06-01).</summary>
    public static async Task<DateOnly> AfterNumberedAsync(HttpClient kansli, int days)
    {
        var numbered = (await kansli.GetFromJsonAsync<JsonArray>("/api/meetings"))!.Select(m => m!.AsObject())
            .Where(m => m["state"]!.GetValue<string>() != "Planned").Select(m => DateOnly.Parse(m["date"]!.GetValue<string>()));
        return numbered.Append(new DateOnly(2026, 6, 1)).Max().AddDays(days);
    }

    /// <summary>A meeting with attendance registered (quorum, ordförande, justerare) and every item decided: ready to number.</summary>
    public static async Task<Guid> DecidedMeetingAsync(HttpClient kansli, DateOnly date, int extraItems = 0)
    {
        var board = await BoardAsync(kansli);
        var id = Api.IdOf(await CreateMeetingAsync(kansli, date.ToString("yyyy-MM-dd")));
        for (var i = 0; i < extraItems; i++) await AddItemAsync(kansli, id, new { kind = "Free", title = $"Ärende {i}" });
        await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", new
        {
            deciding = board.Deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }), chairId = board.Chair, adjusterIds = new[] { board.Adjuster },
        })).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var item in (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}"))!["items"]!.AsArray())
            await DecideAsync(kansli, id, Api.IdOf(item!.AsObject()), Decided(Clause("Note", "att notera informationen.")));
        return id;
    }
}
