using System.Net;
using Grants.Demo;
using Grants.Eligibility;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Start;

/// <summary>
/// Each role's start page over the demo data exactly as `--demo` loads it (follow-up included): every role finds
/// work waiting, and the words are the ones a user reads.
/// </summary>
public sealed class DemoStartPagesTests(DemoStartPagesTests.App app) : IClassFixture<DemoStartPagesTests.App>
{
    public sealed class App : GrantsApp
    {
        public App() => With("App:DemoFollowUp", "true");
    }

    [Fact]
    public async Task A_visitor_and_an_applicant_see_the_open_call_with_its_closing_date()
    {
        var visitor = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/"));
        visitor.Should().Contain("Öppna utlysningar").And.Contain(EligibilityDemo.OpenCallName).And.Contain("Sista ansökningsdag")
            .And.Contain("Så får du ett konto").And.NotContain(EligibilityDemo.ProgrammeName, "the Ciceron-like call closed in 2015");

        var applicant = WebUtility.HtmlDecode(await (await app.CookieClientAsync(Login.Applicant)).GetStringAsync("/"));
        applicant.Should().Contain("Mina ansökningar").And.Contain("Migrantmödrar").And.Contain("Status: Utkast. Fyll i det som saknas och skicka in ansökan.")
            .And.Contain(EligibilityDemo.OpenCallName);
        // The call's link starts an application in that call.
        var link = System.Text.RegularExpressions.Regex.Match(applicant, "href=\"(/Applications/Edit\\?programme=[0-9a-f-]+)\"").Groups[1].Value;
        link.Should().NotBeEmpty();
        var form = WebUtility.HtmlDecode(await (await app.CookieClientAsync(Login.Applicant)).GetStringAsync(link));
        form.Should().MatchRegex($"<option value=\"[0-9a-f-]+\" selected=\"selected\">{EligibilityDemo.OpenCallName}");
    }

    [Fact]
    public async Task The_kansli_sees_cases_to_prepare_the_next_meeting_and_the_overdue_final_report()
    {
        var page = WebUtility.HtmlDecode(await (await app.CookieClientAsync(Login.Secretariat)).GetStringAsync("/"));
        page.Should().Contain("Ärenden att bereda").And.Contain("Solen")
            .And.Contain("Nästa sammanträde")
            .And.Contain("Uppföljning som behöver kansliet").And.Contain($"{DemoFollowUp.ProjectName}").And.Contain("Försenad ");
        var list = WebUtility.HtmlDecode(await (await app.CookieClientAsync(Login.Secretariat)).GetStringAsync("/FollowUp"));
        list.Should().Contain("1 återrapport försenad");
    }

    [Fact]
    public async Task The_lsg_lands_on_a_queue_that_is_not_empty()
    {
        var lsg = await app.CookieClientAsync(Login.Lsg);
        var start = await lsg.GetAsync("/");
        start.StatusCode.Should().Be(HttpStatusCode.Redirect);
        start.Headers.Location!.ToString().Should().Be("/Lsg");
        WebUtility.HtmlDecode(await lsg.GetStringAsync("/Lsg")).Should().Contain(DemoBoard.AtLsg);
    }
}
