using Grants.Identity;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Grants.Tests.Identity.External;

/// <summary>
/// OpenID Connect sign-in against a real provider (OpenIddict) in Chromium: authorization code + PKCE from the login
/// page's button through the provider's own form and back. Linking happens only by a verified e-mail or an Admin.
/// </summary>
public sealed class ExternalSignInBrowserTests(ExternalSignInApp app) : IClassFixture<ExternalSignInApp>
{
    [Fact]
    public async Task Staff_with_a_verified_email_and_the_providers_second_factor_signs_in_and_is_linked()
    {
        var user = await AccountAsync("extern.kansli@forbund.test", "Elsa Extern", Roles.Secretariat);
        app.Idp.Add(new("sub-elsa", user.Email!, EmailVerified: true, "idp-losen", "Elsa Extern", Mfa: true));

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FApplications");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await SignInAtProviderAsync(page, ExternalSignInApp.StaffProvider, user.Email!, "idp-losen");

        await page.WaitForURLAsync(url => url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !url.Contains("/Account/", StringComparison.Ordinal));
        (await page.Locator(".who").InnerTextAsync()).Should().Contain("Elsa Extern").And.Contain(Roles.Secretariat);
        page.Url.Should().Be(app.BaseUrl + "/Applications", "the flow came back to where the person was going");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var login = await db.UserLogins.SingleAsync(l => l.UserId == user.Id);
        (login.LoginProvider, login.ProviderKey).Should().Be((ExternalSignInApp.StaffScheme, "sub-elsa"));
        var audit = await db.AuditEntries.Where(a => a.EntityId == user.Id).Select(a => new { a.Action, a.Details }).ToListAsync();
        audit.Should().ContainSingle(a => a.Action == AccountAudit.ExternalLinked);
        audit.Should().ContainSingle(a => a.Action == AccountAudit.SignedIn && a.Details!.Contains("Testleverantören med tvåstegsverifiering"));
    }

    [Fact]
    public async Task An_unverified_email_is_not_linked_and_the_applicant_is_offered_registration()
    {
        var user = await AccountAsync("overifierad@kommun.test", "Olle Overifierad", Roles.Applicant);
        app.Idp.Add(new("sub-olle", user.Email!, EmailVerified: false, "idp-losen", "Olle Overifierad", Mfa: true));

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SignInAtProviderAsync(page, ExternalSignInApp.ApplicantProvider, user.Email!, "idp-losen");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Inget konto är kopplat" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Testlegitimering").And.Contain("inte kopplad");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Skapa ett konto" }).GetAttributeAsync("href")).Should().Be("/Account/Register");
        await Axe.AssertNoSeriousViolationsAsync(page);
        (await page.GotoAsync("/Account/Users"))!.Url.Should().Contain("/Account/Login", "nobody was signed in");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.UserLogins.AnyAsync(l => l.UserId == user.Id)).Should().BeFalse();
        (await db.AuditEntries.AnyAsync(a => a.Action == AccountAudit.ExternalRefused && a.EntityId == $"{ExternalSignInApp.ApplicantScheme}:sub-olle")).Should().BeTrue();
    }

    [Fact]
    public async Task A_deactivated_account_is_refused_although_linked()
    {
        var user = await AccountAsync("avstangd@forbund.test", "Alva Avstängd", Roles.Secretariat);
        app.Idp.Add(new("sub-alva", user.Email!, EmailVerified: true, "idp-losen", "Alva Avstängd", Mfa: true));
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            (await users.AddLoginAsync(stored!, new UserLoginInfo(ExternalSignInApp.StaffScheme, "sub-alva", ExternalSignInApp.StaffProvider))).Succeeded.Should().BeTrue();
            stored!.DeactivatedAt = app.Time.GetUtcNow();
            (await users.UpdateAsync(stored)).Succeeded.Should().BeTrue();
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SignInAtProviderAsync(page, ExternalSignInApp.StaffProvider, user.Email!, "idp-losen");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Inloggningen nekades" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Kontot är avstängt");
        await Axe.AssertNoSeriousViolationsAsync(page);
        (await page.Locator(".who").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Staff_without_the_providers_second_factor_must_pass_the_authenticator_app_or_is_refused()
    {
        // With an app: the provider's password is the first step, the app the second.
        var withApp = await AccountAsync("app.kansli@forbund.test", "Anton App", Roles.Secretariat);
        var key = await EnableAuthenticatorAsync(withApp.Id);
        app.Idp.Add(new("sub-anton", withApp.Email!, EmailVerified: true, "idp-losen", "Anton App", Mfa: false));
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SignInAtProviderAsync(page, ExternalSignInApp.StaffProvider, withApp.Email!, "idp-losen");
        await page.WaitForURLAsync(url => url.Contains("/Account/TwoFactor", StringComparison.Ordinal));
        await page.GetByLabel("Kod från appen").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        (await page.Locator(".who").InnerTextAsync()).Should().Contain("Anton App");

        // Without an app and without the provider's "mfa": refused.
        var noApp = await AccountAsync("utan.app@forbund.test", "Ulla Utan", Roles.Board);
        app.Idp.Add(new("sub-ulla", noApp.Email!, EmailVerified: true, "idp-losen", "Ulla Utan", Mfa: false));
        var refused = await app.NewPageAsync();
        await refused.GotoAsync("/Account/Login");
        await SignInAtProviderAsync(refused, ExternalSignInApp.StaffProvider, noApp.Email!, "idp-losen");
        await refused.GetByRole(AriaRole.Heading, new() { Name = "Inloggningen nekades" }).WaitForAsync();
        (await refused.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("tvåstegsverifiering");
    }

    [Fact]
    public async Task An_admin_links_an_identity_the_provider_cannot_vouch_for_and_the_person_then_signs_in()
    {
        var user = await AccountAsync("adminkopplad@forbund.test", "Kim Kopplad", Roles.Lsg);
        app.Idp.Add(new("sub-kim", "kim.privat@example.test", EmailVerified: false, "idp-losen", "Kim Kopplad", Mfa: true));

        var admin = await app.LoggedInPageAsync("admin@demo.grants.se");
        await admin.GotoAsync("/Account/Users");
        await admin.GetByLabel("Konto", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = user.Id });
        await admin.GetByLabel("Inloggningstjänst").SelectOptionAsync(ExternalSignInApp.StaffScheme);
        await admin.GetByLabel("Identitet hos tjänsten (sub)").FillAsync("sub-kim");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Koppla", Exact = true }).ClickAsync();
        await admin.GetByText("är kopplat till den externa identiteten").WaitForAsync();
        await Axe.AssertNoSeriousViolationsAsync(admin);

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SignInAtProviderAsync(page, ExternalSignInApp.StaffProvider, "kim.privat@example.test", "idp-losen");
        await page.WaitForURLAsync(url => url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !url.Contains("/Account/", StringComparison.Ordinal));
        (await page.Locator(".who").InnerTextAsync()).Should().Contain("Kim Kopplad");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.AuditEntries.SingleAsync(a => a.EntityId == user.Id && a.Action == AccountAudit.ExternalLinked)).UserName.Should().Be("Adam Admin");
    }

    [Fact]
    public async Task A_forged_or_broken_answer_from_the_provider_gets_a_swedish_page_not_an_error()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync($"/signin-oidc-{ExternalSignInApp.StaffScheme}?code=forged&state=forged");
        response!.Status.Should().Be(400);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Inloggningen misslyckades" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain(ExternalSignInApp.StaffProvider);
        await Axe.AssertNoSeriousViolationsAsync(page);
        (await page.Locator(".who").CountAsync()).Should().Be(0);
    }

    private static async Task SignInAtProviderAsync(IPage page, string provider, string email, string password)
    {
        (await page.TitleAsync()).Should().StartWith("Logga in", $"the login page is open (at {page.Url})");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Logga in med {provider}" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("localhost", StringComparison.Ordinal));
        await page.GetByLabel("Användare").FillAsync(email);
        await page.GetByLabel("Lösenord hos leverantören").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsätt till tjänsten" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(page.Url).GetLeftPart(UriPartial.Authority).Replace("localhost", "127.0.0.1", StringComparison.Ordinal), StringComparison.Ordinal)
            || url.Contains("127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>An active account whose own address is confirmed (as after accepting an invitation), without a password.</summary>
    private async Task<AppUser> AccountAsync(string email, string name, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
            CreatedAt = app.Time.GetUtcNow(), ActivatedAt = app.Time.GetUtcNow(),
            OrganisationId = role == Roles.Applicant ? await AnyOrganisationAsync(scope) : null,
        };
        (await users.CreateAsync(user)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        return user;
    }

    private static async Task<Guid> AnyOrganisationAsync(IServiceScope scope) =>
        (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.FirstAsync(u => u.OrganisationId != null)).OrganisationId!.Value;

    private async Task<string> EnableAuthenticatorAsync(string userId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        await users.ResetAuthenticatorKeyAsync(user!);
        (await users.SetTwoFactorEnabledAsync(user!, true)).Succeeded.Should().BeTrue();
        return (await users.GetAuthenticatorKeyAsync(user!))!;
    }
}
