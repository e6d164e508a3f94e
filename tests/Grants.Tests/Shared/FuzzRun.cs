using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Shared;

/// <summary>One fuzz run against a running host; shared by the suite and the bench.</summary>
public static class FuzzRun
{
    public sealed record Result(int Operations, int Sent, Dictionary<int, int> ByStatus, List<string> Failures, TimeSpan Elapsed)
    {
        public string Summary => $"{Sent} requests over {Operations} operations in {Elapsed.TotalSeconds:0.0} s; " +
            string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
    }

    /// <summary>A refused sign-in is recorded by design (throttle counter, audit entry): the only writes a refusal may make.</summary>
    private static readonly string[] SignInRecords = ["SignInThrottle", "AuditEntries"];

    /// <summary>
    /// Sends <paramref name="count"/> cases, each as a client picked at random (seeded), checking the database around every
    /// refusal. A logout the fuzzer got through revokes that client's tokens; <paramref name="signInAgain"/> restores them
    /// so the rest of the run is not answered 401. After an accepted request, <paramref name="settle"/> waits for the background
    /// work it started (a decision notice, an account mail): that work's rows are not the next refusal's.
    /// </summary>
    public static async Task<Result> RunAsync(IReadOnlyList<(string Role, HttpClient Client)> clients, string databaseFile, int seed, int count,
        Func<string, HttpClient, Task>? signInAgain = null, Func<Task>? settle = null)
    {
        var doc = JsonNode.Parse(await clients[0].Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        using var snapshot = new TableSnapshot(databaseFile);
        var fuzzer = new ApiFuzzer(doc, snapshot.KnownIds(), seed);
        var roles = new Random(seed);
        var byStatus = new Dictionary<int, int>();
        var failures = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0;
        var accepted = false;
        foreach (var c in fuzzer.Cases(count))
        {
            var (role, client) = clients[roles.Next(clients.Count)];
            if (accepted && settle is not null) await settle();
            var before = snapshot.Take();
            using var request = new HttpRequestMessage(new HttpMethod(c.Operation.Method), c.Path) { Content = c.Content() };
            using var response = await client.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            accepted = status < 400;
            if (status >= 500)
                failures.Add($"{status} as {role}: {c.Describe} → {Short(await response.Content.ReadAsStringAsync())}");
            else if (status >= 400 && snapshot.Take() is var after && !after.SequenceEqual(before)
                     && !(c.Path.EndsWith("/auth/token", StringComparison.Ordinal) && snapshot.ChangedTables(before, after).All(SignInRecords.Contains)))
                failures.Add($"{status} as {role} wrote ({snapshot.Diff(before, after)}): {c.Describe}");
            if (status < 300 && role != Anonymous && signInAgain is not null && c.Path.EndsWith("/auth/logout", StringComparison.Ordinal))
                await signInAgain(role, client);
        }
        return new Result(fuzzer.WriteOperations().Count, sent, byStatus, failures, clock.Elapsed);
    }

    public const string Anonymous = "anonym";

    /// <summary>Waits (up to 30 s) until the host's Hangfire storage has nothing enqueued or processing.</summary>
    public static Func<Task> JobsIdle(IServiceProvider services) => async () =>
    {
        var monitor = services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var stats = monitor.GetStatistics();
            if (stats.Enqueued == 0 && stats.Processing == 0) return;
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    };

    private static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
