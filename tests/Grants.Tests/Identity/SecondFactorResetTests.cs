using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Identity;

/// <summary>
/// A staff member lost the phone and the recovery codes: an Admin resets the second factor on Konton, every session of
/// the person ends, and the mailed set-up link leads straight to pairing a new app. The refusals write nothing.
/// (GoLiveBrowserTests walks the same in the browser on a production host, where the password alone is then refused.)
/// </summary>
public sealed partial class SecondFactorResetTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task An_admin_resets_a_lost_factor_the_old_one_and_every_session_stop_and_the_link_pairs_a_new_app()
    {
        var kansliId = await IdOfAsync(Login.Secretariat);
        string oldKey;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var kansli = (await users.FindByIdAsync(kansliId))!;
            // As a real account: activated through its invitation, with the app paired.
            kansli.ActivatedAt = app.Time.GetUtcNow();
            await users.UpdateAsync(kansli);
            await users.ResetAuthenticatorKeyAsync(kansli);
            await users.SetTwoFactorEnabledAsync(kansli, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(kansli, 10);
            oldKey = (await users.GetAuthenticatorKeyAsync(kansli))!;
        }
        // A session opened with the app, as the person had before losing it.
        var session = app.Anonymous();
        var token = await session.PostAsJsonAsync("/api/auth/token",
            new { email = Login.Secretariat, password = Grants.Demo.DemoData.Password, twoFactorCode = Totp.Code(oldKey, DateTimeOffset.UtcNow) });
        token.StatusCode.Should().Be(HttpStatusCode.OK);
        session.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<Login.TokenResponse>())!.AccessToken);
        (await session.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        var admin = await app.CookieClientAsync(Login.Admin);
        var answer = await PostAsync(admin, $"/Account/Users?handler=ResetSecondFactor&id={kansliId}");
        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Account/Users")).Should().Contain("har ingen tvåstegsverifiering längre");

        (await session.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "every session of the person ends");
        string mailBody;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var kansli = (await users.FindByIdAsync(kansliId))!;
            kansli.TwoFactorEnabled.Should().BeFalse();
            (await users.CountRecoveryCodesAsync(kansli)).Should().Be(0);
            (await users.GetAuthenticatorKeyAsync(kansli)).Should().NotBe(oldKey, "the lost app's codes must stop matching");
            (await users.VerifyTwoFactorTokenAsync(kansli, users.Options.Tokens.AuthenticatorTokenProvider, Totp.Code(oldKey, DateTimeOffset.UtcNow)))
                .Should().BeFalse();
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == AccountAudit.SecondFactorReset && a.EntityId == kansliId);
            audit.UserId.Should().Be(await IdOfAsync(Login.Admin), "the admin did it");
            audit.Details.Should().Contain("Autentiseringsapp och återställningskoder");
            var mail = await db.OutboxMails.SingleAsync(m => m.Key.StartsWith($"account-factor-reset:{kansliId}:"));
            mail.To.Should().Be(Login.Secretariat);
            mail.Subject.Should().Be("Koppla en ny autentiseringsapp");
            mailBody = mail.Body;
        }

        // The link skips the password (it is kept) and pairs a new app; the account is not "activated" a second time.
        var link = new Uri(SetupLink().Match(mailBody).Value).PathAndQuery;
        var browser = app.Anonymous();
        var page = await browser.GetStringAsync(link);
        page.Should().Contain("Koppla en autentiseringsapp").And.NotContain("Nytt lösenord");
        var newKey = KeyAttribute().Match(page).Groups[1].Value;
        newKey.Should().NotBeEmpty().And.NotBe(oldKey);
        var paired = await browser.PostAsync(link.Replace("?", "?handler=Factor&", StringComparison.Ordinal), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(newKey, DateTimeOffset.UtcNow),
            ["__RequestVerificationToken"] = Login.AntiforgeryToken(page),
        }));
        paired.StatusCode.Should().Be(HttpStatusCode.OK);
        (await paired.Content.ReadAsStringAsync()).Should().Contain("Dina återställningskoder");
        (await browser.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the link works once");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await db.Users.SingleAsync(u => u.Id == kansliId)).TwoFactorEnabled.Should().BeTrue();
            (await db.AuditEntries.CountAsync(a => a.EntityId == kansliId && a.Action == AccountAudit.Activated)).Should().Be(0,
                "the account was activated long before; pairing again does not activate it a second time");
            (await db.AuditEntries.CountAsync(a => a.EntityId == kansliId && a.Action == AccountAudit.FactorSet)).Should().Be(1);
        }
    }

    [Theory]
    [InlineData(Login.Admin, "Du kan inte återställa din egen tvåstegsverifiering")]
    [InlineData(Login.Applicant, "Bara personalens konton har tvåstegsverifiering att återställa")]
    public async Task A_reset_that_is_not_allowed_says_why_and_changes_nothing(string target, string message)
    {
        var id = await IdOfAsync(target);
        var stampBefore = await StampAsync(id);
        var admin = await app.CookieClientAsync(Login.Admin);
        (await PostAsync(admin, $"/Account/Users?handler=ResetSecondFactor&id={id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Account/Users")).Should().Contain(message);
        (await StampAsync(id)).Should().Be(stampBefore);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == AccountAudit.SecondFactorReset)).Should().BeFalse();
        (await db.OutboxMails.AnyAsync(m => m.Key.StartsWith($"account-factor-reset:{id}:"))).Should().BeFalse();
    }

    [Fact]
    public async Task A_deactivated_account_is_reactivated_before_its_factor_is_reset()
    {
        var id = await IdOfAsync(Login.Lsg);
        var admin = await app.CookieClientAsync(Login.Admin);
        (await PostAsync(admin, $"/Account/Users?handler=Deactivate&id={id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stampBefore = await StampAsync(id);
        (await PostAsync(admin, $"/Account/Users?handler=ResetSecondFactor&id={id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Account/Users")).Should().Contain("Kontot är avstängt. Aktivera det igen först.");
        (await StampAsync(id)).Should().Be(stampBefore);
        (await PostAsync(admin, $"/Account/Users?handler=Reactivate&id={id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_only_admin_who_lost_the_phone_starts_over_with_create_admin_force()
    {
        const string email = "ensam.admin@forbund.example";
        string oldKey;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await FirstAdmin.CreateAsync(scope.ServiceProvider, email, "Ensam Admin", force: true, default);
            created.Ok.Should().BeTrue(created.Message);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = (await users.FindByEmailAsync(email))!;
            (await users.AddPasswordAsync(admin, "Gammalt-losen-2026!")).Succeeded.Should().BeTrue();
            admin.ActivatedAt = app.Time.GetUtcNow();
            await users.UpdateAsync(admin);
            await users.ResetAuthenticatorKeyAsync(admin);
            await users.SetTwoFactorEnabledAsync(admin, true);
            oldKey = (await users.GetAuthenticatorKeyAsync(admin))!;
        }

        string link;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var again = await FirstAdmin.CreateAsync(scope.ServiceProvider, email, "Ensam Admin", force: true, default);
            again.Ok.Should().BeTrue(again.Message);
            link = new Uri(SetupLink().Match(again.Message).Value).PathAndQuery;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = (await users.FindByEmailAsync(email))!;
            admin.PasswordHash.Should().BeNull("the old password may be what was lost");
            admin.TwoFactorEnabled.Should().BeFalse();
            (await users.GetAuthenticatorKeyAsync(admin)).Should().NotBe(oldKey);
        }

        // The printed link leads through a new password, then a new app.
        var browser = app.Anonymous();
        var page = await browser.GetStringAsync(link);
        page.Should().Contain("Nytt lösenord");
        var next = await browser.PostAsync(link.Replace("?", "?handler=Password&", StringComparison.Ordinal), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = "Nytt-losen-2026!x", ["Confirm"] = "Nytt-losen-2026!x", ["__RequestVerificationToken"] = Login.AntiforgeryToken(page),
        }));
        (await next.Content.ReadAsStringAsync()).Should().Contain("Koppla en autentiseringsapp");
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("{")]
    [InlineData("{\"id\":null,\"response\":{}}")]
    [InlineData("[1,2,3]")]
    public async Task A_malformed_passkey_answer_on_the_set_up_page_is_named_at_the_field_and_activates_nothing(string credential)
    {
        await MalformedPasskeyAsync(credential, startCeremony: false);
        await MalformedPasskeyAsync(credential, startCeremony: true);
    }

    private async Task MalformedPasskeyAsync(string credential, bool startCeremony)
    {
        var id = await IdOfAsync(Login.Board);
        var admin = await app.CookieClientAsync(Login.Admin);
        (await PostAsync(admin, $"/Account/Users?handler=ResetSecondFactor&id={id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        string body;
        await using (var scope = app.Services.CreateAsyncScope())
            body = (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails
                .Where(m => m.Key.StartsWith($"account-factor-reset:{id}:")).OrderByDescending(m => m.Id).FirstAsync()).Body;
        var link = new Uri(SetupLink().Match(body).Value).PathAndQuery;
        var browser = app.Anonymous();
        var page = await browser.GetStringAsync(link);
        if (startCeremony)
        {
            (await browser.PostAsync(link.Replace("?", "?handler=PasskeyOptions&", StringComparison.Ordinal), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Login.AntiforgeryToken(page),
            }))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var answer = await browser.PostAsync(link.Replace("?", "?handler=Passkey&", StringComparison.Ordinal), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PasskeyName"] = "Jobbdatorn", ["Credential"] = credential + new string(' ', credential.Length == 0 ? 0 : 10_000),
            ["__RequestVerificationToken"] = Login.AntiforgeryToken(page),
        }));
        answer.StatusCode.Should().Be(HttpStatusCode.OK, $"ceremony started: {startCeremony}");
        (await answer.Content.ReadAsStringAsync()).Should().Contain("PasskeyName-error").And.Contain("Det finns fel i formuläret");
        (await browser.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK, "the link is not used up by a refusal");
        await using var check = app.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<GrantsDbContext>().UserPasskeys.CountAsync(p => p.UserId == id)).Should().Be(0);
    }

    [Theory]
    [InlineData("okand")]
    [InlineData("")]
    public async Task An_unknown_account_is_not_found(string id)
    {
        var admin = await app.CookieClientAsync(Login.Admin);
        (await PostAsync(admin, $"/Account/Users?handler=ResetSecondFactor&id={id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action)
    {
        var form = await client.GetStringAsync("/Account/Users");
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Login.AntiforgeryToken(form),
        }));
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<string?> StampAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        return await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync();
    }

    [GeneratedRegex(@"https?://\S+/Account/Setup\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex SetupLink();

    [GeneratedRegex("id=\"authenticator-key\" data-key=\"([A-Z0-9]+)\"")]
    private static partial Regex KeyAttribute();
}
