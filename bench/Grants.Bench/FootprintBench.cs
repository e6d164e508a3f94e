using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Grants.Applications;
using Grants.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Bench;

/// <summary>
/// Start-up time and resident memory of one Grants process over a database holding N received applications (seeded
/// in bulk beforehand, not through the use cases), beside the same figures for a bare minimal-API process (this bench's
/// own "serve-bare" mode): process start to the first 200 on /health, then VmRSS and its peak (VmHWM) from
/// /proc/&lt;pid&gt;/status after a few pages (the application list as kansli, one application, the start page).
/// BENCH_POSTGRES adds the same on PostgreSQL.
/// </summary>
public static class FootprintBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var dir = Directory.CreateTempSubdirectory("grants-bench-fp-");
        Console.WriteLine($"Footprint benchmark: {count} received applications, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  {"process",-34} {"start to 200",13} {"RSS",9} {"peak RSS",9}");
        var bare = await MeasureAsync(BareServer(), authenticated: false);
        Print("bare minimal API (baseline)", bare);

        var sqlite = $"Data Source={Path.Combine(dir.FullName, "grants.db")}";
        await SeedAsync(dir.FullName, DatabaseEngine.Sqlite, sqlite, count);
        Print("Grants, SQLite", await MeasureAsync(GrantsServer(dir.FullName, DatabaseEngine.Sqlite, sqlite), authenticated: true));

        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } server)
        {
            var pg = await BarePostgres.FreshDatabaseAsync(server, "bench_footprint");
            await SeedAsync(dir.FullName, DatabaseEngine.PostgreSql, pg, count);
            Print("Grants, PostgreSQL", await MeasureAsync(GrantsServer(dir.FullName, DatabaseEngine.PostgreSql, pg), authenticated: true));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    /// <summary>This bench's own minimal API: what a process serving /health costs at the least.</summary>
    public static async Task ServeBareAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => "Healthy");
        await app.RunAsync();
    }

    private sealed record Footprint(TimeSpan Startup, long RssKb, long PeakKb);

    private static void Print(string name, Footprint f) =>
        Console.WriteLine($"  {name,-34} {f.Startup.TotalMilliseconds,10:F0} ms {f.RssKb / 1024.0,6:F0} MB {f.PeakKb / 1024.0,6:F0} MB");

    private static ProcessStartInfo BareServer() =>
        new("dotnet", [typeof(FootprintBench).Assembly.Location, "serve-bare"]);

    private static ProcessStartInfo GrantsServer(string dir, string provider, string connectionString)
    {
        // The application as built beside this bench (same configuration), run as its own process from its content root.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var root = Path.Combine(SubmitBench.RepoRoot(), "src", "Grants");
        var dll = Path.Combine(root, "bin", configuration, "net10.0", "Grants.dll");
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = root };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Mail__PickupFolder"] = Path.Combine(dir, "mail");
        start.Environment["App__Demo"] = "false";
        // Plain HTTP on loopback here; in production a TLS proxy is in front and the cookies stay Secure.
        start.Environment["App__SecureCookies"] = "false";
        start.Environment["Hangfire__SweepCron"] = "0 0 1 1 *";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private static async Task<Footprint> MeasureAsync(ProcessStartInfo start, bool authenticated)
    {
        var port = FreePort();
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        // Drained so a chatty server never blocks on a full pipe; what stopped it is passed on.
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("Exception", StringComparison.Ordinal))) Console.Error.WriteLine(line); };
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)) Console.Error.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"The server exited with {process.ExitCode} before answering.");
                if (watch.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("No 200 on /health within 5 minutes.");
                try
                {
                    using var health = await http.GetAsync("/health");
                    if (health.StatusCode == HttpStatusCode.OK) break;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(20);
            }
            var startup = watch.Elapsed;
            if (authenticated) await ExercisePagesAsync(http);
            else for (var i = 0; i < 3; i++) (await http.GetAsync("/health")).EnsureSuccessStatusCode();
            var (rss, peak) = Memory(process.Id);
            return new Footprint(startup, rss, peak);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>As the applicant whose organisation holds the seeded applications (staff sign in with a second factor): the list (API and page), one application, the start page.</summary>
    private static async Task ExercisePagesAsync(HttpClient http)
    {
        var token = await http.PostAsJsonAsync("/api/auth/token", new { email = "sokande@demo.grants.se", password = Demo.DemoData.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var list = await http.GetFromJsonAsync<JsonElement>("/api/applications");
        var first = list.GetProperty("items").EnumerateArray().First().GetProperty("id").GetString();
        foreach (var path in new[] { "/Applications", $"/api/applications/{first}", "/" })
        {
            using var page = await http.GetAsync(path);
            if (!page.IsSuccessStatusCode) Console.Error.WriteLine($"  ({path} answered {(int)page.StatusCode})");
        }
    }

    private static (long RssKb, long PeakKb) Memory(int pid)
    {
        long Field(string[] lines, string name) =>
            long.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmRSS"), Field(status, "VmHWM"));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Migrates and loads the demo (accounts, profile) through the application, then adds received applications in batches.</summary>
    private static async Task SeedAsync(string dir, string provider, string connectionString, int count)
    {
        var watch = Stopwatch.StartNew();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(SubmitBench.RepoRoot(), "src", "Grants"));
            b.UseSetting("Urls", "http://127.0.0.1:0");
            b.UseSetting("Database:Provider", provider);
            b.UseSetting("Database:ConnectionString", connectionString);
            b.UseSetting("Mail:PickupFolder", Path.Combine(dir, "mail"));
            b.UseSetting("App:Demo", "true");
            b.UseSetting("Hangfire:SweepCron", "0 0 1 1 *");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var template = await db.Applications.AsNoTracking().FirstAsync(a => a.ProjectName == "READY");
        var received = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= count; i++)
        {
            db.Applications.Add(new Application
            {
                OrganisationId = template.OrganisationId, Form = template.Form, ProjectName = $"Projekt {i}", AmountApplied = template.AmountApplied,
                State = ApplicationStates.Received, WorkflowHash = template.WorkflowHash, CreatedAt = received, UpdatedAt = received,
                CreatedBy = "bench", UpdatedBy = "bench", ReceivedAt = received, ArrivalDate = new DateOnly(2025, 3, 1),
                RegistrationNumber = $"BENCH 2025/{i}", RegistrationYear = 2025, RegistrationSequence = i,
            });
            if (i % 5_000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"  (seeded {count} applications on {provider} in {watch.Elapsed.TotalSeconds:F0} s)");
    }
}
