using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grants.Demo;
using Grants.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grants.Bench;

/// <summary>
/// The long fuzz run (the suite runs 2 000 of the same requests): hostile requests generated from the app's
/// OpenAPI document against every write operation, as every demo role and anonymously, over HTTP on loopback.
///   dotnet run -c Release --project bench/Grants.Bench -- fuzz [count] [seed]
/// </summary>
public static class FuzzBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 10_000;
        var seed = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 20261201;
        var dir = Directory.CreateTempSubdirectory("grants-fuzz-");
        var database = Path.Combine(dir.FullName, "grants.db");
        await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            // Plain HTTP on loopback; production refuses it (Shared/HttpsRequired.cs) behind its TLS proxy.
            b.UseSetting("App:SecureCookies", "false");
            b.UseContentRoot(Path.Combine(SubmitBench.RepoRoot(), "src", "Grants"));
            b.UseSetting("Database:ConnectionString", $"Data Source={database}");
            b.UseSetting("Mail:PickupFolder", Path.Combine(dir.FullName, "mail"));
            b.UseSetting("App:DataProtectionKeysFolder", Path.Combine(dir.FullName, "keys"));
            b.UseSetting("App:Demo", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // The sweep writes rows on its own schedule; during the run it would look like a refused request's write.
            b.UseSetting("Hangfire:SweepCron", "0 0 1 1 *");
            // Every client is 127.0.0.1: the per-connection sign-in limit would answer the re-sign-in after a logout 429.
            b.UseSetting("Accounts:ClientPermitLimit", "100000");
            // 5xx are counted by the run itself; the exception log would drown the figures.
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Diagnostics", "None");
        }))
        {
            factory.UseKestrel(0);
            factory.StartServer();
            var clients = new List<(string Role, HttpClient Client)> { (FuzzRun.Anonymous, new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress }) };
            var users = DemoData.Users.DistinctBy(u => u.Role).ToList();
            async Task SignInAsync(string role, HttpClient http)
            {
                http.DefaultRequestHeaders.Authorization = null;
                var token = await http.PostAsJsonAsync("/api/auth/token", new { email = users.Single(u => u.Role == role).Email, password = DemoData.Password });
                token.EnsureSuccessStatusCode();
                var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            }
            foreach (var user in users)
            {
                var http = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };
                await SignInAsync(user.Role, http);
                clients.Add((user.Role, http));
            }
            Console.WriteLine($"Fuzz: {count} requests, seed {seed}, {clients.Count} clients ({string.Join(", ", clients.Select(c => c.Role))}), {Environment.ProcessorCount} cores");
            var result = await FuzzRun.RunAsync(clients, database, seed, count, SignInAsync, FuzzRun.JobsIdle(factory.Services));
            Console.WriteLine(result.Summary);
            Console.WriteLine($"failures (5xx, or a refusal that wrote rows): {result.Failures.Count}");
            foreach (var failure in result.Failures.Take(50)) Console.WriteLine("  " + failure);
            foreach (var (_, client) in clients) client.Dispose();
            Environment.ExitCode = result.Failures.Count == 0 ? 0 : 1;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }
}
