using System.Text.RegularExpressions;
using Grants.Identity;
using Grants.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Grants.Tests.Identity;

/// <summary>A production-configured host (no demo data) with a real SMTP server: how a förbund goes live.</summary>
public sealed class GoLiveApp : BrowserApp
{
    public SmtpServer Smtp { get; } = new();

    public override async Task InitializeAsync()
    {
        await Smtp.InitializeAsync();
        With("App:Demo", "false");
        foreach (var (key, value) in Smtp.Settings()) With(key, value);
        await base.InitializeAsync();
    }

    protected override async Task DisposeResourcesAsync()
    {
        await base.DisposeResourcesAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed partial class GoLiveBrowserTests(GoLiveApp app) : IClassFixture<GoLiveApp>
{
    private const string AdminEmail = "anna.admin@forbund.example";
    private const string KansliEmail = "karl.kansli@forbund.example";
    private const string AdminPassword = "Forsta-admin-2026!";
    private const string KansliPassword = "Kansli-losen-2026!";

    [Fact]
    public async Task First_admin_invites_a_kansli_who_sets_up_totp_loses_the_phone_gets_new_roles_is_deactivated_and_the_admin_resets_the_password_by_mail()
    {
        using (var scope = app.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<Grants.Infrastructure.GrantsDbContext>().Users.CountAsync()).Should().Be(0, "a production start has no users");

        // 1. The first-admin command (its own code, as `create-admin` runs it) prints a one-time link.
        var created = await CreateAdminAsync(force: false);
        created.Ok.Should().BeTrue(created.Message);
        var adminLink = LinkIn(created.Message);

        var admin = await app.NewPageAsync();
        var adminKey = await SetUpAsync(admin, adminLink, AdminPassword);
        (await admin.GotoAsync(PathOf(adminLink)))!.Status.Should().Be(404, "the link works once");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Länken gäller inte" }).WaitForAsync();
        (await CreateAdminAsync(force: false)).Ok.Should().BeFalse("an active administrator exists");

        await SignInAsync(admin, AdminEmail, AdminPassword, adminKey);

        // 2. The admin invites a kansli.
        await admin.GotoAsync("/Account/Users");
        await Axe.AssertNoSeriousViolationsAsync(admin);
        await admin.GetByLabel("E-post").FillAsync(KansliEmail);
        await admin.GetByLabel("Namn").FillAsync("Karl Kansli");
        await admin.GetByLabel("Kansli", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan" }).ClickAsync();
        await admin.GetByText($"Inbjudan är skickad till {KansliEmail}").WaitForAsync();

        var invitation = await MailToAsync(KansliEmail, "Inbjudan till");
        invitation.TextBody.Should().Contain("Kansli").And.Contain("gäller i 72 timmar");

        // 3. The kansli accepts through the mailed link, pairs an authenticator app and signs in.
        var kansli = await app.NewPageAsync();
        var kansliKey = await SetUpAsync(kansli, LinkIn(invitation.TextBody), KansliPassword);
        await SignInAsync(kansli, KansliEmail, KansliPassword, kansliKey);
        await kansli.GotoAsync("/Applications");
        kansli.Url.Should().Contain("/Applications");

        // 3b. The kansli loses the phone: the admin resets the second factor. The session ends, the password alone is
        //     refused, and the mailed link pairs a new app without choosing a new password.
        await admin.GotoAsync("/Account/Users");
        await admin.GetByText("Tappad telefon?").ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Återställ tvåstegsverifiering för Karl Kansli" }).ClickAsync();
        await admin.GetByText("har ingen tvåstegsverifiering längre").WaitForAsync();
        await kansli.ReloadAsync();
        kansli.Url.Should().Contain("/Account/Login", "a reset ends the person's sessions");
        await kansli.GetByLabel("E-post").FillAsync(KansliEmail);
        await kansli.GetByLabel("Lösenord").FillAsync(KansliPassword);
        await kansli.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await kansli.GetByText("Kontot saknar tvåstegsverifiering").First.WaitForAsync();
        var resetMail = await MailToAsync(KansliEmail, "Koppla en ny autentiseringsapp");
        resetMail.TextBody.Should().Contain("Anna Admin har återställt tvåstegsverifieringen").And.Contain("Ditt lösenord är oförändrat");
        await kansli.GotoAsync(PathOf(LinkIn(resetMail.TextBody)));
        var newKansliKey = await PairAsync(kansli);
        newKansliKey.Should().NotBe(kansliKey);
        await SignInAsync(kansli, KansliEmail, KansliPassword, newKansliKey);
        await kansli.GotoAsync("/Applications");

        // 3c. The admin changes the kansli's roles: Styrelse is refused at that row's roles (not in the board register),
        //     Admin is added; the kansli's session ends and the next sign-in has the new role.
        await admin.GotoAsync("/Account/Users");
        await admin.GetByText("Ändra roller").ClickAsync();
        await admin.GetByRole(AriaRole.Group, new() { Name = "Roller för Karl Kansli" }).GetByLabel("Styrelse").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara roller för Karl Kansli" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Rollen Styrelse kräver") }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(admin);
        var roles = admin.GetByRole(AriaRole.Group, new() { Name = "Roller för Karl Kansli" });
        await roles.GetByLabel("Styrelse").UncheckAsync();
        await roles.GetByLabel("Admin").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara roller för Karl Kansli" }).ClickAsync();
        await admin.GetByText($"Kontot för {KansliEmail} har nu rollerna Kansli, Admin.").WaitForAsync();
        await kansli.ReloadAsync();
        kansli.Url.Should().Contain("/Account/Login", "new roles end the old session");
        await SignInAsync(kansli, KansliEmail, KansliPassword, newKansliKey);
        await kansli.GotoAsync("/Account/Users");
        kansli.Url.Should().Contain("/Account/Users", "the kansli is now also Admin");

        // 4. Deactivation ends the kansli's open session on the next request.
        await admin.GotoAsync("/Account/Users");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Stäng av Karl Kansli" }).ClickAsync();
        await admin.GetByText("är avstängt").WaitForAsync();
        await kansli.ReloadAsync();
        kansli.Url.Should().Contain("/Account/Login");

        // 5. The admin forgets the password: the reset mail's link sets a new one; the second factor stays.
        var forgot = await app.NewPageAsync();
        await forgot.GotoAsync("/Account/ForgotPassword");
        await Axe.AssertNoSeriousViolationsAsync(forgot);
        await forgot.GetByLabel("E-post").FillAsync(AdminEmail);
        await forgot.GetByRole(AriaRole.Button, new() { Name = "Skicka länk" }).ClickAsync();
        await forgot.GetByText(PasswordReset.Answer).WaitForAsync();
        var reset = await MailToAsync(AdminEmail, "Nytt lösenord");
        await forgot.GotoAsync(PathOf(LinkIn(reset.TextBody)));
        await forgot.GetByLabel("Nytt lösenord").FillAsync("Nytt-admin-losen-2026!");
        await forgot.GetByLabel("Upprepa lösenordet").FillAsync("Nytt-admin-losen-2026!");
        await forgot.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();
        await forgot.GetByText("Ditt nya lösenord är sparat").WaitForAsync();
        await admin.GotoAsync("/Account/Users");
        admin.Url.Should().Contain("/Account/Login", "a new password ends the sessions opened with the old one");
        await SignInAsync(await app.NewPageAsync(), AdminEmail, "Nytt-admin-losen-2026!", adminKey);
    }

    private async Task<FirstAdmin.Result> CreateAdminAsync(bool force)
    {
        using var scope = app.Services.CreateScope();
        return await FirstAdmin.CreateAsync(scope.ServiceProvider, AdminEmail, "Anna Admin", force, CancellationToken.None);
    }

    /// <summary>Opens a set-up link, chooses the password, pairs the authenticator; returns the key the app would hold.</summary>
    private static async Task<string> SetUpAsync(IPage page, string link, string password)
    {
        await page.GotoAsync(PathOf(link));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Nytt lösenord").FillAsync("kort");
        await page.GetByLabel("Upprepa lösenordet").FillAsync("kort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();
        await page.Locator("#Password-error").Filter(new() { HasText = "minst 12 tecken" }).WaitForAsync();
        await page.GetByLabel("Nytt lösenord").FillAsync(password);
        await page.GetByLabel("Upprepa lösenordet").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();

        return await PairAsync(page);
    }

    /// <summary>On the set-up page's pairing step: a wrong code is named, the right one shows ten recovery codes.</summary>
    private static async Task<string> PairAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Heading, new() { Name = "Koppla en autentiseringsapp" }).WaitForAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        var key = await page.Locator("#authenticator-key").GetAttributeAsync("data-key") ?? throw new InvalidOperationException("No key shown.");
        await page.GetByLabel("Kod från appen").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktivera" }).ClickAsync();
        await page.Locator("#Code-error").Filter(new() { HasText = "Koden stämmer inte" }).WaitForAsync();
        await page.GetByLabel("Kod från appen").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktivera" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dina återställningskoder" }).WaitForAsync();
        (await page.Locator(".recovery-codes li").CountAsync()).Should().Be(10);
        await Axe.AssertNoSeriousViolationsAsync(page);
        return key;
    }

    private static async Task SignInAsync(IPage page, string email, string password, string key)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/TwoFactor", StringComparison.Ordinal));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Kod från appen").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
    }

    private Task<MimeMessage> MailToAsync(string to, string subject) => MailWait.ToAsync(app, app.Smtp, to, subject);

    private static string LinkIn(string? text) =>
        SetupLink().Match(text ?? "") is { Success: true } m ? m.Value : throw new InvalidOperationException($"No set-up link in: {text}");

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [GeneratedRegex(@"https?://\S+/Account/Setup\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex SetupLink();
}
