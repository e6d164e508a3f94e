using Grants.Minutes;
using Grants.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Grants.Tests.Minutes.Documents;

/// <summary>The print view and the extract page in Chromium: structure, axe-core, the printed (A4) rendering.</summary>
public sealed class MinutesPagesBrowserTests(DocumentsBrowserApp app) : IClassFixture<DocumentsBrowserApp>
{
    [Fact]
    public async Task The_secretary_prints_the_minutes_on_a4_without_the_menus()
    {
        var page = await app.LoggedInPageAsync(Login.Secretariat);
        await page.GotoAsync($"/Minutes/Print/{SeedMinutes.AdjustedMeetingId}");

        (await page.TitleAsync()).Should().StartWith("Protokoll 2015-04-23");
        (await page.Locator("h1").AllInnerTextsAsync()).Should().Equal("Sammanträdesprotokoll");
        var headings = await page.Locator("article h2").AllInnerTextsAsync();
        headings.Should().StartWith(["Underskrifter", "Bevis om anslag"]);
        headings.Skip(2).Should().Equal(SeedMinutes.Paragraphs.Select(p => $"§ {p.Number} {MinutesLayout.ShortTitle(p.Title)}"));
        (await page.Locator("th[scope=row]").AllInnerTextsAsync()).Should().ContainInOrder(
            "Plats och tid", "Beslutande", "Övriga deltagande", "Utses att justera", "Justeringens plats och tid", "Paragrafer",
            "Sekreterare", "Ordförande", "Justerande",
            "Sammanträdesdatum", "Datum för anslags uppsättande", "Datum för anslags nedtagande", "Förvaringsplats för protokollet", "Underskrift");
        (await page.Locator(".doc-status").InnerTextAsync()).Should().Contain("SHA-256");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "minutes-print-screen");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        (await page.Locator(".site-header").IsVisibleAsync()).Should().BeFalse("the menus are not printed");
        (await page.Locator(".doc-actions").First.IsVisibleAsync()).Should().BeFalse("the download links are not printed");
        (await page.Locator("h1").IsVisibleAsync()).Should().BeTrue();
        await Screenshots.TakeAsync(page, "minutes-print");
        // Chromium's own print to A4, kept beside the screenshot for people to look at.
        var printed = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Artifacts.PathFor("minutes-print-a4.pdf") });
        var text = DocumentText.Squeeze(DocumentText.Pdf(printed));
        text.Should().Contain(DocumentText.Squeeze("§ 614 Övriga frågor")).And.NotContain("Loggaut");
    }

    [Fact]
    public async Task The_applicant_opens_the_extract_of_the_own_decision()
    {
        var page = await app.LoggedInPageAsync(Login.Applicant);
        var response = await page.GotoAsync($"/Minutes/Extract/{SeedMinutes.AdjustedMeetingId}/605");
        response!.Status.Should().Be(200);

        (await page.Locator("h1").AllInnerTextsAsync()).Should().Equal("Protokollsutdrag");
        (await page.Locator("article h2").AllInnerTextsAsync()).Should().Equal(
            $"§ 605 {MinutesLayout.ShortTitle(SeedMinutes.Paragraphs.Single(p => p.Number == 605).Title)}", "Utdragsbestyrkande");
        (await page.Locator("article .doc-title").InnerTextAsync()).Should().Be(SeedMinutes.Paragraphs.Single(p => p.Number == 605).Title);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Hela protokollet" }).CountAsync()).Should().Be(0);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "minutes-extract-605");

        var other = await page.GotoAsync($"/Minutes/Extract/{SeedMinutes.AdjustedMeetingId}/602");
        other!.Status.Should().Be(404, "§ 602 decides another organisation's application");
    }

    [Fact]
    public async Task The_draft_minutes_say_they_are_not_adjusted()
    {
        var page = await app.LoggedInPageAsync(Login.Board);
        await page.GotoAsync($"/Minutes/Print/{SeedMinutes.DraftMeetingId}");
        (await page.Locator(".doc-status").InnerTextAsync()).Should().StartWith("Ojusterat");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "minutes-print-draft");
    }
}

/// <summary>The two pages per role (cookie login, as a browser would).</summary>
public sealed class MinutesPagesAuthorizationTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    [Theory]
    [InlineData(Login.Secretariat, 200, 200)]
    [InlineData(Login.Board, 200, 200)]
    [InlineData(Login.Admin, 200, 200)]
    [InlineData(Login.Lsg, 302, 302)]
    [InlineData(Login.Applicant, 302, 200)]
    [InlineData(Login.OtherApplicant, 302, 404)]
    [InlineData(null, 302, 302)]
    public async Task Each_role_opens_what_its_policy_allows(string? email, int print, int ownExtract)
    {
        var client = email is null ? app.Anonymous() : await app.CookieClientAsync(email);
        var printResponse = await client.GetAsync($"/Minutes/Print/{SeedMinutes.AdjustedMeetingId}");
        var extractResponse = await client.GetAsync($"/Minutes/Extract/{SeedMinutes.AdjustedMeetingId}/605");

        ((int)printResponse.StatusCode).Should().Be(print);
        ((int)extractResponse.StatusCode).Should().Be(ownExtract);
        if (print == 302)
            printResponse.Headers.Location!.ToString().Should().Contain(email is null ? "/Account/Login" : "/Account/Denied");
    }
}
