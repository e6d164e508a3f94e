using System.Net;
using System.Text.Json.Nodes;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Hosting;

public sealed class HostingTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Health_answers_healthy_without_login()
    {
        var response = await app.Anonymous().GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task OpenAPI_document_describes_the_json_api()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        var doc = await response.ExpectJsonAsync(HttpStatusCode.OK);
        doc["openapi"]!.GetValue<string>().Should().StartWith("3.");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(["/api/applications", "/api/applications/{id}", "/api/applications/{id}/submit",
            "/api/applications/{id}/versions", "/api/applications/{id}/attachments", "/api/association", "/api/auth/token"]);
        doc["paths"]!["/api/applications"]!["post"]!["requestBody"]!["content"]!.AsObject().Should().ContainKey("application/json");
    }

    [Fact]
    public async Task Demo_data_is_loaded_in_the_test_configuration_and_the_database_is_the_fixtures_file()
    {
        if (app.Database.Provider == Grants.Infrastructure.DatabaseEngine.Sqlite) File.Exists(app.DatabaseFile).Should().BeTrue();
        using (var scope = app.Services.CreateScope())
            scope.ServiceProvider.GetRequiredService<Grants.Infrastructure.GrantsDbContext>().Database.GetConnectionString().Should().Contain(
                app.Database.Provider == Grants.Infrastructure.DatabaseEngine.Sqlite ? app.DatabaseFile : app.Database.ConnectionString.Split(';').First(p => p.StartsWith("Database=", StringComparison.Ordinal)));
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var list = await kansli.ListAllApplicationsAsync();
        list.Select(a => a!["registrationNumber"]?.GetValue<string>()).Should().Contain("SKN 2015/1");
    }

    [Fact]
    public async Task Unknown_api_path_answers_problem_details_and_unknown_page_an_html_page()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        await (await client.GetAsync("/api/finns-inte")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var page = await (await app.CookieClientAsync(Login.Applicant)).GetAsync("/finns-inte");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task SQLite_connections_sync_every_commit_and_checkpoint_the_wal_at_4000_pages()
    {
        if (app.Database.Provider != Grants.Infrastructure.DatabaseEngine.Sqlite) return; // PostgreSQL has no such pragmas
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Grants.Infrastructure.GrantsDbContext>();
        await db.Database.OpenConnectionAsync();
        (await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync()).Should().Be(2, "FULL");
        await using (var pragma = db.Database.GetDbConnection().CreateCommand())
        {
            pragma.CommandText = "PRAGMA wal_autocheckpoint";
            Convert.ToInt64(await pragma.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(4000);
        }
        (await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync()).Should().Be("wal");
    }

    [Fact]
    public async Task Diarienummer_stay_unique_among_registered_applications_while_drafts_are_not_indexed()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        for (var i = 0; i < 2; i++)
            (await applicant.PostAsync("/api/applications", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.Created);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Grants.Infrastructure.GrantsDbContext>();
        var registered = await db.Applications.Where(a => a.RegistrationNumber != null).Select(a => new { a.Id, a.RegistrationNumber }).Take(2).ToListAsync();
        registered.Should().HaveCount(2, "the demo data has received applications");
        var copy = () => db.Database.ExecuteSqlAsync($"""UPDATE "Applications" SET "RegistrationNumber" = {registered[0].RegistrationNumber} WHERE "Id" = {registered[1].Id}""");
        await copy.Should().ThrowAsync<System.Data.Common.DbException>();
        var anotherSequence = () => db.Database.ExecuteSqlAsync(
            $"""UPDATE "Applications" SET "RegistrationYear" = a."RegistrationYear", "RegistrationSequence" = a."RegistrationSequence" FROM (SELECT "RegistrationYear", "RegistrationSequence" FROM "Applications" WHERE "Id" = {registered[0].Id}) AS a WHERE "Id" = {registered[1].Id}""");
        await anotherSequence.Should().ThrowAsync<System.Data.Common.DbException>();
        (await db.Applications.CountAsync(a => a.RegistrationNumber == null)).Should().BeGreaterThan(1, "many drafts share the empty number");
    }
}
