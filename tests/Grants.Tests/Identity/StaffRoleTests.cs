using System.Net;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Identity;

/// <summary>An Admin changes a staff member's roles on Konton ("Ändra roller"); a refusal is named at that row's roles and changes nothing.</summary>
public sealed class StaffRoleTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task An_admin_adds_a_role_the_persons_sessions_end_and_the_change_is_audited()
    {
        var id = await IdOfAsync(Login.Secretariat);
        var session = await app.BearerClientAsync(Login.Secretariat);
        var admin = await app.CookieClientAsync(Login.Admin);

        var answer = await PostRolesAsync(admin, id, Roles.Secretariat, Roles.Admin);
        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Account/Users")).Should().Contain($"Kontot för {Login.Secretariat} har nu rollerna Kansli, Admin.");
        (await RolesOfAsync(id)).Should().BeEquivalentTo(Roles.Secretariat, Roles.Admin);
        (await session.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the old token carries the old roles");
        var again = await app.BearerClientAsync(Login.Secretariat);
        (await again.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == AccountAudit.RolesChanged);
        audit.Details.Should().Be("Kansli → Admin, Kansli");
        audit.UserId.Should().Be(await IdOfAsync(Login.Admin));

        (await PostRolesAsync(admin, id, Roles.Secretariat)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RolesOfAsync(id)).Should().BeEquivalentTo(Roles.Secretariat);
    }

    [Theory]
    [InlineData(Login.Board, new[] { Roles.Board, Roles.Lsg }, "Rollen LSG kräver att adressen finns bland LSG:s ledamöter")]
    [InlineData(Login.Board, new string[0], "Välj en eller flera roller")]
    [InlineData(Login.Board, new[] { "Superuser" }, "Välj en eller flera roller")]
    [InlineData(Login.Board, new[] { Roles.Applicant }, "Välj en eller flera roller")]
    [InlineData(Login.Admin, new[] { Roles.Secretariat }, "Du kan inte ändra dina egna roller")]
    [InlineData(Login.Applicant, new[] { Roles.Secretariat }, "En sökandes konto får inga roller i förbundet")]
    public async Task A_refused_change_is_named_at_the_rows_roles_and_changes_nothing(string target, string[] roles, string message)
    {
        var id = await IdOfAsync(target);
        var before = await RolesOfAsync(id);
        var stamp = await StampAsync(id);
        var admin = await app.CookieClientAsync(Login.Admin);

        var answer = await PostRolesAsync(admin, id, roles);
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await answer.Content.ReadAsStringAsync();
        page.Should().Contain("Det finns fel i formuläret").And.Contain($"href=\"#{Grants.Account.UsersModel.RolesKey(id)}\"").And.Contain(message);
        (await RolesOfAsync(id)).Should().BeEquivalentTo(before);
        (await StampAsync(id)).Should().Be(stamp);
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        var admin = await app.CookieClientAsync(Login.Admin);
        (await PostRolesAsync(admin, "okand", Roles.Secretariat)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> PostRolesAsync(HttpClient client, string id, params string[] roles)
    {
        var form = await client.GetStringAsync("/Account/Users");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Login.AntiforgeryToken(form)) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("NewRoles", r)));
        return await client.PostAsync($"/Account/Users?handler=Roles&id={id}", new FormUrlEncodedContent(fields));
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<IList<string>> RolesOfAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
    }

    private async Task<string?> StampAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync();
    }
}
