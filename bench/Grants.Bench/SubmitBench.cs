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

    /// <summary>
    /// The sides of one engine take turns in this many rounds (BENCH_ROUNDS, default 4), each submitting its share:
    /// a shared machine's drift (disk flushes, another tenant) then falls on both sides instead of on whichever ran second.
    /// </summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var r) && r > 0 ? r : 4;

    public static async Task RunAsync(string[] args)
    {
        var total = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1600;
        var dir = Directory.CreateTempSubdirectory("grants-bench-");
        var formJson = await File.ReadAllTextAsync(FindExample());
        Console.WriteLine($"Submit benchmark: {total} submits per side, {Clients} concurrent clients, {Rounds} interleaved rounds, {Environment.ProcessorCount} of {MachineCores} cores usable, SQLite synchronous={SqliteSynchronous}");

        await using (var bare = await BareSide.StartAsync(BareSqlite.Create(Path.Combine(dir.FullName, "bare.db")), formJson))
        await using (var grants = await GrantsSide.StartAsync(dir.FullName, ["Provider=Sqlite", $"Data Source={Path.Combine(dir.FullName, "grants.db")}"], formJson, total, instances: 1))
        {
            var stats = await InterleaveAsync(total, [bare, grants]);
            Report("SQLite", "bare insert behind a write gate", stats[0], [("Grants, 1 instance", stats[1])]);
        }

        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } server)
        {
            await using var pgBare = await BareSide.StartAsync(await BarePostgres.CreateAsync(server, "bench_bare"), formJson);
            await using var one = await GrantsSide.StartAsync(dir.FullName, ["Provider=PostgreSql", await BarePostgres.FreshDatabaseAsync(server, "bench_grants1")], formJson, total, instances: 1);
            await using var two = await GrantsSide.StartAsync(dir.FullName, ["Provider=PostgreSql", await BarePostgres.FreshDatabaseAsync(server, "bench_grants2")], formJson, total, instances: 2);
            var stats = await InterleaveAsync(total, [pgBare, one, two]);
            Report("PostgreSQL", "plain insert, same constraints", stats[0], [("Grants, 1 instance", stats[1]), ("Grants, 2 instances", stats[2])]);
        }
        dir.Delete(recursive: true);
    }

    /// <summary>Warms every side up equally, then lets them take turns; each side's figures are over all its rounds.</summary>
    private static async Task<LatencyStats[]> InterleaveAsync(int total, IReadOnlyList<ISide> sides)
    {
        foreach (var side in sides) await side.MeasureAsync(WarmUp(total));
        var runs = sides.Select(_ => new List<Run>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            var count = total / Rounds + (round < total % Rounds ? 1 : 0);
            for (var s = 0; s < sides.Count; s++)
            {
                runs[s].Add(await sides[s].MeasureAsync(count));
                Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] round {round + 1}/{Rounds} {sides[s].Name}: {runs[s][^1].Count / runs[s][^1].Seconds:F0} req/s, pid {Environment.ProcessId}");
            }
        }
        return runs.Select(Run.Combine).ToArray();
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

    /// <summary>
    /// Unmeasured requests first, the same number on every side: a quarter of the run (at least 64), so the runtime's
    /// tiered JIT has compiled the hot paths before the clock starts (64 left Grants' far larger path still being
    /// recompiled during the measurement, on the process CPU the bench reports).
    /// </summary>
    private static int WarmUp(int total) => Math.Max(64, total / 4);

    private interface ISide : IAsyncDisposable
    {
        string Name { get; }
        Task<Run> MeasureAsync(int count);
    }

    /// <summary>The bare baseline: a minimal API whose one endpoint is <see cref="IBareSubmit"/>.</summary>
    private sealed class BareSide(WebApplication app, HttpClient http) : ISide
    {
        public string Name => "bare";

        public static async Task<BareSide> StartAsync(IBareSubmit store, string formJson)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            var app = builder.Build();
            app.MapPost("/submit", async () => Results.Ok(new { seq = await store.SubmitAsync(formJson) }));
            await app.StartAsync();
            return new BareSide(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
        }

        public Task<Run> MeasureAsync(int count) => Measure([http], count, _ => "/submit");

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Grants on one engine with one or more instances (one database), and the drafts its rounds submit.</summary>
    private sealed class GrantsSide(string name, List<WebApplicationFactory<Program>> hosts, List<HttpClient> clients, Queue<string> drafts) : ISide
    {
        public string Name => name;

        /// <param name="database">Provider=..., then the connection string.</param>
        public static async Task<GrantsSide> StartAsync(string dir, string[] database, string formJson, int total, int instances)
        {
            var provider = database[0]["Provider=".Length..];
            var hosts = new List<WebApplicationFactory<Program>>();
            var clients = new List<HttpClient>();
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
                    b.UseSetting("Mail:PickupFolder", Path.Combine(dir, $"mail-{provider}-{instances}-{h}"));
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
            var drafts = new Queue<string>();
            for (var i = 0; i < total + WarmUp(total); i++)
            {
                var created = await clients[0].PostAsync("/api/applications", new StringContent(formJson, System.Text.Encoding.UTF8, "application/json"));
                created.EnsureSuccessStatusCode();
                drafts.Enqueue((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
            var side = new GrantsSide($"Grants on {provider}, {instances} instance(s)", hosts, clients, drafts);
            if (Environment.GetEnvironmentVariable("BENCH_PROBE") == "1")
            {
                var probe = drafts.Peek();
                Console.WriteLine("probe GET /health   " + Run.Combine([await Measure(clients, 800, _ => "/health", get: true)]));
                Console.WriteLine("probe GET app       " + Run.Combine([await Measure(clients, 800, _ => $"/api/applications/{probe}", get: true)]));
            }
            return side;
        }

        public Task<Run> MeasureAsync(int count)
        {
            var ids = Enumerable.Range(0, count).Select(_ => drafts.Dequeue()).ToList();
            return Measure(clients, count, i => $"/api/applications/{ids[i]}/submit");
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var http in clients) http.Dispose();
            foreach (var factory in hosts) await factory.DisposeAsync();
        }
    }

    /// <summary>One measured stretch: its latencies, wall time, the process CPU spent and the machine's busy core-seconds.</summary>
    private sealed record Run(List<double> LatenciesMs, double Seconds, double CpuMs, double BusyCoreSeconds)
    {
        public int Count => LatenciesMs.Count;

        public static LatencyStats Combine(IReadOnlyList<Run> runs) =>
            LatencyStats.From(runs.SelectMany(r => r.LatenciesMs).ToList(), runs.Sum(r => r.Seconds), runs.Sum(r => r.CpuMs), runs.Sum(r => r.BusyCoreSeconds));
    }

    /// <summary>
    /// The machine's busy and total time so far in clock ticks, from the first line of /proc/stat (user, nice, system,
    /// idle, iowait, irq, softirq, steal): idle and iowait are not busy; steal (a virtual machine's host running someone
    /// else) is neither busy nor available. Zeros where there is no /proc/stat.
    /// </summary>
    /// <summary>The machine's cores (/proc/stat's cpuN lines), not the ones this process may run on (taskset).</summary>
    public static readonly int MachineCores = File.Exists("/proc/stat")
        ? File.ReadLines("/proc/stat").Count(l => l.Length > 3 && l.StartsWith("cpu", StringComparison.Ordinal) && char.IsDigit(l[3]))
        : Environment.ProcessorCount;

    private static (long Busy, long Total) MachineTicks()
    {
        if (!File.Exists("/proc/stat")) return (0, 0);
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var available = fields.Take(7).Sum();
        return (available - fields[3] - fields[4], available);
    }

    /// <summary>Requests from <see cref="Clients"/> concurrent clients, request i going to instance i mod count.</summary>
    private static async Task<Run> Measure(IReadOnlyList<HttpClient> hosts, int count, Func<int, string> url, bool get = false)
    {
        var latencies = new List<double>[Clients];
        var next = -1;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var machine = MachineTicks();
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
        var after = MachineTicks();
        // The ticks of all cores: their busy share times the core count is the cores busy; times the wall time, core-seconds.
        var busyCores = after.Total > machine.Total ? (double)(after.Busy - machine.Busy) / (after.Total - machine.Total) * MachineCores : 0;
        return new Run(latencies.SelectMany(l => l).ToList(), sw.Elapsed.TotalSeconds, cpuMs, busyCores * sw.Elapsed.TotalSeconds);
    }
}
