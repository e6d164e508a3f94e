using System.Net;
using System.Net.Http.Json;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Privacy;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Privacy;

/// <summary>Admin anonymises a deactivated person after the retention period; records keep the role and show the pseudonym.</summary>
public sealed class AnonymiseTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task Refused_for_an_active_account_and_before_the_retention_period_then_the_pseudonym_replaces_the_person()
    {
        var user = await StaffAsync("ida.inaktiv@forbund.test", "Ida Inaktiv");
        // Something the person did: a real sign-in, audited under their name.
        await app.CookieClientAsync(user.Email!);

        (await PostAsync("Anonymise", user.Id)).Should().Contain("Bara ett avstängt konto");
        (await ReloadAsync(user.Id)).DisplayName.Should().Be("Ida Inaktiv");

        await PostAsync("Deactivate", user.Id);
        app.Time.Advance(TimeSpan.FromDays(PrivacyApp.AnonymiseAfterDays - 1));
        (await PostAsync("Anonymise", user.Id)).Should().Contain("kan anonymiseras tidigast");
        (await ReloadAsync(user.Id)).Email.Should().Be("ida.inaktiv@forbund.test");

        app.Time.Advance(TimeSpan.FromDays(2));
        (await PostAsync("Anonymise", user.Id)).Should().Contain("Tidigare användare");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = await users.FindByIdAsync(user.Id);
        stored!.DisplayName.Should().MatchRegex("^Tidigare användare [0-9]+$");
        (stored.Email, stored.PhoneNumber, stored.PasswordHash).Should().Be((null, null, null));
        (await users.GetRolesAsync(stored)).Should().Equal(Roles.Secretariat);
        (await db.UserLogins.AnyAsync(l => l.UserId == user.Id)).Should().BeFalse();

        var byPerson = await db.AuditEntries.Where(a => a.UserId == user.Id).ToListAsync();
        byPerson.Should().Contain(a => a.Action == AccountAudit.SignedIn);
        byPerson.Should().OnlyContain(a => a.UserName == stored.DisplayName && a.Role == Roles.Secretariat, "the log stays attributable to the pseudonym and role");
        (await db.AuditEntries.SingleAsync(a => a.EntityId == user.Id && a.Action == AnonymisePerson.Anonymised)).UserName.Should().Be("Adam Admin");
        (await db.AuditEntries.AnyAsync(a => a.UserName == "Ida Inaktiv" || a.Details!.Contains("ida.inaktiv"))).Should().BeFalse();

        // Signing in with the old address is no longer possible.
        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { email = "ida.inaktiv@forbund.test", password = Grants.Demo.DemoData.Password });
        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_an_admin_may_anonymise()
    {
        var user = await StaffAsync("olof.obehorig@forbund.test", "Olof Obehörig");
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            stored!.DeactivatedAt = app.Time.GetUtcNow().AddDays(-PrivacyApp.AnonymiseAfterDays - 1);
            await users.UpdateAsync(stored);
        }
        foreach (var role in Roles.All.Where(r => r != Roles.Admin))
        {
            var client = await app.CookieClientAsync(Login.EmailOf(role));
            var page = await client.GetStringAsync("/Privacy/MyData");
            var response = await client.PostAsync($"/Account/Users?handler=Anonymise&id={user.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Login.AntiforgeryToken(page),
            }));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, role);
            response.Headers.Location!.ToString().Should().Contain("/Account/Denied", role);
        }
        (await ReloadAsync(user.Id)).DisplayName.Should().Be("Olof Obehörig");
    }

    /// <summary>POSTs a Users page handler as the admin (a fresh sign-in: the clock jumps days) and returns the page after the redirect.</summary>
    private async Task<string> PostAsync(string handler, string id)
    {
        var admin = await app.CookieClientAsync(Login.Admin);
        var page = await admin.GetStringAsync("/Account/Users");
        var response = await admin.PostAsync($"/Account/Users?handler={handler}&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Login.AntiforgeryToken(page),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/Account/Users"));
    }

    private async Task<AppUser> ReloadAsync(string id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    /// <summary>A Kansli account with the demo password (no second factor, as seeded demo staff).</summary>
    private async Task<AppUser> StaffAsync(string email, string name)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = app.Time.GetUtcNow() };
        (await users.CreateAsync(user, Grants.Demo.DemoData.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Secretariat)).Succeeded.Should().BeTrue();
        return user;
    }
}
