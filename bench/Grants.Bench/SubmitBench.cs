using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Grants.Bench;

/// <summary>
/// Submitting an application over HTTP on loopback at 16 concurrent clients, beside a bare minimal-API
/// endpoint in the same run that inserts the same row into the same kind of SQLite file (WAL, one
/// counter increment and one insert in a BEGIN IMMEDIATE transaction): the practical limit.
/// </summary>
public static class SubmitBench
{
    private static readonly int Clients = int.TryParse(Environment.GetEnvironmentVariable("BENCH_CLIENTS"), out var c) ? c : 16;

    public static async Task RunAsync(string[] args)
    {
        var total = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1600;
        var dir = Directory.CreateTempSubdirectory("grants-bench-");
        var formJson = await File.ReadAllTextAsync(FindExample());
        Console.WriteLine($"Submit benchmark: {total} submits, {Clients} concurrent clients, {Environment.ProcessorCount} cores");

        var bare = await RunBareAsync(Path.Combine(dir.FullName, "bare.db"), formJson, total);
        var grants = await RunGrantsAsync(dir.FullName, formJson, total);

        Console.WriteLine($"bare minimal API + SQLite insert : {bare}");
        Console.WriteLine($"Grants POST /submit             : {grants}");
        Console.WriteLine($"ratio (Grants / bare throughput): {grants.Throughput / bare.Throughput:P0}   target >= 50 %, p99 < 50 ms");
        dir.Delete(recursive: true);
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

    private static async Task<LatencyStats> RunGrantsAsync(string dir, string formJson, int total)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(RepoRoot(), "src", "Grants"));
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(dir, "grants.db")}");
            b.UseSetting("Mail:PickupFolder", Path.Combine(dir, "mail"));
            b.UseSetting("App:DataProtectionKeysFolder", Path.Combine(dir, "keys"));
            b.UseSetting("App:Demo", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var baseAddress = factory.ClientOptions.BaseAddress;
        using var http = new HttpClient { BaseAddress = baseAddress };

        var token = await http.PostAsJsonAsync("/api/auth/token", new { email = "sokande@demo.grants.se", password = "Demo-losen-2026!" });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        // Drafts are prepared outside the measurement; only the submit is timed.
        var ids = new List<string>();
        for (var i = 0; i < total + 64; i++)
        {
            var created = await http.PostAsync("/api/applications", new StringContent(formJson, System.Text.Encoding.UTF8, "application/json"));
            created.EnsureSuccessStatusCode();
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        if (Environment.GetEnvironmentVariable("BENCH_PROBE") == "1")
        {
            Console.WriteLine("probe GET /health   " + await Measure(http, 800, _ => "/health", null, get: true));
            Console.WriteLine("probe GET /api/auth/me " + await Measure(http, 800, _ => "/api/auth/me", null, get: true));
            Console.WriteLine("probe GET app       " + await Measure(http, 800, i => $"/api/applications/{ids[i]}", null, get: true));
        }
        var warm = ids.Take(64).ToList();
        await Measure(http, warm.Count, i => $"/api/applications/{warm[i]}/submit", null);
        var measured = ids.Skip(64).ToList();
        return await Measure(http, measured.Count, i => $"/api/applications/{measured[i]}/submit", null);
    }

    private static async Task<LatencyStats> RunBareAsync(string dbPath, string formJson, int total)
    {
        var cs = $"Data Source={dbPath};Default Timeout=30";
        await using (var init = new SqliteConnection(cs))
        {
            await init.OpenAsync();
            var cmd = init.CreateCommand();
            cmd.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
                CREATE TABLE apps (id TEXT PRIMARY KEY, reg TEXT NOT NULL UNIQUE, form TEXT NOT NULL, received INTEGER NOT NULL);
                INSERT INTO counters VALUES (2026, 0);
                """;
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/submit", async () =>
        {
            await using var c = new SqliteConnection(cs);
            await c.OpenAsync();
            await using var tx = (SqliteTransaction)await c.BeginTransactionAsync();
            var next = c.CreateCommand();
            next.Transaction = tx;
            next.CommandText = "UPDATE counters SET last = last + 1 WHERE year = 2026 RETURNING last";
            var seq = Convert.ToInt64(await next.ExecuteScalarAsync());
            var insert = c.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO apps VALUES ($id, $reg, $form, $at)";
            insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("$reg", $"SKN 2026/{seq}");
            insert.Parameters.AddWithValue("$form", formJson);
            insert.Parameters.AddWithValue("$at", DateTime.UtcNow.Ticks);
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            return Results.Ok(new { seq });
        });
        await app.StartAsync();
        var address = app.Urls.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        await Measure(http, 64, _ => "/submit", null);
        var stats = await Measure(http, total, _ => "/submit", null);
        await app.StopAsync();
        return stats;
    }

    private static async Task<LatencyStats> Measure(HttpClient http, int count, Func<int, string> url, HttpContent? body, bool get = false)
    {
        var latencies = new List<double>[Clients];
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            latencies[c] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = get ? await http.GetAsync(url(i)) : await http.PostAsync(url(i), body);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{url(i)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        sw.Stop();
        return LatencyStats.From(latencies.SelectMany(l => l).ToList(), sw.Elapsed.TotalSeconds);
    }
}
