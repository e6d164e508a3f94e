using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grants.Bench;

/// <summary>
/// Submitting an application over HTTP on loopback at 16 concurrent clients, beside the best bare implementation on
/// the same engine in the same run: on SQLite a minimal-API insert (counter increment + insert, one transaction) behind
/// an in-process write gate as Grants has; on PostgreSQL the same insert with the same constraints (unique number,
/// primary key) and no gate, the row lock on the counter serialising it. PostgreSQL runs when BENCH_POSTGRES holds a
/// server connection string (tests/pg-cluster.sh start prints one); Grants is measured there with one and two instances.
/// </summary>
public static class SubmitBench
{
    /// <summary>SQLite's synchronous pragma for Grants and the bare baseline alike: FULL (the product's default) unless BENCH_SQLITE_SYNC=NORMAL.</summary>
    public static readonly string SqliteSynchronous =
        string.Equals(Environment.GetEnvironmentVariable("BENCH_SQLITE_SYNC"), "NORMAL", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL";

    private static readonly int Clients = int.TryParse(Environment.GetEnvironmentVariable("BENCH_CLIENTS"), out var c) ? c : 16;

    public static async Task RunAsync(string[] args)
    {
        var total = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1600;
        var dir = Directory.CreateTempSubdirectory("grants-bench-");
        var formJson = await File.ReadAllTextAsync(FindExample());
        Console.WriteLine($"Submit benchmark: {total} submits, {Clients} concurrent clients, {Environment.ProcessorCount} cores, SQLite synchronous={SqliteSynchronous}");

        var bare = await RunBareAsync(BareSqlite.Create(Path.Combine(dir.FullName, "bare.db")), formJson, total);
        var grants = await RunGrantsAsync(dir.FullName, ["Provider=Sqlite", $"Data Source={Path.Combine(dir.FullName, "grants.db")}"], formJson, total, instances: 1);
        Report("SQLite", "bare insert behind a write gate", bare, [("Grants, 1 instance", grants)]);

        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } server)
        {
            var pgBare = await RunBareAsync(await BarePostgres.CreateAsync(server, "bench_bare"), formJson, total);
            var one = await RunGrantsAsync(dir.FullName, ["Provider=PostgreSql", await BarePostgres.FreshDatabaseAsync(server, "bench_grants1")], formJson, total, instances: 1);
            var two = await RunGrantsAsync(dir.FullName, ["Provider=PostgreSql", await BarePostgres.FreshDatabaseAsync(server, "bench_grants2")], formJson, total, instances: 2);
            Report("PostgreSQL", "plain insert, same constraints", pgBare, [("Grants, 1 instance", one), ("Grants, 2 instances", two)]);
        }
        dir.Delete(recursive: true);
    }

    private static void Report(string engine, string baseline, LatencyStats bare, (string Name, LatencyStats Stats)[] runs)
    {
        Console.WriteLine($"{engine}:");
        Console.WriteLine($"  {"bare: " + baseline,-42}: {bare}");
        foreach (var (name, stats) in runs)
            Console.WriteLine($"  {name,-42}: {stats}   ratio {stats.Throughput / bare.Throughput:P0} of bare, p99 x{stats.P99Ms / bare.P99Ms:F1}, cpu x{stats.CpuMs / bare.CpuMs:F1}");
    }

    private static string FindExample() => Path.Combine(RepoRoot(), "docs", "examples", "application.json");

    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Grants.sln"))) return d.FullName;
        }
        // A copy of the bench built elsewhere (-o) is run from the repository.
        if (File.Exists(Path.Combine(Environment.CurrentDirectory, "Grants.sln"))) return Environment.CurrentDirectory;
        throw new DirectoryNotFoundException("Grants.sln not found above " + AppContext.BaseDirectory);
    }

    /// <param name="database">Provider=..., then the connection string.</param>
    private static async Task<LatencyStats> RunGrantsAsync(string dir, string[] database, string formJson, int total, int instances)
    {
        var provider = database[0]["Provider=".Length..];
        var hosts = new List<WebApplicationFactory<Program>>();
        var clients = new List<HttpClient>();
        try
        {
            for (var h = 0; h < instances; h++)
            {
                var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
                {
                    b.UseEnvironment("Production");
                    // Plain HTTP on loopback; production refuses it (Shared/HttpsRequired.cs) behind its TLS proxy.
                    b.UseSetting("App:SecureCookies", "false");
                    b.UseContentRoot(Path.Combine(RepoRoot(), "src", "Grants"));
                    // appsettings.json's Urls (127.0.0.1:5080) would bind beside UseKestrel(0) and collide with another host.
                    b.UseSetting("Urls", "http://127.0.0.1:0");
                    b.UseSetting("Database:Provider", provider);
                    b.UseSetting("Database:ConnectionString", database[1]);
                    b.UseSetting("Database:SqliteSynchronous", SqliteSynchronous);
                    b.UseSetting("Mail:PickupFolder", Path.Combine(dir, $"mail-{provider}-{h}"));
                    // The kvittens PDFs are the sweep's deferred work (LibreOffice processes); the submit itself is measured here.
                    b.UseSetting("Hangfire:SweepCron", "0 0 1 1 *");
                    b.UseSetting("App:Demo", "true");
                    b.UseSetting("Logging:LogLevel:Default", "Warning");
                    if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
                });
                factory.UseKestrel(0);
                factory.StartServer(); // one after the other: the first migrates and loads the demo data
                hosts.Add(factory);
                var http = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };
                var token = await http.PostAsJsonAsync("/api/auth/token", new { email = "sokande@demo.grants.se", password = "Demo-losen-2026!" });
                var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                clients.Add(http);
            }

            // Drafts are prepared outside the measurement; only the submit is timed, spread over the instances.
            var ids = new List<string>();
            for (var i = 0; i < total + WarmUp(total); i++)
            {
                var created = await clients[0].PostAsync("/api/applications", new StringContent(formJson, System.Text.Encoding.UTF8, "application/json"));
                created.EnsureSuccessStatusCode();
                ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
            if (Environment.GetEnvironmentVariable("BENCH_PROBE") == "1")
            {
                Console.WriteLine("probe GET /health   " + await Measure(clients, 800, _ => "/health", get: true));
                Console.WriteLine("probe GET app       " + await Measure(clients, 800, i => $"/api/applications/{ids[i]}", get: true));
            }
            var warm = ids.Take(WarmUp(total)).ToList();
            await Measure(clients, warm.Count, i => $"/api/applications/{warm[i]}/submit");
            var measured = ids.Skip(WarmUp(total)).ToList();
            Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] Grants on {provider} ({instances} instance(s)): measuring {measured.Count} submits, pid {Environment.ProcessId}");
            return await Measure(clients, measured.Count, i => $"/api/applications/{measured[i]}/submit");
        }
        finally
        {
            foreach (var http in clients) http.Dispose();
            foreach (var factory in hosts) await factory.DisposeAsync();
        }
    }

    /// <summary>
    /// Unmeasured requests first, the same number on both sides: a quarter of the run (at least 64), so the runtime's
    /// tiered JIT has compiled the hot paths before the clock starts (64 left Grants' far larger path still being
    /// recompiled during the measurement, on the process CPU the bench reports).
    /// </summary>
    private static int WarmUp(int total) => Math.Max(64, total / 4);

    private static async Task<LatencyStats> RunBareAsync(IBareSubmit store, string formJson, int total)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/submit", async () => Results.Ok(new { seq = await store.SubmitAsync(formJson) }));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        await Measure([http], WarmUp(total), _ => "/submit");
        var stats = await Measure([http], total, _ => "/submit");
        await app.StopAsync();
        return stats;
    }

    /// <summary>Requests from <see cref="Clients"/> concurrent clients, request i going to instance i mod count.</summary>
    private static async Task<LatencyStats> Measure(IReadOnlyList<HttpClient> hosts, int count, Func<int, string> url, bool get = false)
    {
        var latencies = new List<double>[Clients];
        var next = -1;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            latencies[c] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var http = hosts[i % hosts.Count];
                var t = Stopwatch.GetTimestamp();
                using var response = get ? await http.GetAsync(url(i)) : await http.PostAsync(url(i), null);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{url(i)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        sw.Stop();
        var cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        return LatencyStats.From(latencies.SelectMany(l => l).ToList(), sw.Elapsed.TotalSeconds, cpuMs);
    }
}
