using Grants.Identity;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Grants.Tests.Identity;

/// <summary>
/// Passkeys through ASP.NET Core Identity's WebAuthn support, in Chromium with a CDP virtual authenticator (a platform
/// authenticator with user verification). The app is opened as http://localhost: WebAuthn refuses IP addresses.
/// </summary>
public sealed class PasskeyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Kansli_adds_a_named_passkey_signs_in_with_it_and_after_removing_it_the_passkey_no_longer_works()
    {
        var page = await app.LoggedInPageAsync(Login.Secretariat, app.LocalhostUrl);
        await AddVirtualAuthenticatorAsync(page);

        await page.GotoAsync("/Account/Manage");
        await page.GetByText("Du har inga nycklar.").WaitForAsync();
        await CheckAsync(page, "mitt-konto-nycklar");

        // No name: the server's Swedish error, and no ceremony.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till nyckel" }).ClickAsync();
        await page.Locator("#PasskeyName-error").Filter(new() { HasText = "Namn på nyckeln måste fyllas i" }).WaitForAsync();
        await CheckAsync(page, "mitt-konto-nyckel-fel");

        await page.GetByLabel("Namn på nyckeln").FillAsync("Jobbdatorn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till nyckel" }).ClickAsync();
        await page.GetByText("Nyckeln \"Jobbdatorn\" är tillagd").WaitForAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "Jobbdatorn", Exact = true }).WaitForAsync();
        await CheckAsync(page, "mitt-konto-nyckel-tillagd");

        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await CheckAsync(page, "logga-in-nyckel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med nyckel (passkey)" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/Account/Manage");
        await page.GetByText(Login.Secretariat).First.WaitForAsync();

        var kansli = await UserAsync(Login.Secretariat);
        var events = await AuditAsync(kansli.Id);
        events.Should().Contain(a => a.Action == AccountAudit.PasskeyAdded && a.Details!.Contains("Jobbdatorn"));
        events.Should().Contain(a => a.Action == AccountAudit.SignedIn && a.Details!.Contains("nyckel (passkey)"));

        // The admin's account list says which second factors the person has.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ListAsync(default)).Single(r => r.Id == kansli.Id);
            row.Passkeys.Should().Be(1);
            row.SecondFactors.Should().Be("nyckel (passkey)", "the demo kansli has no authenticator app");
        }

        // Another session of the same person (a second browser) ends when the key is removed; this one stays.
        var elsewhere = await app.LoggedInPageAsync(Login.Secretariat, app.LocalhostUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort nyckeln Jobbdatorn" }).ClickAsync();
        await page.GetByText("Nyckeln \"Jobbdatorn\" är borttagen. Alla andra inloggningar är avslutade.").WaitForAsync();
        await elsewhere.GotoAsync("/Account/Manage");
        elsewhere.Url.Should().Contain("/Account/Login", "the other session ended");
        await page.GetByText("Du har inga nycklar.").WaitForAsync();
        (await AuditAsync(kansli.Id)).Should().Contain(a => a.Action == AccountAudit.PasskeyRemoved);

        // The authenticator still holds the credential, but the account no longer accepts it.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med nyckel (passkey)" }).ClickAsync();
        await page.GetByText("Inloggningen med nyckeln misslyckades").First.WaitForAsync();
        page.Url.Should().Contain("/Account/Login");
        await Axe.AssertNoSeriousViolationsAsync(page);
        app.CspViolations.Should().BeEmpty();
    }

    [Fact]
    public async Task Staff_without_an_authenticator_app_are_refused_a_password_only_sign_in_and_told_to_use_their_passkey()
    {
        const string email = "petra.passkey@forbund.example";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Petra Passkey",
            CreatedAt = app.Time.GetUtcNow(), ActivatedAt = app.Time.GetUtcNow(),
        };
        (await users.CreateAsync(user, Grants.Demo.DemoData.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Secretariat)).Succeeded.Should().BeTrue();

        // The fixture serves on Kestrel: a plain client with its own cookies (antiforgery).
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        (await PasswordSignInAsync(client, email)).Should().Contain("saknar tvåstegsverifiering");

        // A stored passkey (its key material is not used on the password path).
        var passkey = new UserPasskeyInfo(Guid.NewGuid().ToByteArray(), new byte[77], app.Time.GetUtcNow(), 0, ["internal"],
            true, false, false, new byte[10], new byte[10]) { Name = "Telefonen" };
        (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded.Should().BeTrue();
        (await PasswordSignInAsync(client, email)).Should().Contain("Logga in med nyckel (passkey). För förbundets personal räcker inte lösenordet ensamt.");
        (await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().NeedsSecondFactorSetupAsync(user))
            .Should().BeTrue("after a password (or a provider without MFA) staff still need the app: the passkey is used instead of the password");
    }

    [Fact]
    public async Task Invited_staff_choose_a_passkey_instead_of_the_app_and_sign_in_with_it()
    {
        const string email = "nils.nyckel@forbund.example";
        string link;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var invited = new AppUser { UserName = email, Email = email, DisplayName = "Nils Nyckel", CreatedAt = app.Time.GetUtcNow() };
            (await users.CreateAsync(invited)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(invited, Roles.Secretariat)).Succeeded.Should().BeTrue();
            link = scope.ServiceProvider.GetRequiredService<AccountLinks>().Issue(invited, AccountLinkPurpose.Setup);
            await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().SaveChangesAsync();
        }

        var page = await app.NewPageAsync(app.LocalhostUrl);
        await AddVirtualAuthenticatorAsync(page);
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await page.GetByLabel("Nytt lösenord").FillAsync("Nyckel-losen-2026!");
        await page.GetByLabel("Upprepa lösenordet").FillAsync("Nyckel-losen-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Eller: skapa en nyckel (passkey)" }).WaitForAsync();
        await CheckAsync(page, "setup-val");

        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckel" }).ClickAsync();
        await page.Locator("#PasskeyName-error").Filter(new() { HasText = "Namn på nyckeln måste fyllas i" }).WaitForAsync();
        await page.GetByLabel("Namn på nyckeln").FillAsync("Jobbdatorn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckel" }).ClickAsync();
        await page.GetByText("Ditt konto är aktiverat med lösenord och nyckeln \"Jobbdatorn\"").WaitForAsync();
        await CheckAsync(page, "setup-klar");
        (await page.GotoAsync(new Uri(link).PathAndQuery))!.Status.Should().Be(404, "the link works once");

        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med nyckel (passkey)" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/Applications");
        page.Url.Should().Contain("/Applications", "a passkey is the staff member's two factors");

        var user = await UserAsync(email);
        user.ActivatedAt.Should().NotBeNull();
        user.TwoFactorEnabled.Should().BeFalse("no app was paired");
        (await AuditAsync(user.Id)).Should().Contain(a => a.Action == AccountAudit.FactorSet && a.Details == "Nyckel (passkey) \"Jobbdatorn\"")
            .And.Contain(a => a.Action == AccountAudit.Activated);
        app.CspViolations.Should().BeEmpty();
    }

    private static async Task<string> PasswordSignInAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Grants.Demo.DemoData.Password,
            ["__RequestVerificationToken"] = Login.AntiforgeryToken(form),
        }));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "a refused sign-in shows the form again");
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A platform authenticator that holds discoverable credentials and verifies the user (CDP WebAuthn domain).</summary>
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).First.ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private async Task<AppUser> UserAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private async Task<List<Grants.Shared.AuditEntry>> AuditAsync(string userId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AccountAudit.EntityType && a.EntityId == userId).ToListAsync();
    }

    /// <summary>axe-core at desktop and phone width, with a screenshot of each.</summary>
    private static Task CheckAsync(IPage page, string step) => Axe.AssertAtBothWidthsAsync(page, $"passkey-{step}");
}
