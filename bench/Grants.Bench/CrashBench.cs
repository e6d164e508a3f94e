using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Grants.Bench;

/// <summary>
/// The crash test: the real app (src/Grants/bin/Release/net10.0/Grants.dll, --demo, a fresh SQLite folder, a free
/// loopback port) is killed with SIGKILL N times while 16 clients create and submit drafts, and restarted each time.
/// Afterwards every acknowledged submit (200 with a diarienummer) must be stored with that number, the numbers must
/// run 1..max per year without duplicate or gap, and PRAGMA integrity_check must answer ok.
///   dotnet run -c Release --project bench/Grants.Bench -- crash [kills] [seed]
/// </summary>
public static class CrashBench
{
    private const int Clients = 16;
    private const string Applicant = "sokande@demo.grants.se";
    private const string Password = "Demo-losen-2026!";

    public static async Task<int> RunAsync(string[] args)
    {
        var kills = args.Length > 0 && int.TryParse(args[0], out var k) ? k : 10;
        var seed = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 20261201;
        var random = new Random(seed);
        var root = SubmitBench.RepoRoot();
        var dll = Path.Combine(root, "src", "Grants", "bin", "Release", "net10.0", "Grants.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the app in Release first (dotnet build -c Release).", dll);
        var formJson = await File.ReadAllTextAsync(Path.Combine(root, "docs", "examples", "application.json"));
        var dir = Directory.CreateTempSubdirectory("grants-crash-");
        var database = Path.Combine(dir.FullName, "grants.db");
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        Console.WriteLine($"Crash test: {kills} x kill -9 during {Clients}-client submits, seed {seed}, {Environment.ProcessorCount} cores, load {Load()}");

        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var unknown = 0; // submits whose answer was lost in a kill: either outcome is allowed
        var refused = 0;
        var sw = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        for (var round = 1; round <= kills; round++)
        {
            using var app = Start(dll, root, dir.FullName, database, baseAddress);
            await WaitHealthyAsync(http, app);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    Guid id;
                    try
                    {
                        using var created = await http.PostAsync("/api/applications", new StringContent(formJson, System.Text.Encoding.UTF8, "application/json"));
                        if (!created.IsSuccessStatusCode) { Interlocked.Increment(ref refused); continue; }
                        id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { return; }
                    try
                    {
                        using var submitted = await http.PostAsync($"/api/applications/{id}/submit", null);
                        if (!submitted.IsSuccessStatusCode) { Interlocked.Increment(ref refused); continue; }
                        var number = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNumber").GetString();
                        if (number is null) { Interlocked.Increment(ref refused); continue; }
                        acknowledged[id] = number;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
                    {
                        Interlocked.Increment(ref unknown);
                        return;
                    }
                }
            })).ToList();
            // Kill only once this round has acknowledged a submit (a slow, loaded start must not make the round empty),
            // then at a random moment while the clients keep submitting.
            var before = acknowledged.Count;
            var waited = Stopwatch.StartNew();
            while (acknowledged.Count == before && waited.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(50);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 3000)));
            app.Kill(); // SIGKILL on Linux: no shutdown code runs
            stop.Cancel();
            await Task.WhenAll(clients);
            await app.WaitForExitAsync();
            Console.WriteLine($"  kill {round,2}: {acknowledged.Count} acknowledged so far (+{acknowledged.Count - before}), {unknown} lost, {refused} refused, at {sw.Elapsed.TotalSeconds:F0} s");
        }

        // Restart once more: the app must come up on what the last kill left, then stop it and read the file.
        using (var last = Start(dll, root, dir.FullName, database, baseAddress))
        {
            await WaitHealthyAsync(http, last);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));
            using var probe = await http.GetAsync($"/api/applications/{acknowledged.Keys.First()}");
            Console.WriteLine($"  restarted: GET of an acknowledged application answers {(int)probe.StatusCode}");
            last.Kill();
            await last.WaitForExitAsync();
        }

        var stored = new Dictionary<Guid, string>();
        string integrity;
        int counter;
        await using (var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        {
            await db.OpenAsync();
            await using (var check = db.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check";
                integrity = string.Join("; ", await ReadStringsAsync(check));
            }
            await using (var rows = db.CreateCommand())
            {
                rows.CommandText = """SELECT "Id", "RegistrationNumber" FROM "Applications" WHERE "RegistrationNumber" IS NOT NULL""";
                await using var reader = await rows.ExecuteReaderAsync();
                while (await reader.ReadAsync()) stored[Guid.Parse(reader.GetString(0))] = reader.GetString(1);
            }
            await using (var max = db.CreateCommand())
            {
                max.CommandText = """SELECT COALESCE(SUM("Last"), 0) FROM "RegistrationCounters" """;
                counter = Convert.ToInt32(await max.ExecuteScalarAsync());
            }
        }

        var found = acknowledged.Count(a => stored.TryGetValue(a.Key, out var n) && n == a.Value);
        var duplicates = stored.Values.GroupBy(n => n).Count(g => g.Count() > 1);
        var gaps = 0;
        foreach (var series in stored.Values.Select(Parse).GroupBy(p => p.Series))
        {
            var numbers = series.Select(p => p.Sequence).ToHashSet();
            gaps += Enumerable.Range(1, numbers.Max()).Count(n => !numbers.Contains(n));
        }
        Console.WriteLine($"kills                 : {kills} (SIGKILL), {sw.Elapsed.TotalSeconds:F0} s, load {Load()}");
        Console.WriteLine($"submits acknowledged  : {acknowledged.Count} (lost in a kill, either outcome allowed: {unknown}; refused: {refused})");
        Console.WriteLine($"acknowledged found    : {found} of {acknowledged.Count}, with their numbers");
        Console.WriteLine($"numbered applications : {stored.Count} (counters total {counter})");
        Console.WriteLine($"duplicated numbers    : {duplicates}");
        Console.WriteLine($"gaps in the series    : {gaps}");
        Console.WriteLine($"PRAGMA integrity_check: {integrity}");
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
        var ok = found == acknowledged.Count && duplicates == 0 && gaps == 0 && counter == stored.Count && integrity == "ok";
        Console.WriteLine(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }

    private static Process Start(string dll, string root, string dataDir, string database, Uri baseAddress)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "Grants"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { dll, "--demo", "--urls", baseAddress.ToString() }) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__ConnectionString"] = $"Data Source={database}";
        info.Environment["Mail__PickupFolder"] = Path.Combine(dataDir, "mail");
        info.Environment["App__DataProtectionKeysFolder"] = Path.Combine(dataDir, "keys");
        info.Environment["App__PublicBaseUrl"] = baseAddress.ToString();
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the output so a full pipe never blocks the app.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process app)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (app.HasExited) throw new InvalidOperationException($"The app exited with {app.ExitCode} before it answered.");
            try
            {
                using var health = await http.GetAsync("/health");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not answer /health within 3 minutes.");
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization = null;
        using var token = await http.PostAsJsonAsync("/api/auth/token", new { email = Applicant, password = Password });
        token.EnsureSuccessStatusCode();
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()
            ?? throw new InvalidOperationException("No access token.");
    }

    private static (string Series, int Sequence) Parse(string number)
    {
        var slash = number.LastIndexOf('/');
        return (number[..slash], int.Parse(number[(slash + 1)..]));
    }

    private static async Task<List<string>> ReadStringsAsync(SqliteCommand command)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
