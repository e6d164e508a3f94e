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
}
