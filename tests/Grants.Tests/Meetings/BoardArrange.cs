using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Meetings;

/// <summary>What a real förbund does before a board meeting, through the API as its users would.</summary>
public static class BoardArrange
{
    public sealed record Board(Guid Chair, Guid Vice, Guid Adjuster, Guid Secretary, IReadOnlyList<(Guid Id, Guid? Replaces)> Deciding);

    /// <summary>A fictional board for Skellefteå-Norsjö, 2015–2018: a ledamot and an ersättare per member; the demo Styrelse user is the ordförande.</summary>
    public static async Task<Board> BoardAsync(HttpClient kansli)
    {
        // Tests sharing a fixture share the board: the first one registers it.
        var existing = (await kansli.GetFromJsonAsync<JsonArray>("/api/board/members"))!.Select(m => m!.AsObject())
            .ToDictionary(m => m["name"]!.GetValue<string>(), Api.IdOf);
        async Task<Guid> Add(string name, string email, string? member, string role, string office = "None", Guid? deputyFor = null)
        {
            if (existing.TryGetValue(name, out var known)) return known;
            var r = await kansli.PostAsJsonAsync("/api/board/members", new
            {
                name, email, memberKey = member, role, office, deputyForId = deputyFor, termStart = "2015-04-01", termEnd = "2030-03-31",
            });
            return Api.IdOf(await r.ExpectJsonAsync(HttpStatusCode.Created));
        }
        var chair = await Add("Bodil Almqvist", Login.Board, "skelleftea", "Ledamot", "Ordforande");
        var vice = await Add("Anders Vikström", "anders.vikstrom@test.example", "fk", "Ledamot", "ViceOrdforande");
        var adjuster = await Add("Karl Andersén", "karl.andersen@test.example", "norsjo", "Ledamot");
        var af = await Add("Maria Lindqvist", "maria.lindqvist@test.example", "af", "Ledamot");
        var region = await Add("Per Holmgren", "per.holmgren@test.example", "region-vb", "Ledamot");
        var deputyAf = await Add("Carin Marklöf", "carin.marklof@test.example", "af", "Ersattare", deputyFor: af);
        var deputyRegion = await Add("Jonas Söderlund", "jonas.soderlund@test.example", "region-vb", "Ersattare", deputyFor: region);
        await Add("Camilla Hedberg", "camilla.hedberg@test.example", "skelleftea", "Ersattare", deputyFor: chair);
        var secretary = await Add("Stefan Bergkvist", "stefan.bergkvist@test.example", null, "Forbundschef");
        return new Board(chair, vice, adjuster, secretary, [(chair, null), (vice, null), (adjuster, null), (deputyAf, af), (deputyRegion, region)]);
    }

    public sealed record Demo(Dictionary<string, Guid> Ids);

    /// <summary>
    /// The eight demo applications to the LSG's statement as in seeds/004: Migrantmödrar is submitted by its applicant,
    /// every case goes through beredning to the LSG, which tillstyrker READY, Knut'n, VIA and Aktiv uppföljning and
    /// avstyrker the other four.
    /// </summary>
    public static async Task<Dictionary<string, Guid>> DemoApplicationsToLsgAsync(Func<string, Task<HttpClient>> login, HttpClient kansli)
    {
        var applicant = await login(Login.Applicant);
        var list = await kansli.GetFromJsonAsync<JsonArray>("/api/applications");
        var ids = list!.Select(a => a!.AsObject()).ToDictionary(a => a["projectName"]!.GetValue<string>(), a => (Api.IdOf(a), a["state"]!.GetValue<string>()));
        var migrant = ids.Single(i => i.Key.StartsWith("Migrantm"));
        if (migrant.Value.Item2 == "utkast") (await applicant.SubmitAsync(migrant.Value.Item1)).StatusCode.Should().Be(HttpStatusCode.OK);

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
        foreach (var (name, (id, _)) in ids)
        {
            foreach (var trigger in new[] { "paborja-beredning", "remittera-lsg" })
                (await kansli.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger })).StatusCode.Should().Be(HttpStatusCode.OK, $"{name} {trigger}");
            var reason = reasons.FirstOrDefault(r => name.StartsWith(r.Key)).Value;
            var statement = await kansli.PostAsJsonAsync($"/api/applications/{id}/lsg-statements",
                new { meetingId = lsgMeetingId, recommendation = reason is null ? "Recommend" : "AdviseAgainst", reason });
            statement.StatusCode.Should().Be(HttpStatusCode.Created, await statement.Content.ReadAsStringAsync());
            result[Key(name)] = id;
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
}
