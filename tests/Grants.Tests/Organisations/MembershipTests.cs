using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Organisations;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Organisations.ApplicantPages;

namespace Grants.Tests.Organisations;

/// <summary>Joining an existing organisation: pending until a member or the kansli approves; invitations; verification.</summary>
public sealed class MembershipTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    /// <summary>The demo applicant's organisation (Skellefteå kommun), which has applications.</summary>
    private const string DemoOrgNr = Forms.ApplicantOrgNr;

    [Fact]
    public async Task A_pending_member_sees_nothing_of_the_organisation_until_a_member_approves()
    {
        const string email = "ny.kollega@skelleftea.example";
        var session = await RegisterAndConfirmAsync("Nils Ny", email, DemoOrgNr, "Skellefteå kommun");
        Text(await session.Page.Content.ReadAsStringAsync()).Should().Contain("behöver godkänna dig");

        var members = await app.BearerClientAsync(Login.Applicant);
        var theirs = await CountApplicationsAsync(members);
        theirs.Should().BeGreaterThan(0);
        var pending = await BearerAsync(email);
        (await CountApplicationsAsync(pending)).Should().Be(0, "a pending member sees nothing of the organisation's applications");
        var draft = await pending.PostJsonAsync("/api/applications", Forms.Complete());
        draft.StatusCode.Should().Be(HttpStatusCode.Forbidden, "nor may they apply in its name");
        (await draft.Content.ReadAsStringAsync()).Should().Contain("behöver godkänna dig först");
        var cookie = Browser(app);
        await SignInAsync(cookie, email);
        (await cookie.GetAsync("/Organisations/Members")).Headers.Location!.ToString().Should().Contain("/Account/Denied");
        var manage = Text(await cookie.GetStringAsync("/Account/Manage"));
        manage.Should().Contain("Väntar på godkännande för Skellefteå kommun");
        Text(await cookie.GetStringAsync("/")).Should().Contain("Väntar på godkännande för Skellefteå kommun");
        foreach (var path in new[] { "/", "/Applications", "/Applications/Edit", "/FollowUp/Reports" })
        {
            var response = await cookie.GetAsync(path);
            ((int)response.StatusCode).Should().BeLessThan(500, $"a pending member opening {path}");
            (await response.Content.ReadAsStringAsync()).Should().NotContain("Gymnasiekontoret", $"{path} shows nothing of the organisation");
        }

        var request = await RequestOfAsync(email);
        (await MailAsync(app, Login.Applicant, $"organisation-request:{request.Id}")).Should().NotBeNull("the members are told of the request");

        // A member of another organisation cannot decide it (as unknown as a missing one).
        var other = await app.CookieClientAsync(Login.OtherApplicant);
        (await PostAsync(other, "/Organisations/Members", new Dictionary<string, string>(), $"/Organisations/Members?handler=Decide&id={request.Id}&approve=true"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        var member = await app.CookieClientAsync(Login.Applicant);
        (await member.GetStringAsync("/Organisations/Members")).Should().Contain("Nils Ny").And.Contain(email);
        Text(await member.GetStringAsync("/")).Should().Contain($"Vill gå med i din organisation Nils Ny ({email})");
        (await PostAsync(member, "/Organisations/Members", new Dictionary<string, string>(), $"/Organisations/Members?handler=Decide&id={request.Id}&approve=true"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await CountApplicationsAsync(await BearerAsync(email))).Should().Be(theirs);
        (await cookie.GetAsync("/Organisations/Members")).StatusCode.Should().Be(HttpStatusCode.OK, "the open session takes the organisation on its next request");
        (await MailAsync(app, email, $"organisation-decision:{request.Id}"))!.Subject.Should().StartWith("Välkommen till");
        var decided = await RequestOfAsync(email);
        (decided.Status, decided.DecidedByName, decided.DecidedByRole).Should().Be((MembershipStatus.Approved, "Sara Sökande (Gymnasiekontoret)", Roles.Applicant));
        (await PostAsync(member, "/Organisations/Members", new Dictionary<string, string>(), $"/Organisations/Members?handler=Decide&id={request.Id}&approve=false"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RequestOfAsync(email)).Status.Should().Be(MembershipStatus.Approved, "a decided request is not decided again");
    }

    [Fact]
    public async Task The_kansli_sees_organisations_approves_refuses_and_marks_an_organisation_verified()
    {
        await RegisterAndConfirmAsync("Grundare Gren", "grundare@fyra.example", "802400-4569", "Föreningen Fyra");
        await RegisterAndConfirmAsync("Vera Väntar", "vera@fyra.example", "802400-4569", "Fyran");
        await RegisterAndConfirmAsync("Okänd Person", "okand@fyra.example", "802400-4569", "Fyran");
        var kansli = await app.CookieClientAsync(Login.Secretariat);
        var register = Text(await kansli.GetStringAsync("/Organisations"));
        Text(await kansli.GetStringAsync("/")).Should().Contain("förfrågningar om att gå med i en organisation");
        register.Should().Contain("Föreningen Fyra 802400-4569").And.Contain("Grundare Gren").And.Contain("Vera Väntar").And.Contain("Inte verifierad");

        var vera = await RequestOfAsync("vera@fyra.example");
        var okand = await RequestOfAsync("okand@fyra.example");
        (await PostAsync(kansli, "/Organisations", new Dictionary<string, string>(), $"/Organisations?handler=Decide&id={vera.Id}&approve=true")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await PostAsync(kansli, "/Organisations", new Dictionary<string, string>(), $"/Organisations?handler=Decide&id={okand.Id}&approve=false")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RequestOfAsync("vera@fyra.example")).DecidedByRole.Should().Be(Roles.Secretariat);
        (await RequestOfAsync("okand@fyra.example")).Status.Should().Be(MembershipStatus.Refused);
        (await MailAsync(app, "okand@fyra.example", $"organisation-decision:{okand.Id}"))!.Subject.Should().Be("Din begäran har avböjts");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var org = await db.Organisations.SingleAsync(o => o.OrganisationNumber == "8024004569");
            (await db.Users.Where(u => u.OrganisationId == org.Id).Select(u => u.Email).ToListAsync()).Should().BeEquivalentTo(["grundare@fyra.example", "vera@fyra.example"]);
            (await PostAsync(kansli, "/Organisations", new Dictionary<string, string>(), $"/Organisations?handler=Verify&id={org.Id}&verified=true")).StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await db.Set<OrganisationVerification>().SingleAsync(v => v.OrganisationId == org.Id)).VerifiedByName.Should().Be("Karin Kansli (förbundschef)");
            (await db.AuditEntries.Where(a => a.EntityId == org.Id.ToString()).Select(a => a.Action).ToListAsync()).Should().Contain(
                [OrganisationAudit.Created, OrganisationAudit.MembershipRequested, OrganisationAudit.MembershipApproved, OrganisationAudit.MembershipRefused, OrganisationAudit.Verified]);
        }
        Text(await kansli.GetStringAsync("/Organisations")).Should().Contain("Verifierad av Karin Kansli (förbundschef)");
        var founder = Browser(app);
        await SignInAsync(founder, "grundare@fyra.example");
        Text(await founder.GetStringAsync("/Organisations/Members")).Should().Contain("Verifierad av förbundets kansli");
        var refused = await BearerAsync("okand@fyra.example");
        (await CountApplicationsAsync(refused)).Should().Be(0);
    }

    [Fact]
    public async Task An_invited_colleague_joins_without_approval_and_the_link_works_once_and_expires()
    {
        var member = await app.CookieClientAsync(Login.Applicant);
        (await PostAsync(member, "/Organisations/Members", new Dictionary<string, string> { ["Email"] = "inbjuden@skelleftea.example" },
            "/Organisations/Members?handler=Invite")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var link = await LinkMailedAsync(app, "inbjuden@skelleftea.example", "organisation-invite:");
        var path = new Uri(link).PathAndQuery;
        var token = path[(path.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var colleague = Browser(app);
        Text(await colleague.GetStringAsync(path)).Should().Contain("Sara Sökande (Gymnasiekontoret) har bjudit in inbjuden@skelleftea.example till Skellefteå kommun");
        var joined = await PostAsync(colleague, path, new Dictionary<string, string>
        {
            ["Token"] = token, ["Input.Name"] = "Ida Inbjuden", ["Input.Password"] = Password, ["Input.Confirm"] = Password,
        }, $"/Account/Join?handler=New&token={token}");
        Text(await joined.Content.ReadAsStringAsync()).Should().Contain("Ditt konto är skapat och du är medlem i Skellefteå kommun");
        (await CountApplicationsAsync(await BearerAsync("inbjuden@skelleftea.example"))).Should().Be(await CountApplicationsAsync(await app.BearerClientAsync(Login.Applicant)));
        (await Browser(app).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the invitation works once");
        var request = await RequestOfAsync("inbjuden@skelleftea.example");
        (request.Status, request.DecidedByName).Should().Be((MembershipStatus.Approved, "Sara Sökande (Gymnasiekontoret)"));

        (await PostAsync(member, "/Organisations/Members", new Dictionary<string, string> { ["Email"] = "for.sen@skelleftea.example" },
            "/Organisations/Members?handler=Invite")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var late = new Uri(await LinkMailedAsync(app, "for.sen@skelleftea.example", "organisation-invite:")).PathAndQuery;
        var bad = await PostAsync(member, "/Organisations/Members", new Dictionary<string, string> { ["Email"] = "inte en adress" }, "/Organisations/Members?handler=Invite");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        Text(await bad.Content.ReadAsStringAsync()).Should().Contain("Ange kollegans e-postadress");
        app.Time.Advance(TimeSpan.FromHours(73));
        (await Browser(app).GetAsync(late)).StatusCode.Should().Be(HttpStatusCode.NotFound, "Accounts:ColleagueInvitationHours is 72");

    }

    private sealed record Registered(HttpResponseMessage Page);

    private async Task<Registered> RegisterAndConfirmAsync(string name, string email, string orgNr, string orgName)
    {
        await RegisterAsync(Browser(app), name, email, orgNr, orgName);
        var page = await ConfirmAsync(Browser(app), await LinkMailedAsync(app, email, "account-confirm:"));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        return new Registered(page);
    }

    private async Task<MembershipRequest> RequestOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Set<MembershipRequest>().AsNoTracking().Where(r => r.UserId == id).OrderByDescending(r => r.Id).FirstAsync();
    }

    private async Task<HttpClient> BearerAsync(string email)
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<Login.TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    private static async Task<int> CountApplicationsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/applications");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]!.GetValue<int>();
    }
}
