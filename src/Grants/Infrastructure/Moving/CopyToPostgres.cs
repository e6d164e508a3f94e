using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grants.Infrastructure.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Grants.Infrastructure.Moving;

/// <summary>One table's figures on both sides after the copy.</summary>
public sealed record TableCopy(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>
/// Moving up: copies every row of a förbund's SQLite database (applications, bilagor, audit, keys - every table of the
/// model) into an empty PostgreSQL database, then proves the copy table by table with a row count and a checksum over
/// the values as the application reads them (so SQLite's tick-encoded times and PostgreSQL's timestamptz compare equal).
/// </summary>
public sealed class CopyToPostgres(GrantsDbContext source, PostgreSqlGrantsDbContext target, ILogger<CopyToPostgres> log)
{
    private const int Batch = 500;

    public static PostgreSqlGrantsDbContext Target(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgreSqlGrantsDbContext>().UseNpgsql(connectionString).Options);

    public async Task<IReadOnlyList<TableCopy>> RunAsync(CancellationToken ct)
    {
        await target.Database.MigrateAsync(ct);
        var tables = InsertOrder(source.Model);
        foreach (var t in tables)
        {
            if (await CountAsync(target, t, ct) > 0)
                throw new InvalidOperationException($"Måldatabasen är inte tom (tabellen {t.GetTableName()} har rader); kopieringen görs bara till en tom databas.");
        }
        foreach (var t in tables)
        {
            var rows = await (Task<long>)Invoke(nameof(CopyAsync), t, ct);
            log.LogInformation("Copied {Rows} rows of {Table}", rows, t.GetTableName());
        }
        await ResetIdentitiesAsync(ct);

        var report = new List<TableCopy>();
        foreach (var t in tables)
        {
            var (sourceRows, sourceSum) = await (Task<(long, string)>)Invoke(nameof(ChecksumAsync), t, source, ct);
            var (targetRows, targetSum) = await (Task<(long, string)>)Invoke(nameof(ChecksumAsync), t, target, ct);
            report.Add(new TableCopy(t.GetTableName() ?? t.Name, sourceRows, targetRows, sourceSum, targetSum));
        }
        return report;
    }

    private object Invoke(string method, IEntityType type, params object[] args) =>
        GetType().GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(this, args.Prepend(type).ToArray())
        ?? throw new InvalidOperationException($"{method} returned nothing.");

    private async Task<long> CopyAsync<T>(IEntityType type, CancellationToken ct) where T : class
    {
        long rows = 0;
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            target.Set<T>().Add(row);
            if (++rows % Batch == 0) await FlushAsync(ct);
        }
        await FlushAsync(ct);
        return rows;
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
    }

    private static async Task<(long Rows, string Checksum)> ChecksumAsync<T>(IEntityType type, GrantsDbContext db, CancellationToken ct) where T : class
    {
        var properties = type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        // Owned values (a passkey's data, stored as JSON in its row) are part of the row.
        var owned = type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var lines = new List<string>();
        await foreach (var row in db.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var entry = db.Entry(row);
            lines.Add(string.Join("|", properties.Select(p => Text(entry.Property(p.Name).CurrentValue))
                .Concat(owned.Select(n => Text(n.GetGetter().GetClrValue(row))))));
        }
        // Ordered by the row's text, not by either engine's collation.
        lines.Sort(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) sha.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        return (lines.Count, Convert.ToHexString(sha.GetHashAndReset()));
    }

    private static string Text(object? value) => value switch
    {
        null => "∅",
        DateTimeOffset d => d.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(SHA256.HashData(b)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        _ => System.Text.Json.JsonSerializer.Serialize(value, value.GetType(), Grants.Applications.FormJsonOptions.Options),
    };

    private static async Task<long> CountAsync(DbContext db, IEntityType type, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{type.GetTableName()}\"", connection);
        return (long)(await command.ExecuteScalarAsync(ct) ?? 0L);
    }

    /// <summary>Rows were inserted with their own ids; identity sequences continue after the largest.</summary>
    private async Task ResetIdentitiesAsync(CancellationToken ct)
    {
        foreach (var type in target.Model.GetEntityTypes())
        {
            var table = type.GetTableName();
            foreach (var p in type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is var c && (c == typeof(int) || c == typeof(long))))
            {
                var column = p.GetColumnName();
                // Identifiers come from the model, never from input.
                var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)";
                await target.Database.ExecuteSqlRawAsync(sql, ct);
            }
        }
    }

    /// <summary>Principals before dependents, so every foreign key finds its row.</summary>
    private static List<IEntityType> InsertOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !placed.Contains(t) && t.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType) || !types.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("Foreign keys form a cycle: " + string.Join(", ", types.Except(placed).Select(t => t.Name)));
            foreach (var t in ready.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                ordered.Add(t);
                placed.Add(t);
            }
        }
        return ordered;
    }
}
