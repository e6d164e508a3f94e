using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Grants.Infrastructure;
using Grants.Infrastructure.Moving;
using Grants.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grants.Tests.Hosting;

/// <summary>Moving a förbund from SQLite up to PostgreSQL, and the backup-and-restore drill on both engines.</summary>
public sealed class MovingAndBackupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grants-move-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool thread; the OS cleans the temp folder.
        }
    }

    [PostgreSqlFact]
    public async Task Copy_to_postgres_moves_every_row_with_bilagor_and_audit_and_the_copy_serves_the_same_applications()
    {
        var sqlite = TestDatabase.Sqlite(Path.Combine(_dir, "forbund.db"));
        List<string?> before;
        await using (var source = new OnDatabase(sqlite))
        {
            await SubmitWithBilagaAsync(source);
            await AddPasskeyAsync(source);
            before = await RegistrationNumbersAsync(source);
        }

        var target = TestDatabase.CreateEmptyPostgres();
        try
        {
            var output = new StringWriter();
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = DatabaseEngine.Sqlite,
                ["Database:ConnectionString"] = sqlite.ConnectionString,
                ["target"] = target.ConnectionString,
            }).Build();
            var code = await MoveCommands.RunAsync([MoveCommands.CopyToPostgresVerb], config, new ContentRoot(_dir), output);

            var text = output.ToString();
            code.Should().Be(0, text);
            text.Should().Contain("alla lika");
            foreach (var table in new[] { "Applications", "AttachmentContents", "AuditEntries", "DataProtectionKeys", "AspNetUsers", "AspNetUserPasskeys" })
                text.Should().MatchRegex($@"(?m)^{table}\s+[1-9]\d*\s+[1-9]\d*\s+lika$", $"{table} has rows and they arrived");

            await using var moved = new OnDatabase(target);
            (await RegistrationNumbersAsync(moved)).Should().BeEquivalentTo(before);

            // A second copy into the now-filled database is refused: moving up is into an empty database only.
            var again = await MoveCommands.RunAsync([MoveCommands.CopyToPostgresVerb], config, new ContentRoot(_dir), new StringWriter())
                .ContinueWith(t => t.Exception?.InnerException?.Message ?? "ok");
            again.Should().Contain("inte tom");
        }
        finally
        {
            target.Drop();
        }
    }

    [Fact]
    public async Task Sqlite_online_backup_restores_to_the_moment_it_was_taken()
    {
        var live = TestDatabase.Sqlite(Path.Combine(_dir, "live.db"));
        var backupFile = Path.Combine(_dir, "backups", "grants-backup.db");
        List<string?> atBackup;
        await using (var app = new OnDatabase(live))
        {
            await SubmitWithBilagaAsync(app);
            atBackup = await RegistrationNumbersAsync(app);
            await using (var scope = app.Services.CreateAsyncScope())
                await SqliteBackup.TakeAsync(scope.ServiceProvider.GetRequiredService<GrantsDbContext>(), backupFile, CancellationToken.None);
            await SubmitWithBilagaAsync(app); // after the backup: not in it
            (await RegistrationNumbersAsync(app)).Should().HaveCount(atBackup.Count + 1);
        }

        // Restore: the copy takes the database file's place (here: a host started on it).
        var restoredFile = Path.Combine(_dir, "restored.db");
        File.Copy(backupFile, restoredFile);
        await using var restored = new OnDatabase(TestDatabase.Sqlite(restoredFile));
        (await RegistrationNumbersAsync(restored)).Should().BeEquivalentTo(atBackup);
        await BilagaIsReadableAsync(restored);
    }

    [PostgreSqlFact]
    public async Task Postgres_pg_dump_and_pg_restore_bring_back_every_application()
    {
        var live = TestDatabase.CreatePostgres();
        var restoredDb = TestDatabase.CreateEmptyPostgres();
        try
        {
            List<string?> atBackup;
            await using (var app = new OnDatabase(live))
            {
                await SubmitWithBilagaAsync(app);
                atBackup = await RegistrationNumbersAsync(app);
                // Online: pg_dump takes a consistent snapshot while the host is running (docs/deployment.md).
                await PgAsync("pg_dump", $"--format=custom --file={Path.Combine(_dir, "grants.dump")} --dbname={Uri(live)}");
            }
            await PgAsync("pg_restore", $"--no-owner --exit-on-error --dbname={Uri(restoredDb)} {Path.Combine(_dir, "grants.dump")}");

            await using var restored = new OnDatabase(restoredDb);
            (await RegistrationNumbersAsync(restored)).Should().BeEquivalentTo(atBackup);
            await BilagaIsReadableAsync(restored);
        }
        finally
        {
            restoredDb.Drop();
            live.Drop();
        }
    }

    /// <summary>A passkey row (its data is a JSON column): the copy and its checksum cover it.</summary>
    private static async Task AddPasskeyAsync(GrantsApp app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Grants.Identity.AppUser>>();
        var user = await users.FindByEmailAsync(Login.Applicant) ?? throw new InvalidOperationException("No demo applicant.");
        var passkey = new Microsoft.AspNetCore.Identity.UserPasskeyInfo(Guid.NewGuid().ToByteArray(), [1, 2, 3], app.Time.GetUtcNow(), 7, ["internal", "hybrid"],
            true, true, false, [4, 5], [6, 7]) { Name = "Telefonen" };
        (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded.Should().BeTrue();
    }

    private static string Uri(TestDatabase db)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString);
        return $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
    }

    private static async Task PgAsync(string tool, string arguments)
    {
        var bin = Environment.GetEnvironmentVariable("PG_TEST_BIN") is { Length: > 0 } b
            ? b
            : Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => d, StringComparer.Ordinal).Last() + "/bin";
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(bin, tool), arguments) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, errors);
    }

    private static async Task SubmitWithBilagaAsync(GrantsApp app)
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var id = Api.IdOf(await applicant.CreateDraftAsync(Forms.Complete()));
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 bilaga"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "budget.pdf");
        (await applicant.PostAsync($"/api/applications/{id}/attachments", form)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await applicant.SubmitAsync(id)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task BilagaIsReadableAsync(GrantsApp app)
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var list = await applicant.ListAllApplicationsAsync();
        var withBilaga = list.Select(a => a!["id"]!.GetValue<Guid>()).ToList();
        var found = false;
        foreach (var id in withBilaga)
        {
            var application = await applicant.GetApplicationAsync(id);
            if (application["attachments"]!.AsArray().FirstOrDefault() is not { } attachment) continue;
            var bytes = await applicant.GetByteArrayAsync($"/api/applications/{id}/attachments/{attachment["id"]!.GetValue<Guid>()}");
            bytes.Should().Equal("%PDF-1.4 bilaga"u8.ToArray());
            found = true;
        }
        found.Should().BeTrue("the bilaga came back with its application");
    }

    private static async Task<List<string?>> RegistrationNumbersAsync(GrantsApp app)
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var list = await kansli.ListAllApplicationsAsync();
        return list.Select(a => a!["registrationNumber"]?.GetValue<string>()).ToList();
    }

    private sealed class OnDatabase(TestDatabase database) : GrantsApp(database);

    private sealed class ContentRoot(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Grants";
        public string ContentRootPath { get; set; } = path;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
