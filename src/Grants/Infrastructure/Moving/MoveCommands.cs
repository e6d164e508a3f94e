using Microsoft.EntityFrameworkCore;

namespace Grants.Infrastructure.Moving;

/// <summary>
/// Command-line verbs run instead of the web host:
/// <c>dotnet run --project src/Grants -- copy-to-postgres --target "Host=...;Database=...;Username=...;Password=..."</c>
/// copies the configured SQLite database (Database:ConnectionString) into that empty PostgreSQL database and prints
/// count and checksum per table; exit code 0 only when every table matches.
/// <c>dotnet run --project src/Grants -- backup --to /var/backups/grants-2026-12-01.db</c> takes an online backup of the
/// SQLite database (VACUUM INTO: a consistent copy while the application keeps running). PostgreSQL is backed up with
/// pg_dump (docs/deployment.md).
/// </summary>
public static class MoveCommands
{
    public const string CopyToPostgresVerb = "copy-to-postgres";

    public const string BackupVerb = "backup";

    public static bool IsRequested(string[] args) => args.FirstOrDefault() is CopyToPostgresVerb or BackupVerb;

    public static Task<int> RunAsync(string[] args, IConfiguration config, IHostEnvironment env, TextWriter output) =>
        args[0] == BackupVerb ? BackupAsync(config, env, output) : CopyAsync(config, env, output);

    private static async Task<int> BackupAsync(IConfiguration config, IHostEnvironment env, TextWriter output)
    {
        var db = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (db.Provider != DatabaseEngine.Sqlite)
        {
            await output.WriteLineAsync("PostgreSQL säkerhetskopieras med pg_dump (se docs/deployment.md).");
            return 2;
        }
        if (config["to"] is not { Length: > 0 } file)
        {
            await output.WriteLineAsync("Ange filen: backup --to /sökväg/grants-backup.db");
            return 2;
        }
        var options = new DbContextOptionsBuilder<GrantsDbContext>();
        options.UseEngine(db, env.ContentRootPath);
        await using var source = new GrantsDbContext(options.Options);
        var path = await SqliteBackup.TakeAsync(source, Path.GetFullPath(file, env.ContentRootPath), CancellationToken.None);
        await output.WriteLineAsync($"Säkerhetskopian är skriven: {path}");
        return 0;
    }

    private static async Task<int> CopyAsync(IConfiguration config, IHostEnvironment env, TextWriter output)
    {
        var db = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (db.Provider != DatabaseEngine.Sqlite)
        {
            await output.WriteLineAsync("copy-to-postgres läser från SQLite: Database:Provider måste vara Sqlite.");
            return 2;
        }
        if (config["target"] is not { Length: > 0 } target)
        {
            await output.WriteLineAsync("Ange måldatabasen: copy-to-postgres --target \"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }
        var options = new DbContextOptionsBuilder<GrantsDbContext>();
        options.UseEngine(db, env.ContentRootPath);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        await using var source = new GrantsDbContext(options.Options);
        await using var targetDb = CopyToPostgres.Target(target);
        var report = await new CopyToPostgres(source, targetDb, loggers.CreateLogger<CopyToPostgres>()).RunAsync(CancellationToken.None);
        await output.WriteLineAsync($"{"Tabell",-36} {"Källa",10} {"Mål",10}  Kontrollsumma");
        foreach (var t in report)
            await output.WriteLineAsync($"{t.Table,-36} {t.SourceRows,10} {t.TargetRows,10}  {(t.Matches ? "lika" : $"OLIKA {t.SourceChecksum[..12]} / {t.TargetChecksum[..12]}")}");
        var ok = report.All(t => t.Matches);
        await output.WriteLineAsync(ok ? $"Klart: {report.Sum(t => t.TargetRows)} rader i {report.Count} tabeller, alla lika." : "Kopian skiljer sig från källan.");
        return ok ? 0 : 1;
    }
}
