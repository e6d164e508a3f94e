using System.Net;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Applications;

public sealed class SmokeTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Fixture_uses_its_own_database_file_and_demo_users_log_in()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        File.Exists(app.DatabaseFile).Should().BeTrue();
        var cookie = await app.CookieClientAsync(Login.Secretariat);
        (await cookie.GetAsync("/api/applications")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
