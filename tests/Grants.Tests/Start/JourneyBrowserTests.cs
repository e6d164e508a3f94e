using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grants.Tests.Infrastructure;
using Microsoft.Playwright;
using static Grants.Tests.Start.Journey;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.Start;

/// <summary>
/// The applicant's and the LSG's journeys walked from the start page in Chromium, on a desktop (1280 px) and a
/// phone (390 px): axe-core on every step, no sideways scrolling at 390 px and a screenshot per step (<see cref="Journey"/>).
/// </summary>
public sealed class JourneyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private sealed record MemberRow(Guid Id, string Email);
    private sealed record Created(Guid Id);

    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task Applicant_starts_on_the_start_page_checks_answers_submits_and_gets_the_diarienummer_and_next_steps(int width)
    {
        // A visitor learns what the förbund funds and how to get an account.
        var page = await PageAsync(app, width);
        await page.GotoAsync("/");
        await Expect(page.Locator("h2", new() { HasText = "Öppna utlysningar" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skapa konto" })).ToHaveAttributeAsync("href", "/Account/Register");
        await StepAsync(page, width, "applicant-01-visitor-start");

        // An earlier saved draft (written over the API as the applicant), continued from the start page.
        var project = $"Resan {width}";
        var api = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, Login.Applicant);
        var draft = await api.CreateDraftAsync(Forms.Complete().Set("project.name", JsonValue.Create(project)));

        await LogInAsync(page, Login.Applicant);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Att göra");
        var task = page.Locator(".task", new() { HasText = project });
        await Expect(task).ToContainTextAsync("Status: Utkast. Fyll i det som saknas och skicka in ansökan.");
        // What the förbund funds now, with the closing date, on the applicant's own start page too.
        await Expect(page.Locator(".start-section", new() { HasText = "Öppna utlysningar" })).ToContainTextAsync("Sista ansökningsdag");
        await StepAsync(page, width, "applicant-02-my-start");

        await task.GetByRole(AriaRole.Link, new() { Name = project }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Fortsätt med utkastet" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ansökan (utkast)");
        // Amounts with spaces, as people write them; the first budget year is the project's start year.
        await Expect(page.Locator("#Form_Budget_0__Year")).ToHaveValueAsync("2026");
        await page.Locator("#Form_Budget_0__Personnel").FillAsync("508 000");
        await Expect(page.Locator("#total-net")).ToHaveTextAsync("728 000 kronor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Expect(page.Locator("main > .notice")).ToHaveTextAsync("Utkastet är sparat.");
        await Expect(page.Locator("#Form_Budget_0__Personnel")).ToHaveValueAsync("508 000");
        await StepAsync(page, width, "applicant-03-draft-saved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Granska och skicka in" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kontrollera ansökan innan du skickar in den");
        await Expect(page.Locator("main")).ToContainTextAsync("Sökt belopp: 728 000 kronor");
        await StepAsync(page, width, "applicant-04-check-answers");

        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka in ansökan" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ansökan är inskickad");
        var number = await page.Locator("#registration-number").InnerTextAsync();
        number.Should().MatchRegex(@"^SKN 2026/\d+$");
        await Expect(page.Locator("main")).ToContainTextAsync("Lokala samverkansgruppen (LSG) yttrar sig");
        await Expect(page.Locator("main")).ToContainTextAsync("karin.exempel@exempel.se");
        await StepAsync(page, width, "applicant-05-confirmation");

        // A refused upload comes back at the upload, with the error there and in the summary on top.
        await page.GetByRole(AriaRole.Link, new() { Name = "Till ansökan" }).ClickAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("SHA-256");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "program.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0, 0] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp" }).ClickAsync();
        await Expect(page.Locator("#file-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        page.Url.Should().EndWith("#bilagor");
        await StepAsync(page, width, "applicant-06-upload-refused");

        // Back on the start page the application is received, in plain words, with nothing to do now.
        await page.GotoAsync("/");
        await Expect(page.Locator(".task", new() { HasText = project })).ToContainTextAsync($"{number} · Status: Inkommen. Inget just nu.");
        await StepAsync(page, width, "applicant-07-start-after-submit");
        _ = Api.IdOf(draft);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task Lsg_member_lands_on_the_queue_gets_field_messages_records_a_statement_and_declares_jav(int width)
    {
        // Two received applications handed to the LSG by the kansli (over the API, as its own pages would).
        var applicant = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, Login.Applicant);
        var kansli = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, Login.Secretariat);
        var statementCase = await ToLsgAsync(applicant, kansli, $"Yttrandet {width}");
        var javCase = await ToLsgAsync(applicant, kansli, $"Jävet {width}");
        var members = await kansli.GetFromJsonAsync<List<MemberRow>>("/api/lsg/members", Json);
        var me = members!.Single(m => m.Email == Login.Lsg).Id;
        var meetingDate = width == 390 ? "2026-02-20" : "2026-02-27";
        (await kansli.PostAsJsonAsync("/api/lsg/meetings", new { date = meetingDate, attendees = new[] { me } }, Json)).StatusCode.Should().Be(HttpStatusCode.Created);

        var page = await PageAsync(app, width);
        await LogInAsync(page, Login.Lsg);
        await page.WaitForURLAsync(url => url.EndsWith("/Lsg", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ansökningar som väntar på LSG");
        await Expect(page.Locator($"#q-{statementCase}")).ToBeVisibleAsync();
        // The demo's own case waiting for the LSG (Demo/DemoBoard.cs) is there too.
        await Expect(page.Locator("main")).ToContainTextAsync(Grants.Demo.DemoBoard.AtLsg);
        await StepAsync(page, width, "lsg-01-queue");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Registrera yttrande för Yttrandet {width}" }).ClickAsync();
        await page.GetByLabel("LSG-sammanträde").SelectOptionAsync(new SelectOptionValue { Label = meetingDate });
        await page.GetByLabel("avstyrker", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera yttrandet" }).ClickAsync();
        // Only the reason is wrong, and the page says so at that field.
        await Expect(page.Locator("#Reason-error")).ToContainTextAsync("Ange skälet");
        await Expect(page.Locator(".field--error")).ToHaveCountAsync(1);
        await Expect(page.Locator("#error-summary a[href='#Reason']")).ToBeVisibleAsync();
        await StepAsync(page, width, "lsg-02-missing-reason");

        await page.GetByLabel("Skäl (krävs när LSG avstyrker)").FillAsync("att insatsen ingår i huvudmännens ordinarie uppdrag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera yttrandet" }).ClickAsync();
        await Expect(page.Locator("#lsg-sentence")).ToHaveTextAsync(
            "Ansökan har avstyrkts av Lokala samverkansgruppen med hänvisning till att insatsen ingår i huvudmännens ordinarie uppdrag.");
        await StepAsync(page, width, "lsg-03-statement-recorded");

        // Jäv on the other case: the member declares it with the button; the statement form is then closed to them.
        await page.GotoAsync($"/Lsg/Statement/{javCase}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmäl jäv" }).ClickAsync();
        await Expect(page.Locator("#ConflictReason-error")).ToContainTextAsync("varför du är jävig");
        await StepAsync(page, width, "lsg-04-jav-reason-missing");
        await page.GetByLabel("Varför är du jävig?").FillAsync("Närstående till projektledaren");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmäl jäv" }).ClickAsync();
        await Expect(page.Locator("main > .notice")).ToContainTextAsync("Jävet är anmält");
        await Expect(page.Locator(".warning")).ToContainTextAsync("Du har anmält jäv i detta ärende");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Registrera yttrandet" })).ToHaveCountAsync(0);
        await StepAsync(page, width, "lsg-05-jav-declared");
    }

    private async Task<Guid> ToLsgAsync(HttpClient applicant, HttpClient kansli, string project)
    {
        var draft = await applicant.CreateDraftAsync(Forms.Complete().Set("project.name", JsonValue.Create(project)));
        var id = Api.IdOf(draft);
        (await applicant.SubmitAsync(id)).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var trigger in new[] { "paborja-beredning", "remittera-lsg" })
            (await kansli.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger }, Json)).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }
}
