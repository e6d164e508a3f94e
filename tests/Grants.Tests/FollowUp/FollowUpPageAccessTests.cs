using System.Net;
using Grants.Meetings;
using Grants.Tests.Infrastructure;
using static Grants.Tests.FollowUp.FollowUpArrange;

namespace Grants.Tests.FollowUp;

/// <summary>The report and project pages of a real project as each role (the matrix covers the pages without an id).</summary>
public sealed class FollowUpPageAccessTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Report_and_project_pages_open_for_staff_and_the_own_applicant_404_for_another_and_login_for_anonymous()
    {
        var id = await DemoApplicationAsync(app, "Solen");
        await PublishAsync(app, id, DecisionKind.Granted, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [new GrantedAmount(2026, 100_000)]);
        var report = (await ReportsAsync(app, id))[0];
        foreach (var path in new[] { $"/FollowUp/Report/{report.Id}", $"/FollowUp/Project/{id}" })
        {
            foreach (var email in new[] { Login.Applicant, Login.Secretariat, Login.Lsg, Login.Board, Login.Admin })
                (await (await app.CookieClientAsync(email)).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, $"{email} may open {path}");
            (await (await app.CookieClientAsync(Login.OtherApplicant)).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            var anonymous = await app.Anonymous().GetAsync(path);
            anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
            anonymous.Headers.Location!.ToString().Should().Contain("/Account/Login");
        }
        // The form is only offered to those who may hand the report in.
        (await (await app.CookieClientAsync(Login.Board)).GetStringAsync($"/FollowUp/Report/{report.Id}")).Should().NotContain("Lämna in rapporten");
        (await (await app.CookieClientAsync(Login.Applicant)).GetStringAsync($"/FollowUp/Report/{report.Id}")).Should().Contain("Lämna in rapporten");
    }
}
