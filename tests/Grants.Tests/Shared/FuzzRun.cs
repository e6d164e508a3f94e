using System.Text.Json.Nodes;

namespace Grants.Tests.Shared;

/// <summary>One fuzz run against a running host; shared by the suite and the bench.</summary>
public static class FuzzRun
{
    /// <summary>The role name of the client that sends no credentials.</summary>
    public const string Anonymous = "anonym";

    public sealed record Result(int Operations, int Sent, Dictionary<int, int> ByStatus, List<string> Failures, TimeSpan Elapsed)
    {
        public string Summary => $"{Sent} requests over {Operations} operations in {Elapsed.TotalSeconds:0.0} s; " +
            string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
    }

    /// <summary>
    /// A refused sign-in is itself a record by design: the audit trail of failed attempts and the per-address throttle.
    /// Only these tables may move when the token endpoint refuses.
    /// </summary>
    private static readonly string[] SignInRecords = ["AuditEntries ", "SignInThrottle "];

    /// <summary>
    /// Sends <paramref name="count"/> cases, each as a client picked at random (seeded), checking the database around every
    /// refusal. A role whose session a fuzzed request ended (logout, a revoked token) signs in again through
    /// <paramref name="signIn"/>, so the run keeps reaching the endpoints as that role.
    /// </summary>
    public static async Task<Result> RunAsync(IReadOnlyList<(string Role, HttpClient Client)> roleClients, string databaseFile, int seed, int count,
        Func<string, Task<HttpClient>> signIn)
    {
        var clients = roleClients.ToList();
        var doc = JsonNode.Parse(await clients[0].Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        using var snapshot = new TableSnapshot(databaseFile);
        var fuzzer = new ApiFuzzer(doc, snapshot.KnownIds(), seed);
        var roles = new Random(seed);
        var byStatus = new Dictionary<int, int>();
        var failures = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0;
        foreach (var c in fuzzer.Cases(count))
        {
            var pick = roles.Next(clients.Count);
            var (role, client) = clients[pick];
            var before = snapshot.Take();
            using var request = new HttpRequestMessage(new HttpMethod(c.Operation.Method), c.Path) { Content = c.Content() };
            using var response = await client.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (status >= 500)
                failures.Add($"{status} as {role}: {c.Describe} → {Short(await response.Content.ReadAsStringAsync())}");
            else if (status >= 400 && snapshot.Take() is var after && !after.SequenceEqual(before)
                     && !(c.Path.StartsWith("/api/auth/token", StringComparison.Ordinal) && snapshot.Changed(before, after).All(l => SignInRecords.Any(l.StartsWith))))
                failures.Add($"{status} as {role} wrote ({snapshot.Diff(before, after)}): {c.Describe}");
            if (role != Anonymous && (status == 401 || c.Path.StartsWith("/api/auth/", StringComparison.Ordinal)))
                clients[pick] = (role, await signIn(role));
        }
        return new Result(fuzzer.WriteOperations().Count, sent, byStatus, failures, clock.Elapsed);
    }

    private static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
