using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Organisations.ApplicantPages;

namespace Grants.Tests.Organisations;

/// <summary>"Mitt konto": change of password and of e-mail end the other sessions, are audited and keep the second factor.</summary>
public sealed class MyAccountTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private const string NewPassword = "Helt-nytt-losen-2026!";

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_keeps_this_one_and_keeps_the_second_factor()
    {
        const string email = "byter.losen@exempel.example";
        await RegisterAndConfirmAsync(email, "802400-5673");
        var here = Browser(app);
        await SignInAsync(here, email);
        var elsewhere = Browser(app);
        await SignInAsync(elsewhere, email);
        var bearer = await BearerAsync(email, Password);
        // The authenticator is switched on behind the sessions' back (no new stamp), as if set up earlier.
        var key = await EnableAuthenticatorAsync(email);

        var wrong = await PostAsync(here, "/Account/Manage", Fields("fel-losenord", NewPassword), "/Account/Manage?handler=Password");
        Text(await wrong.Content.ReadAsStringAsync()).Should().Contain("Nuvarande lösenord stämmer inte");
        var changed = await PostAsync(here, "/Account/Manage", Fields(Password, NewPassword), "/Account/Manage?handler=Password");
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);

        Text(await here.GetStringAsync("/Account/Manage")).Should().Contain("Ditt lösenord är bytt").And.Contain("Tvåstegsverifiering På");
        var other = await elsewhere.GetAsync("/Account/Manage");
        other.Headers.Location!.ToString().Should().Contain("/Account/Login", "the other browser's session ended");
        (await bearer.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "and so did the bearer token");

        var signIn = await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { email, password = NewPassword });
        signIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await signIn.Content.ReadAsStringAsync()).Should().Contain("Tvåstegsverifiering krävs", "the second factor stays on");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        (await users.GetAuthenticatorKeyAsync(user)).Should().Be(key);
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.AuditEntries.SingleAsync(a => a.EntityId == user.Id && a.Action == AccountAudit.PasswordChanged)).Details.Should().Contain("tvåstegsverifieringen är kvar");
    }

    [Fact]
    public async Task Changing_the_e_mail_takes_effect_only_through_the_link_to_the_new_address_and_then_ends_every_session()
    {
        const string email = "gammal@exempel.example";
        const string newEmail = "ny.adress@exempel.example";
        await RegisterAndConfirmAsync(email, "802400-6788");
        var here = Browser(app);
        await SignInAsync(here, email);
        var bearer = await BearerAsync(email, Password);

        var bad = await PostAsync(here, "/Account/Manage", new Dictionary<string, string> { ["Mail.NewEmail"] = "ingen-adress", ["Mail.Current"] = Password },
            "/Account/Manage?handler=Email");
        Text(await bad.Content.ReadAsStringAsync()).Should().Contain("Ange en giltig e-postadress");
        var requested = await PostAsync(here, "/Account/Manage", new Dictionary<string, string> { ["Mail.NewEmail"] = newEmail, ["Mail.Current"] = Password },
            "/Account/Manage?handler=Email");
        requested.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await bearer.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK, "nothing changes before the link is opened");
        var link = await LinkMailedAsync(app, newEmail, "account-change-email:");

        var confirmed = await ConfirmAsync(Browser(app), link);
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain($"Ditt konto har nu adressen {newEmail}");
        (await here.GetAsync("/Account/Manage")).Headers.Location!.ToString().Should().Contain("/Account/Login");
        (await bearer.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { email, password = Password })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await BearerAsync(newEmail, Password);
        (await MailAsync(app, email, "account-email-changed:"))!.Body.Should().Contain(newEmail, "the old address is told");
        (await Browser(app).GetAsync(new Uri(link).PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the link works once");

        // An address that already has an account gets no link, and the answer is the same.
        var again = Browser(app);
        await SignInAsync(again, newEmail);
        (await PostAsync(again, "/Account/Manage", new Dictionary<string, string> { ["Mail.NewEmail"] = Login.Lsg, ["Mail.Current"] = Password },
            "/Account/Manage?handler=Email")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        Text(await again.GetStringAsync("/Account/Manage")).Should().Contain(ChangeEmail.Answer);
        (await MailAsync(app, Login.Lsg, "account-change-email:")).Should().BeNull();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var id = await db.Users.Where(u => u.Email == newEmail).Select(u => u.Id).SingleAsync();
        (await db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == AccountAudit.EmailChanged)).Details.Should().Be($"{email} → {newEmail}");
    }

    private static Dictionary<string, string> Fields(string current, string password) => new()
    {
        ["Pw.Current"] = current, ["Pw.Password"] = password, ["Pw.Confirm"] = password,
    };

    private async Task RegisterAndConfirmAsync(string email, string orgNr)
    {
        await RegisterAsync(Browser(app), "Konto Kontosson", email, orgNr, "Kontoföreningen " + orgNr);
        (await ConfirmAsync(Browser(app), await LinkMailedAsync(app, email, "account-confirm:"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<string> EnableAuthenticatorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        const string key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = key });
        user.TwoFactorEnabled = true;
        await db.SaveChangesAsync();
        return key;
    }

    private async Task<HttpClient> BearerAsync(string email, string password)
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<Login.TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
