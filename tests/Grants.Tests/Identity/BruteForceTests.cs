using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grants.Demo;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Grants.Tests.Identity;

/// <summary>Guessing is slowed, never turned into a lock-out, and does not tell which addresses have accounts.</summary>
public sealed class BruteForceTests(AccountsApp app, ITestOutputHelper output) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Unknown_and_known_addresses_get_the_same_status_text_and_similar_time()
    {
        var known = new List<(HttpStatusCode Status, string Title, string Detail, long Ms)>();
        var unknown = new List<(HttpStatusCode Status, string Title, string Detail, long Ms)>();
        for (var i = 0; i < 4; i++)
        {
            known.Add(await AttemptAsync(app.Client(), Login.OtherApplicant, $"Fel-losen-{i}!aA"));
            unknown.Add(await AttemptAsync(app.Client(), $"finns-inte-{i}@example.se", $"Fel-losen-{i}!aA"));
        }
        known.Concat(unknown).Should().OnlyContain(a => a.Status == HttpStatusCode.Unauthorized && a.Title == "Inloggningen misslyckades" && a.Detail == "Fel e-post eller lösenord.");
        // The first of each warms up code paths; compare the rest.
        var knownMs = Median(known.Skip(1).Select(a => a.Ms));
        var unknownMs = Median(unknown.Skip(1).Select(a => a.Ms));
        output.WriteLine($"median known {knownMs} ms, unknown {unknownMs} ms");
        unknownMs.Should().BeGreaterThanOrEqualTo(knownMs / 3, "an unknown address verifies a password hash of the same cost");
        knownMs.Should().BeLessThanOrEqualTo(Math.Max(unknownMs * 3, 30));
    }

    [Fact]
    public async Task Repeated_failures_delay_the_address_without_locking_it_and_the_owner_signs_in_when_the_delay_has_passed()
    {
        const string owner = Login.Applicant;
        for (var i = 0; i < 5; i++) (await AttemptAsync(app.Client(), owner, "Gissning-123!x")).Status.Should().Be(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 5; i++) (await AttemptAsync(app.Client(), "ingen-alls@example.se", "Gissning-123!x")).Status.Should().Be(HttpStatusCode.Unauthorized);

        var delayed = await AttemptAsync(app.Client(), owner, "Gissning-123!x");
        var delayedUnknown = await AttemptAsync(app.Client(), "ingen-alls@example.se", "Gissning-123!x");
        delayed.Status.Should().Be(HttpStatusCode.TooManyRequests);
        delayedUnknown.Status.Should().Be(delayed.Status, "unknown addresses are slowed exactly alike");
        delayedUnknown.Detail.Should().Be(delayed.Detail);
        delayed.Detail.Should().Contain("Vänta 1 sekunder");
        (await AttemptAsync(app.Client(), owner, DemoData.Password)).Status.Should().Be(HttpStatusCode.TooManyRequests, "during the delay even the right password waits");

        app.Time.Advance(TimeSpan.FromSeconds(2));
        (await AttemptAsync(app.Client(), owner, DemoData.Password)).Status.Should().Be(HttpStatusCode.OK, "no lock-out: the owner signs in once the short delay has passed");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == owner);
        user.LockoutEnd.Should().BeNull();
        (await db.AuditEntries.CountAsync(a => a.EntityType == "Account" && a.EntityId == user.Id && a.Action == "sign-in-failed")).Should().BeGreaterThanOrEqualTo(5);
        (await db.AuditEntries.AnyAsync(a => a.EntityType == "Account" && a.EntityId == user.Id && a.Action == "signed-in")).Should().BeTrue();
    }

    [Fact]
    public async Task The_per_client_limiter_answers_429_problem_details_and_another_client_still_signs_in()
    {
        var attacker = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < AccountsApp.ClientPermitLimit + 2; i++)
            statuses.Add((await AttemptAsync(attacker, $"gissning{i}@example.se", "Fel-losen-1!aA")).Status);
        statuses.Take(AccountsApp.ClientPermitLimit).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(AccountsApp.ClientPermitLimit).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests);

        var rejected = await attacker.PostAsJsonAsync("/api/auth/token", new { email = Login.Board, password = DemoData.Password });
        rejected.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        rejected.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        rejected.Headers.RetryAfter.Should().NotBeNull();
        (await rejected.Content.ReadAsStringAsync()).Should().Contain("För många inloggningsförsök");

        (await AttemptAsync(app.Client(), Login.Board, DemoData.Password)).Status.Should().Be(HttpStatusCode.OK, "the owner, from their own connection, is not locked out");
    }

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("not json")]
    [InlineData("{\"email\": 5, \"password\": []}")]
    public async Task Malformed_json_to_the_token_endpoint_is_a_400_problem_not_a_500(string body)
    {
        var response = await app.Client().PostAsync("/api/auth/token", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Uppgifterna innehåller fel");
    }

    private static async Task<(HttpStatusCode Status, string Title, string Detail, long Ms)> AttemptAsync(HttpClient client, string email, string password)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        var text = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (response.StatusCode == HttpStatusCode.OK) return (response.StatusCode, "", "", watch.ElapsedMilliseconds);
        using var json = JsonDocument.Parse(text);
        return (response.StatusCode, json.RootElement.GetProperty("title").GetString() ?? "", json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "", watch.ElapsedMilliseconds);
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
