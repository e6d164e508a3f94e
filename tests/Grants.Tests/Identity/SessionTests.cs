using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grants.Demo;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Identity;

/// <summary>Sessions end when they should: logout, deactivation and refresh, for cookies and bearer tokens alike.</summary>
public sealed class SessionTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_saved_cookie_and_a_bearer_token_are_refused_after_logout()
    {
        var bearer = await Login.BearerAsync(app.Client(), Login.Board);
        var browser = app.Client(cookies: true);
        await Login.CookieAsync(browser, Login.Board);
        var saved = await SavedCookieAsync(Login.Board);
        (await Me(saved)).Should().Be(HttpStatusCode.OK);
        (await bearer.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        var form = await browser.GetStringAsync("/Account/Logout");
        (await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Login.AntiforgeryToken(form),
        }))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await Me(saved)).Should().Be(HttpStatusCode.Unauthorized, "the cookie saved before logout must not work");
        (await bearer.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "logout ends the bearer token too");
        var page = app.Client();
        page.DefaultRequestHeaders.Add("Cookie", saved.DefaultRequestHeaders.GetValues("Cookie"));
        var logoutPage = await page.GetAsync("/Account/Logout");
        logoutPage.StatusCode.Should().Be(HttpStatusCode.Redirect);
        logoutPage.Headers.Location!.ToString().Should().Contain("/Account/Login");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.AuditEntries.AnyAsync(a => a.EntityType == AccountAudit.EntityType && a.Action == AccountAudit.SignedOut && a.UserName.StartsWith("Stina"))).Should().BeTrue();
    }

    [Fact]
    public async Task The_api_logout_revokes_the_token_and_its_refresh_token_while_refresh_works_before()
    {
        var client = app.Client();
        var token = await TokenAsync(client, Login.Secretariat);
        token.ExpiresIn.Should().Be(600, "access tokens live ten minutes (Accounts:AccessTokenMinutes)");

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var renewed = (await refreshed.Content.ReadFromJsonAsync<Login.TokenResponse>())!;

        var authed = app.Client();
        authed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", renewed.AccessToken);
        (await authed.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await authed.PostAsync("/api/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await authed.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var again = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken });
        again.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "logout revokes refresh tokens too");
        (await again.Content.ReadAsStringAsync()).Should().Contain("Logga in igen");
    }

    [Fact]
    public async Task An_access_token_expires_after_its_minutes_on_the_clock_the_tests_move()
    {
        var client = await Login.BearerAsync(app.Client(), Login.Applicant);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Time.Advance(TimeSpan.FromMinutes(11));
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deactivating_a_person_ends_their_cookie_and_token_on_the_next_request_and_reactivating_lets_them_back()
    {
        var bearer = await Login.BearerAsync(app.Client(), Login.Lsg);
        var saved = await SavedCookieAsync(Login.Lsg);
        var token = await TokenAsync(app.Client(), Login.Lsg);
        (await Me(saved)).Should().Be(HttpStatusCode.OK);

        var admin = app.Client(cookies: true);
        await Login.CookieAsync(admin, Login.Admin);
        var lsgId = await UserIdAsync(Login.Lsg);
        (await PostUsersAsync(admin, "Deactivate", lsgId)).Should().Be(HttpStatusCode.Redirect);

        (await bearer.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Me(saved)).Should().Be(HttpStatusCode.Unauthorized);
        (await app.Client().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var refused = await app.Client().PostAsJsonAsync("/api/auth/token", new { email = Login.Lsg, password = DemoData.Password });
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("avstängt");

        var list = await admin.GetStringAsync("/Account/Users");
        list.Should().Contain("Lars Lsg").And.Contain("Avstängt");
        (await PostUsersAsync(admin, "Reactivate", lsgId)).Should().Be(HttpStatusCode.Redirect);
        await Login.BearerAsync(app.Client(), Login.Lsg);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_deactivated_nor_deactivate_themselves()
    {
        var admin = app.Client(cookies: true);
        await Login.CookieAsync(admin, Login.Admin);
        (await PostUsersAsync(admin, "Deactivate", await UserIdAsync(Login.Admin))).Should().Be(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Account/Users")).Should().Contain("Du kan inte stänga av ditt eget konto.");
        await Login.BearerAsync(app.Client(), Login.Admin);
    }

    private static async Task<HttpStatusCode> PostUsersAsync(HttpClient admin, string handler, string id)
    {
        var form = await admin.GetStringAsync("/Account/Users");
        var response = await admin.PostAsync($"/Account/Users?handler={handler}&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Login.AntiforgeryToken(form),
        }));
        return response.StatusCode;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<HttpStatusCode> Me(HttpClient client) => (await client.GetAsync("/api/auth/me")).StatusCode;

    private static async Task<Login.TokenResponse> TokenAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = DemoData.Password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<Login.TokenResponse>())!;
    }

    /// <summary>Logs in through the form without a cookie jar and returns a client replaying the sign-in cookie as saved.</summary>
    private async Task<HttpClient> SavedCookieAsync(string email)
    {
        var client = app.Client();
        var get = await client.GetAsync("/Account/Login");
        var antiforgery = CookiesOf(get);
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = DemoData.Password,
                ["__RequestVerificationToken"] = Login.AntiforgeryToken(await get.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(post);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = app.Client();
        saved.DefaultRequestHeaders.Add("Cookie", CookiesOf(response));
        return saved;
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}
