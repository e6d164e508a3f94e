using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Organisations;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Organisations.ApplicantPages;

namespace Grants.Tests.Organisations;

/// <summary>A member or the kansli removes a person from an organisation; the person's sessions lose it at once; never the last member.</summary>
public sealed class RemoveMemberTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private const string OrgNr = "802401-1234";
    private const string Founder = "rut.ruta@tolv.example";
    private const string Bengt = "bengt@tolv.example";
    private const string Cecilia = "cecilia@tolv.example";

    [Fact]
    public async Task A_member_and_the_kansli_remove_members_whose_sessions_lose_the_organisation_but_the_last_member_stays()
    {
        await JoinAsync("Rut Ruta", Founder, approvedBy: null);
        var founder = Browser(app);
        await SignInAsync(founder, Founder);
        await JoinAsync("Bengt Bredvid", Bengt, founder);
        await JoinAsync("Cecilia Centrum", Cecilia, founder);
        var orgId = await OrganisationIdAsync(Founder);

        // Bengt has an open cookie and a bearer token; both reach the organisation.
        var bengtCookie = Browser(app);
        await SignInAsync(bengtCookie, Bengt);
        (await bengtCookie.GetAsync("/Organisations/Members")).StatusCode.Should().Be(HttpStatusCode.OK);
        var bengtToken = await BearerAsync(Bengt);
        (await bengtToken.GetAsync("/api/applications")).StatusCode.Should().Be(HttpStatusCode.OK);
        var bengtId = await IdOfAsync(Bengt);

        // A member of another organisation cannot remove anyone here (as unknown as a missing person).
        var other = await app.CookieClientAsync(Login.OtherApplicant);
        (await PostAsync(other, "/Organisations/Members", new Dictionary<string, string>(), $"/Organisations/Members?handler=Remove&userId={bengtId}"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        Text(await founder.GetStringAsync("/Organisations/Members")).Should().Contain("Bengt Bredvid (" + Bengt + ") Ta bort");
        (await PostAsync(founder, "/Organisations/Members", new Dictionary<string, string>(), $"/Organisations/Members?handler=Remove&userId={bengtId}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        Text(await founder.GetStringAsync("/Organisations/Members")).Should().Contain("Bengt Bredvid är borttagen ur organisationen").And.NotContain(Bengt);

        // His next request: the cookie is gone (back to the login page) and the token is refused.
        (await bengtCookie.GetAsync("/Organisations/Members")).Headers.Location!.ToString().Should().Contain("/Account/Login");
        (await bengtToken.GetAsync("/api/applications")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var again = Browser(app);
        await SignInAsync(again, Bengt);
        (await again.GetAsync("/Organisations/Members")).Headers.Location!.ToString().Should().Contain("/Account/Denied", "signed in again, he has no organisation");

        // The kansli removes Cecilia from the register page.
        var kansli = await app.CookieClientAsync(Login.Secretariat);
        var ceciliaId = await IdOfAsync(Cecilia);
        Text(await kansli.GetStringAsync("/Organisations")).Should().Contain("Cecilia Centrum (" + Cecilia + ") Ta bort");
        (await PostAsync(kansli, "/Organisations", new Dictionary<string, string>(), $"/Organisations?handler=Remove&id={orgId}&userId={ceciliaId}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        Text(await kansli.GetStringAsync("/Organisations")).Should().Contain("Cecilia Centrum är borttagen ur organisationen");

        // Rut is the last member: neither she nor the kansli can remove her.
        var rutId = await IdOfAsync(Founder);
        (await PostAsync(founder, "/Organisations/Members", new Dictionary<string, string>(), $"/Organisations/Members?handler=Remove&userId={rutId}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        Text(await founder.GetStringAsync("/Organisations/Members")).Should().Contain("Det går inte att ta bort organisationens sista aktiva medlem");
        (await PostAsync(kansli, "/Organisations", new Dictionary<string, string>(), $"/Organisations?handler=Remove&id={orgId}&userId={rutId}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        Text(await kansli.GetStringAsync("/Organisations")).Should().Contain("Det går inte att ta bort organisationens sista aktiva medlem");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.Users.Where(u => u.OrganisationId == orgId).Select(u => u.Email).ToListAsync()).Should().Equal(Founder);
        var removals = await db.AuditEntries.Where(a => a.EntityType == OrganisationAudit.EntityType && a.EntityId == orgId.ToString() && a.Action == OrganisationAudit.MemberRemoved)
            .OrderBy(a => a.Id).ToListAsync();
        removals.Select(a => (a.UserName, a.Role, a.Details)).Should().Equal(
            ("Rut Ruta", Roles.Applicant, $"Bengt Bredvid ({Bengt})"),
            ("Karin Kansli (förbundschef)", Roles.Secretariat, $"Cecilia Centrum ({Cecilia})"));
        (await db.AuditEntries.CountAsync(a => a.EntityType == AccountAudit.EntityType && a.Action == AccountAudit.RemovedFromOrganisation
            && (a.EntityId == bengtId || a.EntityId == ceciliaId))).Should().Be(2);
    }

    /// <summary>Registers and confirms for the organisation; the first creates it, later ones are approved by <paramref name="approvedBy"/>.</summary>
    private async Task JoinAsync(string name, string email, HttpClient? approvedBy)
    {
        await RegisterAsync(Browser(app), name, email, OrgNr, "Tolvans förening");
        (await ConfirmAsync(Browser(app), await LinkMailedAsync(app, email, "account-confirm:"))).StatusCode.Should().Be(HttpStatusCode.OK);
        if (approvedBy is null) return;
        var requestId = await RequestIdAsync(email);
        (await PostAsync(approvedBy, "/Organisations/Members", new Dictionary<string, string>(), $"/Organisations/Members?handler=Decide&id={requestId}&approve=true"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<Guid> OrganisationIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.Where(u => u.Email == email).Select(u => u.OrganisationId).SingleAsync())!.Value;
    }

    private async Task<long> RequestIdAsync(string email)
    {
        var id = await IdOfAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Set<MembershipRequest>()
            .Where(r => r.UserId == id).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
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
}
