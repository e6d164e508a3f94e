using System.Net;
using System.Net.Http.Json;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Organisations;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Organisations.ApplicantPages;

namespace Grants.Tests.Organisations;

/// <summary>Self-registration: confirmation by a single-use, expiring link; a new organisation; no address enumeration.</summary>
public sealed class RegistrationTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Registering_and_confirming_creates_the_organisation_with_the_person_as_first_member()
    {
        const string email = "forsta@nyforening.example";
        var page = await RegisterAsync(Browser(app), "Frida Första", email, "802400-1235", "Nya föreningen");
        Text(page).Should().Contain(ApplicantRegistration.Answer);

        var early = await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { email, password = Password });
        early.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the address is not confirmed yet");
        (await early.Content.ReadAsStringAsync()).Should().Contain("Bekräfta först din e-postadress");

        var mail = await MailAsync(app, email, "account-confirm:");
        mail!.Subject.Should().Be("Bekräfta din e-postadress");
        var browser = Browser(app);
        var opened = await browser.GetAsync(new Uri(LinkIn(mail.Body)).PathAndQuery);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        Text(await opened.Content.ReadAsStringAsync()).Should().Contain("Bekräfta adressen " + email, "opening the link only shows the button");
        var confirmed = await ConfirmAsync(browser, LinkIn(mail.Body));
        Text(await confirmed.Content.ReadAsStringAsync()).Should().Contain("organisationen Nya föreningen är skapad med dig som första medlem");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var org = await db.Organisations.SingleAsync(o => o.OrganisationNumber == "8024001235");
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.OrganisationId.Should().Be(org.Id);
        user.EmailConfirmed.Should().BeTrue();
        var request = await db.Set<MembershipRequest>().SingleAsync(r => r.UserId == user.Id);
        (request.Status, request.Founder).Should().Be((MembershipStatus.Approved, true));
        (await db.AuditEntries.Where(a => a.EntityId == user.Id).Select(a => a.Action).ToListAsync())
            .Should().Contain([AccountAudit.Registered, AccountAudit.Activated, AccountAudit.JoinedOrganisation]);
        (await db.AuditEntries.AnyAsync(a => a.EntityType == OrganisationAudit.EntityType && a.EntityId == org.Id.ToString()
            && a.Action == OrganisationAudit.Created && a.UserId == user.Id)).Should().BeTrue();

        var member = Browser(app);
        await SignInAsync(member, email);
        (await member.GetAsync("/Organisations/Members")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_address_with_an_account_gets_the_same_answer_and_its_owner_a_mail_instead_of_a_link()
    {
        var fresh = await RegisterAsync(Browser(app), "Olle Okänd", "okand@exempel.example", "802400-2340", "Föreningen Två");
        var known = await RegisterAsync(Browser(app), "Någon Annan", Login.Applicant, "802400-2340", "Föreningen Två");
        Text(known).Should().Be(Text(fresh).Replace("okand@exempel.example", Login.Applicant), "the page must not tell whether the address has an account");

        (await MailAsync(app, Login.Applicant, "account-confirm:")).Should().BeNull("an existing account gets no confirmation link");
        var notice = await MailAsync(app, Login.Applicant, "account-exists:");
        notice!.Subject.Should().Be("Du har redan ett konto");
        await Login.BearerAsync(app.Anonymous(), Login.Applicant); // the password is untouched

        // Invalid input is answered alike for either address: field errors naming each field, nothing written.
        var bad = await PostAsync(Browser(app), "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Email"] = "inte-en-adress", ["Input.Password"] = "kort", ["Input.Confirm"] = "annat",
            ["Input.OrganisationNumber"] = "802400-1236", ["Input.OrganisationName"] = "",
        });
        var text = Text(await bad.Content.ReadAsStringAsync());
        text.Should().Contain("Ange ditt namn").And.Contain("Ange en giltig e-postadress").And.Contain("minst 12 tecken")
            .And.Contain("rätt kontrollsiffra").And.Contain("Ange organisationens namn");
    }

    [Fact]
    public async Task The_confirmation_link_works_once_and_not_after_its_hours_and_a_new_registration_replaces_an_unconfirmed_one()
    {
        const string email = "sen@exempel.example";
        await RegisterAsync(Browser(app), "Sara Sen", email, "802400-3454", "Föreningen Tre", "Forsta-losen-2026!");
        var first = await LinkMailedAsync(app, email, "account-confirm:");
        app.Time.Advance(TimeSpan.FromHours(25));
        var expired = await Browser(app).GetAsync(new Uri(first).PathAndQuery);
        expired.StatusCode.Should().Be(HttpStatusCode.NotFound, "Accounts:ConfirmLinkHours is 24");
        Text(await expired.Content.ReadAsStringAsync()).Should().Contain("Länken gäller inte");

        // Registering again (another password) replaces the unconfirmed account: only the mailbox's holder finishes it.
        await RegisterAsync(Browser(app), "Sara Sen", email, "802400-3454", "Föreningen Tre");
        var second = await LinkMailedAsync(app, email, "account-confirm:");
        second.Should().NotBe(first);
        (await ConfirmAsync(Browser(app), second)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Browser(app).GetAsync(new Uri(second).PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the link works once");
        (await Browser(app).GetAsync(new Uri(first).PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the replaced link is gone too");

        (await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { email, password = "Forsta-losen-2026!" })).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "the first registration's password was replaced");
        await SignInAsync(Browser(app), email);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.Users.CountAsync(u => u.Email == email)).Should().Be(1);
        (await db.Organisations.CountAsync(o => o.OrganisationNumber == "8024003454")).Should().Be(1);
    }
}
