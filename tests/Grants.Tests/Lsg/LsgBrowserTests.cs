using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grants.Tests.Lsg;

/// <summary>The LSG's journey in Chromium: the queue, the statement with an addition, the sentence the board will read.</summary>
public sealed class LsgBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private sealed record MemberRow(Guid Id, string Email);

    [Fact]
    public async Task Lsg_member_opens_the_queue_recommends_with_an_addition_and_sees_the_sentence()
    {
        // Växthuset waits in the demo LSG's queue (Demo/DemoBoard.cs). The kansli keeps the LSG's register, as it would through its own pages.
        // Over the real loopback server the browser uses.
        var kansli = await Login.BearerAsync(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, Login.Secretariat);
        Guid caseId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            caseId = (await db.Applications.SingleAsync(a => a.ProjectName == "Växthuset")).Id;
        }
        // The demo LSG user is a member of the demo LSG (Demo/DemoLsg.cs).
        var members = await kansli.GetFromJsonAsync<List<MemberRow>>("/api/lsg/members", Json);
        var memberId = members!.Single(m => m.Email == Login.Lsg).Id;
        (await kansli.PostAsJsonAsync("/api/lsg/meetings", new { date = "2015-06-02", attendees = new[] { memberId } }, Json))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var page = await app.LoggedInPageAsync(Login.Lsg);
        await page.GotoAsync("/Lsg");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ansökningar som väntar på LSG");
        await Expect(page.Locator($"#q-{caseId}")).ToContainTextAsync("Växthuset");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera yttrande för Växthuset" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("LSG:s yttrande: Växthuset");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("LSG-sammanträde").SelectOptionAsync(new SelectOptionValue { Label = "2015-06-02" });
        await page.GetByLabel("tillstyrker").CheckAsync();
        await page.GetByLabel("Tillägg (valfritt)").FillAsync("finansieringen bör avse viss tid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera yttrandet" }).ClickAsync();

        await Expect(page.Locator("#lsg-sentence")).ToHaveTextAsync(
            "Lokala samverkansgruppen har vid sitt sammanträde 2015-06-02 tillstyrkt att samordningsförbundet beviljar medel till projektet " +
            "med tillägget att finansieringen bör avse viss tid.");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "lsg-statement");

        // The statement moved the case: it has left the queue and is tillstyrkt.
        await page.GotoAsync("/Lsg");
        await Expect(page.Locator($"#q-{caseId}")).ToHaveCountAsync(0);
        using var check = app.Services.CreateScope();
        (await check.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(a => a.Id == caseId))
            .State.Should().Be("tillstyrkt");
    }
}
