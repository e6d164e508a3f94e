using System.Net;
using Grants.Identity;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Identity;

/// <summary>Every endpoint and page of the foundation, called as each role and without login.</summary>
public sealed class AuthorizationMatrixTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private const string Anonymous = "(ingen inloggning)";
    private static readonly string Id = Guid.NewGuid().ToString();

    private static readonly string[] Readers = [Roles.Applicant, Roles.Secretariat, Roles.Lsg, Roles.Board, Roles.Admin];
    private static readonly string[] Writers = [Roles.Applicant, Roles.Secretariat];
    private static readonly string[] Everyone = [Anonymous, .. Roles.All];
    private static readonly string[] MinutesReaders = [Roles.Secretariat, Roles.Board, Roles.Admin];
    private static readonly string[] ExtractReaders = [Roles.Applicant, Roles.Secretariat, Roles.Board, Roles.Admin];
    /// <summary>The förbund's economy: read by Kansli, Styrelse and Admin, kept by the Kansli; never the Sökande or LSG.</summary>
    private static readonly string[] EconomyReaders = [Roles.Secretariat, Roles.Board, Roles.Admin];
    private static readonly string[] EconomyWriters = [Roles.Secretariat];
    private static readonly string[] BoardReaders = [Roles.Secretariat, Roles.Board, Roles.Admin];
    private static readonly string[] Kansli = [Roles.Secretariat];
    private static readonly string Item = Guid.NewGuid().ToString();

    /// <summary>Method, path, body (JSON or null), who may pass authorisation.</summary>
    public static TheoryData<string, string, string?, string[]> Api => new()
    {
        { "GET", "/api/applications", null, Readers },
        { "GET", $"/api/applications/{Id}", null, Readers },
        { "POST", "/api/applications", "{\"budget\":\"fel\"}", Writers },
        { "PUT", $"/api/applications/{Id}", "{}", Writers },
        { "POST", $"/api/applications/{Id}/submit", null, Writers },
        { "POST", $"/api/applications/{Id}/versions", "{}", Writers },
        { "GET", $"/api/applications/{Id}/versions/1", null, Readers },
        { "POST", $"/api/applications/{Id}/attachments", "{}", Writers },
        { "GET", $"/api/applications/{Id}/attachments/{Guid.NewGuid()}", null, Readers },
        { "GET", "/api/association", null, Roles.All },
        { "PUT", "/api/association", "{\"name\":5}", [Roles.Admin] },
        { "GET", "/api/auth/me", null, Roles.All },
        { "POST", "/api/auth/token", "{}", Everyone },
        { "POST", "/api/auth/refresh", "{}", Everyone },
        { "POST", "/api/auth/logout", null, Roles.All },
        { "GET", $"/api/follow-up/projects/{Id}", null, Readers },
        { "GET", "/api/follow-up/reports", null, Readers },
        { "GET", $"/api/follow-up/reports/{Id}/versions/1", null, Readers },
        { "POST", $"/api/follow-up/reports/{Id}/submit", "{}", Writers },
        { "POST", $"/api/follow-up/reports/{Id}/review", "{}", [Roles.Secretariat, Roles.Lsg] },
        { "PUT", $"/api/follow-up/reports/{Id}/due-date", "{}", [Roles.Secretariat] },
        { "POST", $"/api/follow-up/reports/{Id}/skip", "{}", [Roles.Secretariat] },
        { "POST", $"/api/follow-up/projects/{Id}/reports", "{}", [Roles.Secretariat] },
        { "PUT", $"/api/follow-up/projects/{Id}/period", "{}", [Roles.Secretariat] },
        { "PUT", $"/api/follow-up/projects/{Id}/responsible", "{}", [Roles.Secretariat] },
        { "POST", $"/api/follow-up/conditions/{Id}/outcome", "{}", Writers },
        { "POST", $"/api/follow-up/conditions/{Id}/confirm", "{}", [Roles.Secretariat] },
        { "GET", "/api/follow-up/overview", null, [Roles.Secretariat, Roles.Admin] },
        { "GET", "/api/follow-up/overview.csv", null, [Roles.Secretariat, Roles.Admin] },
        { "GET", "/api/follow-up/overview.xlsx", null, [Roles.Secretariat, Roles.Admin] },
        { "POST", "/api/eligibility/check", "{\"budget\":\"fel\"}", Readers },
        { "GET", $"/api/applications/{Id}/eligibility", null, Readers },
        { "POST", $"/api/applications/{Id}/eligibility", null, [Roles.Secretariat] },
        { "GET", "/api/programmes", null, Readers },
        { "POST", "/api/programmes", "{\"name\":5}", [Roles.Secretariat] },
        { "PUT", $"/api/programmes/{Id}", "{\"name\":5}", [Roles.Secretariat] },
        { "GET", "/health", null, Everyone },
        { "GET", "/api/economy/years", null, EconomyReaders },
        { "GET", "/api/economy/years/2015", null, EconomyReaders },
        { "PUT", "/api/economy/years/2031", "{\"carriedOverSurplus\":\"x\"}", EconomyWriters },
        { "POST", "/api/economy/years/2099/close", null, EconomyWriters },
        { "POST", "/api/economy/years/2031/actuals", "{}", EconomyWriters },
        { "GET", "/api/economy/report?asOf=2015-03-31", null, EconomyReaders },
        { "GET", "/api/economy/report/agenda-item?asOf=2015-03-31", null, EconomyReaders },
        { "POST", "/api/economy/room/forecast", "{}", EconomyReaders },
        { "GET", "/api/economy/commitments", null, EconomyReaders },
        { "GET", $"/api/economy/commitments/{Id}", null, EconomyReaders },
        { "POST", "/api/economy/commitments", "{}", EconomyWriters },
        { "POST", $"/api/economy/commitments/{Id}/payments", "{}", EconomyWriters },
        { "POST", $"/api/economy/commitments/{Id}/requisitions", "{}", EconomyWriters },
        { "POST", $"/api/economy/commitments/{Id}/release", "{}", EconomyWriters },
        { "GET", "/api/economy/exports/commitments?format=csv", null, EconomyReaders },
        { "GET", "/api/board/members", null, BoardReaders },
        { "POST", "/api/board/members", "{}", Kansli },
        { "GET", "/api/meetings", null, BoardReaders },
        { "POST", "/api/meetings", "{}", Kansli },
        { "GET", $"/api/meetings/{Id}", null, BoardReaders },
        { "GET", "/api/meetings/candidates", null, Kansli },
        { "POST", $"/api/meetings/{Id}/items", "{}", Kansli },
        { "PUT", $"/api/meetings/{Id}/items/{Item}", "{}", Kansli },
        { "POST", $"/api/meetings/{Id}/items/{Item}/move", "{}", Kansli },
        { "DELETE", $"/api/meetings/{Id}/items/{Item}", null, Kansli },
        { "PUT", $"/api/meetings/{Id}/items/{Item}/decision", "{}", Kansli },
        { "PUT", $"/api/meetings/{Id}/attendance", "{}", Kansli },
        { "POST", $"/api/meetings/{Id}/number", null, Kansli },
        { "GET", $"/api/meetings/{Id}/number", null, Kansli },
        { "POST", $"/api/meetings/{Id}/notice", null, Kansli },
        { "POST", $"/api/meetings/{Id}/signatures", "{}", [Roles.Board, Roles.Secretariat] },
        { "PUT", $"/api/meetings/{Id}/posting", "{}", Kansli },
        { "GET", $"/api/meetings/{Id}/minutes", null, BoardReaders },
        { "GET", $"/api/meetings/{Id}/notice.txt", null, BoardReaders },
        { "GET", $"/api/meetings/{Id}/calendar.ics", null, BoardReaders },
        { "GET", "/api/meetings/decisions", null, BoardReaders },
        { "GET", "/openapi/v1.json", null, Everyone },
        { "GET", $"/api/meetings/{Id}/minutes.docx", null, MinutesReaders },
        { "GET", $"/api/meetings/{Id}/minutes.pdf", null, MinutesReaders },
        { "GET", $"/api/meetings/{Id}/minutes/605/extract.docx", null, ExtractReaders },
        { "GET", $"/api/meetings/{Id}/minutes/605/extract.pdf", null, ExtractReaders },
    };

    /// <summary>Pages: who may open them; others are sent to login (anonymous) or to /Account/Denied.</summary>
    public static TheoryData<string, string[]> Pages => new()
    {
        { "/", Everyone },
        { "/Account/Login", Everyone },
        { "/Account/ForgotPassword", Everyone },
        { "/Account/Users", [Roles.Admin] },
        { "/Account/Register", Everyone },
        { "/Account/Manage", Roles.All },
        { "/Organisations", Kansli },
        { "/Organisations/Members", [Roles.Applicant] },
        { "/Privacy/MyData", Roles.All },
        { "/Applications", Readers },
        { "/Applications/Edit", Writers },
        { "/Association/Profile", [Roles.Admin] },
        { "/Economy", EconomyReaders },
        { "/Economy?date=2015-03-31", EconomyReaders },
        { "/Economy/Trace?date=2015-03-31", EconomyReaders },
        { "/Economy/Year?year=2015", EconomyReaders },
        { "/Economy/Export?kind=payments&year=2015&format=csv", EconomyReaders },
        { "/FollowUp", [Roles.Secretariat, Roles.Admin] },
        { "/FollowUp/Reports", Readers },
        { "/Eligibility/Programmes", [Roles.Secretariat] },
        { $"/Eligibility/Rerun/{Id}", [Roles.Secretariat] },
        { "/Meetings", BoardReaders },
        { "/Meetings/Board", BoardReaders },
        { "/hangfire", [Roles.Admin] },
    };

    /// <summary>
    /// Pages about one record (an unknown id here): the allowed roles pass authorisation and get 404, the others
    /// are sent to login or denied. Minutes/Documents tests open the same pages on real minutes.
    /// </summary>
    public static TheoryData<string, string[]> RecordPages => new()
    {
        { $"/Minutes/Print/{Id}", MinutesReaders },
        { "/Account/Setup?token=ogiltig-lank", Everyone },
        { "/Account/Confirm?token=ogiltig-lank", Everyone },
        { "/Account/Join?token=ogiltig-lank", Everyone },
        // Anyone may start an external sign-in; a provider that is not configured does not exist.
        { "/Account/External?provider=okand", Everyone },
        { $"/Minutes/Extract/{Id}/605", ExtractReaders },
        { $"/Applications/Check/{Id}", Writers },
        { $"/Applications/Submitted/{Id}", Readers },
    };

    /// <summary>
    /// POST handlers added to existing pages (passkeys, removing a member): the allowed roles get the handler's own answer
    /// (404 for an unknown record, 200 for options or a refused sign-in), the others are sent to login or denied.
    /// </summary>
    public static TheoryData<string, string[], HttpStatusCode> PageHandlers => new()
    {
        { $"/Organisations?handler=Remove&id={Guid.Empty}&userId=okand", Kansli, HttpStatusCode.NotFound },
        { "/Organisations/Members?handler=Remove&userId=okand", [Roles.Applicant], HttpStatusCode.NotFound },
        { "/Account/Users?handler=ResetSecondFactor&id=okand", [Roles.Admin], HttpStatusCode.NotFound },
        { "/Account/Users?handler=Roles&id=okand", [Roles.Admin], HttpStatusCode.NotFound },
        { "/Account/Manage?handler=RemovePasskey&PasskeyId=AAAA", Roles.All, HttpStatusCode.NotFound },
        { "/Account/Manage?handler=PasskeyOptions", Roles.All, HttpStatusCode.OK },
        { "/Account/Login?handler=PasskeyOptions", Everyone, HttpStatusCode.OK },
        { "/Account/Setup?handler=PasskeyOptions&token=ogiltig-lank", Everyone, HttpStatusCode.NotFound },
        { "/Account/Setup?handler=Passkey&token=ogiltig-lank", Everyone, HttpStatusCode.NotFound },
        { "/Account/Login?handler=Passkey", Everyone, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(PageHandlers))]
    public async Task Page_handler_admits_exactly_its_roles(string action, string[] allowed, HttpStatusCode answer)
    {
        foreach (var who in Everyone)
        {
            var client = who == Anonymous ? app.Anonymous() : await app.CookieClientAsync(Login.EmailOf(who));
            // A token from a page everyone in this role may open.
            var form = await client.GetStringAsync(who == Anonymous ? "/Account/Login" : "/Privacy/MyData");
            var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Login.AntiforgeryToken(form),
            }));
            if (allowed.Contains(who))
            {
                response.StatusCode.Should().Be(answer, $"{who} may POST {action}");
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{who} may not POST {action}");
                response.Headers.Location!.ToString().Should().Contain(who == Anonymous ? "/Account/Login" : "/Account/Denied");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RecordPages))]
    public async Task Record_page_admits_exactly_its_roles(string path, string[] allowed)
    {
        foreach (var who in Everyone)
        {
            var client = who == Anonymous ? app.Anonymous() : await app.CookieClientAsync(Login.EmailOf(who));
            var response = await client.GetAsync(path);
            if (allowed.Contains(who))
            {
                response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{who} may open {path}, which does not exist");
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{who} may not open {path}");
                response.Headers.Location!.ToString().Should().Contain(who == Anonymous ? "/Account/Login" : "/Account/Denied");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Api))]
    public async Task Api_endpoint_admits_exactly_its_roles(string method, string path, string? body, string[] allowed)
    {
        foreach (var who in Everyone)
        {
            var client = who == Anonymous ? app.Anonymous() : await app.BearerClientAsync(Login.EmailOf(who));
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null) request.Content = Infrastructure.Api.Json(body);
            var status = (await client.SendAsync(request)).StatusCode;
            if (allowed.Contains(who))
                status.Should().NotBe(HttpStatusCode.Unauthorized, $"{who} may {method} {path}").And.NotBe(HttpStatusCode.Forbidden, $"{who} may {method} {path}");
            else
                status.Should().Be(who == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, $"{who} may not {method} {path}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_admits_exactly_its_roles(string path, string[] allowed)
    {
        foreach (var who in Everyone)
        {
            var client = who == Anonymous ? app.Anonymous() : await app.CookieClientAsync(Login.EmailOf(who));
            var response = await client.GetAsync(path);
            var location = response.Headers.Location?.ToString() ?? "";
            if (allowed.Contains(who))
            {
                // A start page may send a signed-in user on to their own view, but never to login or denied.
                response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Redirect], $"{who} may open {path}");
                location.Should().NotContain("/Account/Login").And.NotContain("/Account/Denied");
            }
            else if (path == "/hangfire")
            {
                response.StatusCode.Should().Be(who == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, $"{who} may not open {path}");
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{who} may not open {path}");
                location.Should().Contain(who == Anonymous ? "/Account/Login" : "/Account/Denied");
            }
        }
    }

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Should().NotBeEmpty();
        var unnamed = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            // MapStaticAssets' own "{**path:file}" fallback exists only with the build (not publish) manifest and
            // stays behind the authenticated-user fallback policy.
            .Where(e => !(e.RoutePattern.RawText == "{**path:file}" && e.Metadata.Any(m => m.GetType().Name == "FallbackMetadata")))
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})")
            .ToList();
        unnamed.Should().BeEmpty("every page and endpoint names an explicit policy (the fallback is not a policy choice)");
    }

    [Fact]
    public async Task Meeting_pages_admit_board_readers_the_item_page_and_every_change_only_the_kansli()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var created = await Infrastructure.Api.PostJsonAsync(kansli, "/api/meetings",
            System.Text.Json.Nodes.JsonNode.Parse("{\"date\":\"2026-03-20\",\"startTime\":\"09:00\",\"place\":\"Kansliet\"}")!);
        var meeting = await created.ExpectJsonAsync(HttpStatusCode.Created);
        var id = Infrastructure.Api.IdOf(meeting);
        var itemId = meeting["items"]![0]!["id"]!.GetValue<Guid>();
        var pages = new (string Path, string[] Allowed)[] { ($"/Meetings/Meeting/{id}", BoardReaders), ($"/Meetings/Item/{id}/{itemId}", Kansli), ($"/Minutes/Number/{id}", Kansli) };
        foreach (var who in Everyone)
        {
            var client = who == Anonymous ? app.Anonymous() : await app.CookieClientAsync(Login.EmailOf(who));
            foreach (var (path, allowed) in pages)
            {
                var response = await client.GetAsync(path);
                if (allowed.Contains(who)) response.StatusCode.Should().Be(HttpStatusCode.OK, $"{who} may open {path}");
                else response.Headers.Location?.ToString().Should().Contain(who == Anonymous ? "/Account/Login" : "/Account/Denied", $"{who} may not open {path}");
            }
            if (who is Anonymous || !BoardReaders.Contains(who)) continue;
            // A reader who is not the kansli may open the meeting but not change it.
            var form = await client.GetStringAsync($"/Meetings/Meeting/{id}");
            var number = await client.PostAsync($"/Minutes/Number/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Login.AntiforgeryToken(form),
            }));
            // The kansli reaches the use case, which refuses: the standing items have no decisions yet.
            if (who == Roles.Secretariat) (await number.Content.ReadAsStringAsync()).Should().Contain("Beslut saknas för");
            else number.Headers.Location?.ToString().Should().Contain("/Account/Denied", $"{who} may not number the minutes");
        }
    }
}
