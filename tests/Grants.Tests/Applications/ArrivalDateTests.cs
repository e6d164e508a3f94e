using System.Net;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Applications;

/// <summary>Ankomstdatum and the year of the diarienummer are Stockholm's, not UTC's.</summary>
public sealed class ArrivalDateTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task A_submission_at_2330_UTC_on_new_years_eve_arrives_on_1_January_with_the_new_years_first_number()
    {
        // 22:59:30 UTC is 23:59:30 in Stockholm (CET, +01:00): still the old year.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 22, 59, 30, TimeSpan.Zero));
        var client = await app.BearerClientAsync(Login.Applicant);
        var before = await SubmitAsync(client);
        before["arrivalDate"]!.GetValue<string>().Should().Be("2026-12-31");
        before["registrationNumber"]!.GetValue<string>().Should().Be("SKN 2026/1");

        // 23:30 UTC is already 00:30 on 1 January in Stockholm.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        client = await app.BearerClientAsync(Login.Applicant); // bearer tokens live 10 minutes on the same clock
        var after = await SubmitAsync(client);
        after["arrivalDate"]!.GetValue<string>().Should().Be("2027-01-01");
        after["registrationNumber"]!.GetValue<string>().Should().Be("SKN 2027/1");
        after["receivedAt"]!.GetValue<DateTimeOffset>().Should().Be(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> SubmitAsync(HttpClient client)
    {
        var form = Forms.Complete().Set("project.endDate", "2027-12-31");
        var id = Api.IdOf(await client.CreateDraftAsync(form));
        return await (await client.SubmitAsync(id)).ExpectJsonAsync(HttpStatusCode.OK);
    }
}
