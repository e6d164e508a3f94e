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

    [Fact]
    public async Task Anonymisation_replaces_the_person_in_the_organisation_tables_and_removes_their_passkeys()
    {
        var user = await StaffAsync("vera.verifierare@forbund.test", "Vera Verifierare");
        var organisation = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var now = app.Time.GetUtcNow();
            db.Set<Grants.Organisations.MembershipRequest>().Add(new()
            {
                UserId = "someone-else", OrganisationNumber = "8024007893", OrganisationName = "Grannföreningen", OrganisationId = organisation,
                Status = Grants.Organisations.MembershipStatus.Approved, CreatedAt = now, DecidedAt = now,
                DecidedById = user.Id, DecidedByName = "Vera Verifierare", DecidedByRole = Roles.Secretariat,
            });
            db.Set<Grants.Organisations.OrganisationInvitation>().Add(new()
            {
                OrganisationId = organisation, Email = "kollega@grannforeningen.test", TokenHash = Guid.NewGuid().ToString("N"),
                InvitedById = user.Id, InvitedByName = "Vera Verifierare", CreatedAt = now, ExpiresAt = now.AddDays(3),
            });
            db.Set<Grants.Organisations.OrganisationInvitation>().Add(new()
            {
                OrganisationId = organisation, Email = "Vera.Verifierare@forbund.test", TokenHash = Guid.NewGuid().ToString("N"),
                InvitedById = "someone-else", InvitedByName = "Någon Annan", CreatedAt = now, ExpiresAt = now.AddDays(3),
            });
            db.Set<Grants.Organisations.OrganisationVerification>().Add(new()
            {
                OrganisationId = organisation, VerifiedAt = now, VerifiedById = user.Id, VerifiedByName = "Vera Verifierare",
            });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            var passkey = new UserPasskeyInfo(Guid.NewGuid().ToByteArray(), [1, 2, 3], now, 0, ["internal"], true, false, false, [4], [5]) { Name = "Telefonen" };
            (await users.AddOrUpdatePasskeyAsync(stored!, passkey)).Succeeded.Should().BeTrue();
        }

        // "Mina uppgifter" shows what the organisation tables hold with the person's name on it.
        var mine = System.Net.WebUtility.HtmlDecode(await (await app.CookieClientAsync(user.Email!)).GetStringAsync("/Privacy/MyData?handler=Download"));
        mine.Should().Contain("förfrågningarJagAvgjort").And.Contain("verifieringar").And.Contain("Telefonen");

        await PostAsync("Deactivate", user.Id);
        app.Time.Advance(TimeSpan.FromDays(PrivacyApp.AnonymiseAfterDays + 1));
        (await PostAsync("Anonymise", user.Id)).Should().Contain("Tidigare användare");

        using var check = app.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var pseudonym = (await after.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).DisplayName;
        (await after.Set<Grants.Organisations.MembershipRequest>().SingleAsync(r => r.OrganisationId == organisation)).DecidedByName.Should().Be(pseudonym);
        var invitations = await after.Set<Grants.Organisations.OrganisationInvitation>().Where(i => i.OrganisationId == organisation).ToListAsync();
        invitations.Single(i => i.InvitedById == user.Id).InvitedByName.Should().Be(pseudonym);
        invitations.Single(i => i.InvitedById == "someone-else").Email.Should().Be(pseudonym, "the invitation to the person's address");
        (await after.Set<Grants.Organisations.OrganisationVerification>().SingleAsync(v => v.OrganisationId == organisation)).VerifiedByName.Should().Be(pseudonym);
        (await after.UserPasskeys.AnyAsync(p => p.UserId == user.Id)).Should().BeFalse();
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
