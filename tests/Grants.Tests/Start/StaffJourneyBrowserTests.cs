using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grants.Tests.Infrastructure;
using Grants.Tests.Meetings;
using Microsoft.Playwright;
using static Grants.Tests.Start.Journey;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.Start;

/// <summary>
/// Two held meetings, numbered and waiting for the chair's justering (one per screen width), arranged once for the
/// class: the § series follows the meetings' dates, so they are numbered before any test numbers a later one.
/// </summary>
public sealed class StaffJourneyApp : BrowserApp
{
    public static readonly IReadOnlyDictionary<int, DateOnly> ChairMeetingDates = new Dictionary<int, DateOnly>
    {
        [1280] = new(2026, 2, 16),
        [Phone] = new(2026, 2, 17),
    };

    public Dictionary<int, Guid> ChairMeetings { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var kansli = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(BaseUrl) }, Login.Secretariat);
        foreach (var (width, date) in ChairMeetingDates)
        {
            var id = await BoardArrange.DecidedMeetingAsync(kansli, date);
            (await kansli.PostAsync($"/api/meetings/{id}/number", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            ChairMeetings[width] = id;
        }
    }
}

/// <summary>
/// The kansli's, the chair's and the admin's journeys walked from their start pages in Chromium at 1280 and 390 px:
/// axe-core, no sideways scrolling at 390 px and a screenshot at every step (<see cref="Journey"/>).
/// </summary>
public sealed class StaffJourneyBrowserTests(StaffJourneyApp app) : IClassFixture<StaffJourneyApp>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task Kansli_prepares_a_case_reads_the_agenda_previews_the_kallelse_and_confirms_the_numbering(int width)
    {
        // A new application from the demo applicant, and a meeting of its own with attendance and every decision recorded.
        var project = $"Beredningen {width}";
        var applicant = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, Login.Applicant);
        var draft = await applicant.CreateDraftAsync(Forms.Complete().Set("project.name", JsonValue.Create(project)));
        (await applicant.SubmitAsync(Api.IdOf(draft))).StatusCode.Should().Be(HttpStatusCode.OK);
        var kansli = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, Login.Secretariat);
        var date = await BoardArrange.AfterNumberedAsync(kansli, 7);
        var meeting = await BoardArrange.DecidedMeetingAsync(kansli, date);

        var page = await PageAsync(app, width);
        page.SetDefaultTimeout(60_000);
        await LogInAsync(page, Login.Secretariat);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Att göra");
        var task = page.Locator(".task", new() { HasText = project });
        await Expect(task).ToContainTextAsync("Inkommen");
        await Expect(page.Locator("h2", new() { HasText = "Styrelsens protokoll och sammanträden" })).ToBeVisibleAsync();
        await StepAsync(page, width, "kansli-01-start");

        // Prepare the case: the next step on the application page.
        await task.GetByRole(AriaRole.Link, new() { Name = project }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Påbörja beredning") }).ClickAsync();
        await Expect(page.Locator("section.workflow")).ToContainTextAsync("Status: Under beredning");
        await StepAsync(page, width, "kansli-02-case-prepared");

        // The agenda of the meeting, reached from the start page.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alla sammanträden" }).ClickAsync();
        await page.Locator($"a[href='/Meetings/Meeting/{meeting}']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Styrelsens sammanträde {date:yyyy-MM-dd}");
        await Expect(page.Locator("table#agenda tbody tr")).Not.ToHaveCountAsync(0);
        await StepAsync(page, width, "kansli-03-agenda");

        // The kallelse: every recipient's mail shown before it goes.
        await page.GetByRole(AriaRole.Link, new() { Name = "Förhandsgranska och skicka kallelsen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Förhandsgranska kallelsen" })).ToBeVisibleAsync();
        (await page.Locator("details.letter pre").First.InnerTextAsync()).Should().StartWith("Hej ").And.Contain("förhinder");
        await StepAsync(page, width, "kansli-04-kallelse-preview");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Skicka kallelsen till \d+ mottagare$") }).ClickAsync();
        await Expect(page.Locator("div.notice", new() { HasText = "Kallelsen är skickad" })).ToBeVisibleAsync();

        // Numbering: which item gets which §, confirmed on its own page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Granska och numrera paragraferna" }).ClickAsync();
        await Expect(page.Locator("table#numbering tbody tr").First).ToContainTextAsync("§ ");
        await StepAsync(page, width, "kansli-05-numbering-confirmation");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Bekräfta och numrera § \d+–\d+$") }).ClickAsync();
        await Expect(page.Locator("div.notice", new() { HasText = "Paragraferna är numrerade" })).ToBeVisibleAsync();
        await StepAsync(page, width, "kansli-06-numbered");
        (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{meeting}"))!["state"]!.GetValue<string>().Should().Be("Numbered");

        // The economy: the room for new projects first, then the chart with its value axis and its table.
        await page.Locator("nav a[href='/Economy']").ClickAsync();
        await Expect(page.Locator("h1 + #room-headline")).ToBeVisibleAsync();
        await Expect(page.Locator("#chart-years-svg-desc")).ToContainTextAsync("Värdeaxeln går från 0 till");
        await Expect(page.Locator("#chart-years-table caption")).ToContainTextAsync("diagrammets siffror");
        await StepAsync(page, width, "kansli-07-economy");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task Chair_finds_the_minutes_waiting_on_the_start_page_and_adjusts_them(int width)
    {
        var date = StaffJourneyApp.ChairMeetingDates[width];
        var page = await PageAsync(app, width);
        page.SetDefaultTimeout(60_000);
        await LogInAsync(page, Login.Board);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Att göra");
        var task = page.Locator(".task", new() { HasText = $"Justera protokollet från {date:yyyy-MM-dd}" });
        await Expect(task).ToContainTextAsync("Du är ordförande.");
        await StepAsync(page, width, "chair-01-start");

        await task.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Styrelsens sammanträde {date:yyyy-MM-dd}");
        await StepAsync(page, width, "chair-02-minutes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Justera protokollet som Stina Styrelse" }).ClickAsync();
        await Expect(page.Locator("div.notice", new() { HasText = "Underskriften är registrerad." })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Stina Styrelse, ordförande");
        await StepAsync(page, width, "chair-03-signed");

        // Back on the start page the task is done.
        await page.GotoAsync("/");
        await Expect(page.Locator(".task", new() { HasText = $"Justera protokollet från {date:yyyy-MM-dd}" })).ToHaveCountAsync(0);
        await StepAsync(page, width, "chair-04-start-after");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task Admin_lands_on_the_forbund_profile_and_reads_the_accounts_and_the_workflow_diagram(int width)
    {
        var page = await PageAsync(app, width);
        await LogInAsync(page, Login.Admin);
        // The admin has no tasks of their own: the start page leads to the förbund's profile.
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.EndsWith("/Association/Profile", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Organisationsnummer", Exact = true }).First).ToBeVisibleAsync();
        await StepAsync(page, width, "admin-01-profile");

        await page.Locator("nav a[href='/Account/Users']").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(Login.Applicant);
        await StepAsync(page, width, "admin-02-users");

        await page.Locator("nav a[href='/Workflow']").ClickAsync();
        await Expect(page.Locator("svg[role=img]").First).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("inga hinder");
        await StepAsync(page, width, "admin-03-workflow-diagram");
    }
}
