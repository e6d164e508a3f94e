using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Economy;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Meetings;
using Grants.Minutes;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Meetings.BoardArrange;

namespace Grants.Tests.Minutes;

/// <summary>
/// The demo förbund's planned meeting (READY, Knut'n 2.0, VIA, Orienteringskurs on the agenda), decided, numbered
/// and adjusted through the API once, with what the tests look at recorded on the way: the kallelse, the decision
/// page as prefilled, the room before and after adjustment, and the applicant's view before adjustment.
/// </summary>
public sealed class AdjustedDemoMeeting : GrantsApp
{
    public const string TypedMotivation = "kursen når för få deltagare i förhållande till kostnaden";
    public static readonly DateOnly ConditionDeadline = new(2026, 9, 30);

    public Guid MeetingId { get; private set; }
    public DateOnly MeetingDate { get; private set; }
    public Dictionary<string, Guid> Apps { get; } = [];
    public Dictionary<string, int> Paragraphs { get; } = [];
    public string ProposalOrienteringskurs { get; private set; } = "";
    public IReadOnlyList<string> ProposalVia { get; private set; } = [];
    public string Notice { get; private set; } = "";
    public string DecisionPage { get; private set; } = "";
    public Dictionary<string, string[]> RepeatedMotivationErrors { get; private set; } = [];
    public bool RecordedAfterRepeatedMotivation { get; private set; }
    public RoomForecastResult RoomDecided { get; private set; } = new(default, null, []);
    public RoomForecastResult RoomAdjusted { get; private set; } = new(default, null, []);
    public long? RoomOfTheDayBefore { get; private set; }
    public long? RoomOfTheDayAfter { get; private set; }
    public HttpStatusCode ApplicantBeforeAdjustment { get; private set; }
    public MinutesDocument Minutes { get; private set; } = null!;
    public List<OutboxMail> Mails { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var kansli = await BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var meeting = (await kansli.GetFromJsonAsync<JsonArray>("/api/meetings"))!.Select(m => m!.AsObject()).Single(m => m["state"]!.GetValue<string>() == "Planned");
        MeetingId = Api.IdOf(meeting);
        MeetingDate = DateOnly.Parse(meeting["date"]!.GetValue<string>());
        var all = (await kansli.ListAllApplicationsAsync()).Select(a => a!.AsObject()).ToList();
        foreach (var key in new[] { "READY", "Knut", "VIA", "Orienteringskurs" })
            Apps[key] = Api.IdOf(all.Single(a => a["projectName"]!.GetValue<string>().StartsWith(key, StringComparison.Ordinal)));
        var items = (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{MeetingId}"))!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        JsonObject ItemOf(string key) => items.Single(i => i["applicationId"]?.GetValue<Guid>() == Apps[key]);
        ProposalOrienteringskurs = ItemOf("Orienteringskurs")["proposal"]![0]!.GetValue<string>();
        ProposalVia = ItemOf("VIA")["proposal"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Notice = await kansli.GetStringAsync($"/api/meetings/{MeetingId}/notice.txt");
        var page = await CookieClientAsync(Login.Secretariat);
        DecisionPage = await page.GetStringAsync($"/Meetings/Item/{MeetingId}/{Api.IdOf(ItemOf("Orienteringskurs"))}");

        await (await kansli.PutAsJsonAsync($"/api/meetings/{MeetingId}/attendance", new
        {
            deciding = board.Deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }), chairId = board.Chair, secretaryId = board.Secretary,
            adjusterIds = new[] { board.Adjuster },
        })).ExpectJsonAsync(HttpStatusCode.OK);

        // The attack: the motivation written twice (in the clause and in its field), the two texts differing.
        var repeated = await kansli.PutAsJsonAsync($"/api/meetings/{MeetingId}/items/{Api.IdOf(ItemOf("Orienteringskurs"))}/decision", Decided(new
        {
            kind = "Reject", motivation = TypedMotivation, text = ProposalOrienteringskurs,
        }));
        RepeatedMotivationErrors = await repeated.ExpectProblemAsync(HttpStatusCode.BadRequest);
        RecordedAfterRepeatedMotivation = (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{MeetingId}"))!["items"]!.AsArray()
            .Single(i => i!["applicationId"]?.GetValue<Guid>() == Apps["Orienteringskurs"])!["decision"]!["recorded"]!.GetValue<bool>();

        foreach (var item in items)
        {
            var id = Api.IdOf(item);
            object decision = item["applicationId"]?.GetValue<Guid>() switch
            {
                { } a when a == Apps["Orienteringskurs"] => Decided(new { kind = "Reject", motivation = TypedMotivation, text = "att avslå ansökan om medfinansiering av projektet Orienteringskurs i samverkan." }),
                { } a when a == Apps["VIA"] => Decided(
                    new { kind = "Grant", text = "att bevilja Medlefors folkhögskola 600 000 kronor för projektet VIA", amounts = new[] { new { year = 2026, amount = 300_000 }, new { year = 2027, amount = 300_000 } } },
                    new { kind = "Condition", funder = "Europeiska socialfonden", deadline = ConditionDeadline.ToString("yyyy-MM-dd"),
                        text = "att samordningsförbundets medfinansiering sker under förutsättning att Medlefors folkhögskola beviljas ansökta medel från Europeiska socialfonden" }),
                { } a when a == Apps["READY"] => Decided(new { kind = "Grant", text = "att bevilja Skellefteå kommun 430 000 kronor för projektet READY.", amounts = new[] { new { year = 2026, amount = 430_000 } } }),
                { } a when a == Apps["Knut"] => new { outcome = "Tabled" },
                _ => Decided(Clause("Note", "att notera informationen.")),
            };
            await DecideAsync(kansli, MeetingId, id, decision);
        }
        RoomDecided = await RoomAsync();
        var numbered = await (await kansli.PostAsync($"/api/meetings/{MeetingId}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var item in numbered["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => i["applicationId"] is not null))
            Paragraphs[Apps.Single(a => a.Value == item["applicationId"]!.GetValue<Guid>()).Key] = item["paragraphNumber"]!.GetValue<int>();
        Paragraphs["justerare"] = numbered["items"]![1]!["paragraphNumber"]!.GetValue<int>();
        ApplicantBeforeAdjustment = (await (await CookieClientAsync(Login.Applicant)).GetAsync($"/Minutes/Extract/{MeetingId}/{Paragraphs["READY"]}")).StatusCode;

        Time.SetUtcNow(new DateTimeOffset(MeetingDate.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        kansli = await BearerClientAsync(Login.Secretariat);
        await (await kansli.PostAsJsonAsync($"/api/meetings/{MeetingId}/signatures", new { boardMemberId = board.Chair })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await kansli.PostAsJsonAsync($"/api/meetings/{MeetingId}/signatures", new { boardMemberId = board.Adjuster })).ExpectJsonAsync(HttpStatusCode.OK);
        RoomAdjusted = await RoomAsync();

        await using var scope = Services.CreateAsyncScope();
        Minutes = (await scope.ServiceProvider.GetRequiredService<IMinutesSource>().ForMeetingAsync(MeetingId, default))!;
        // A PDF conversion that times out under load leaves its notice for the next sweep (DOCX after PdfAttempts): sweep until done.
        var step = scope.ServiceProvider.GetServices<Grants.Shared.ISweepStep>().OfType<DecisionNoticeStep>().Single();
        for (var sweep = 0; sweep <= DecisionNoticeStep.PdfAttempts; sweep++) await step.RunAsync(Time.GetUtcNow(), default);
        Mails.AddRange(await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.AsNoTracking().Where(m => m.Key.StartsWith("decision-notice:")).ToListAsync());
    }

    private async Task<RoomForecastResult> RoomAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var meeting = (await scope.ServiceProvider.GetRequiredService<MeetingQueries>().GetAsync(MeetingId, default))!;
        var ofTheDay = await scope.ServiceProvider.GetRequiredService<IEconomicRoom>().CurrentAsync(MeetingDate, default);
        if (meeting.State == MeetingState.Adjusted) RoomOfTheDayAfter = ofTheDay;
        else RoomOfTheDayBefore = ofTheDay;
        return await scope.ServiceProvider.GetRequiredService<AgendaRoom>().ForAsync(meeting, default);
    }
}
