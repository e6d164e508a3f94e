using Microsoft.EntityFrameworkCore;

namespace Grants.Infrastructure.Moving;

/// <summary>
/// An online backup of the SQLite database: VACUUM INTO writes a consistent, compacted copy from one read transaction
/// while the application keeps serving (writers wait only for the moments SQLite needs). Restoring is stopping the
/// service and putting the copy in the database file's place (docs/deployment.md).
/// </summary>
public static class SqliteBackup
{
    public static async Task<string> TakeAsync(GrantsDbContext db, string file, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) throw new InvalidOperationException("VACUUM INTO is SQLite's backup; PostgreSQL uses pg_dump.");
        if (File.Exists(file)) throw new IOException($"{file} finns redan; en säkerhetskopia skrivs aldrig över.");
        Directory.CreateDirectory(Path.GetDirectoryName(file) ?? ".");
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {file}", ct);
        return file;
    }
}
