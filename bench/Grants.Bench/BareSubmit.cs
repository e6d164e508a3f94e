using Microsoft.Data.Sqlite;
using Npgsql;

namespace Grants.Bench;

/// <summary>The baseline: the least work that stores a submission with a gapless number (counter + insert, one transaction).</summary>
public interface IBareSubmit
{
    Task<long> SubmitAsync(string formJson);
}

/// <summary>SQLite in WAL mode (synchronous as Grants runs it) behind an in-process gate, as Grants serialises its writers (no busy retries).</summary>
public sealed class BareSqlite : IBareSubmit
{
    private readonly string _cs;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private BareSqlite(string cs) => _cs = cs;

    public static BareSqlite Create(string dbPath)
    {
        var cs = $"Data Source={dbPath};Default Timeout=30";
        using var init = new SqliteConnection(cs);
        init.Open();
        using var cmd = init.CreateCommand();
        cmd.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
            CREATE TABLE apps (id TEXT PRIMARY KEY, reg TEXT NOT NULL UNIQUE, form TEXT NOT NULL, received INTEGER NOT NULL);
            INSERT INTO counters VALUES (2026, 0);
            """;
        cmd.ExecuteNonQuery();
        return new BareSqlite(cs);
    }

    public async Task<long> SubmitAsync(string formJson)
    {
        await using var c = new SqliteConnection(_cs);
        await c.OpenAsync();
        // As Grants (Database:SqliteSynchronous, the same value for both in one run, and Grants' checkpoint size; both are per connection).
        await using (var pragma = c.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA synchronous={SubmitBench.SqliteSynchronous};PRAGMA wal_autocheckpoint=4000;";
            await pragma.ExecuteNonQueryAsync();
        }
        await _gate.WaitAsync();
        try
        {
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
            return seq;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>PostgreSQL: the same constraints (primary key, unique number, jsonb form); the counter's row lock serialises the number.</summary>
public sealed class BarePostgres(NpgsqlDataSource source) : IBareSubmit
{
    public static async Task<BarePostgres> CreateAsync(string server, string name)
    {
        // The connection settings Grants runs with (Max Auto Prepare), so both sides' statements are prepared alike.
        var source = NpgsqlDataSource.Create(Grants.Infrastructure.DatabaseEngine.PostgresConnection(await FreshDatabaseAsync(server, name)));
        await using var cmd = source.CreateCommand("""
            CREATE TABLE counters (year integer PRIMARY KEY, last bigint NOT NULL);
            CREATE TABLE apps (id uuid PRIMARY KEY, reg text NOT NULL UNIQUE, form jsonb NOT NULL, received timestamptz NOT NULL);
            INSERT INTO counters VALUES (2026, 0);
            """);
        await cmd.ExecuteNonQueryAsync();
        return new BarePostgres(source);
    }

    /// <summary>Drops and creates <paramref name="name"/> on the server; returns its connection string.</summary>
    public static async Task<string> FreshDatabaseAsync(string server, string name)
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using (var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)")) await drop.ExecuteNonQueryAsync();
            await using (var create = admin.CreateCommand($"CREATE DATABASE {name}")) await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task<long> SubmitAsync(string formJson)
    {
        await using var c = await source.OpenConnectionAsync();
        await using var tx = await c.BeginTransactionAsync();
        await using var next = new NpgsqlCommand("UPDATE counters SET last = last + 1 WHERE year = 2026 RETURNING last", c, tx);
        var seq = Convert.ToInt64(await next.ExecuteScalarAsync());
        await using var insert = new NpgsqlCommand("INSERT INTO apps VALUES (@id, @reg, @form::jsonb, @at)", c, tx);
        insert.Parameters.AddWithValue("id", Guid.NewGuid());
        insert.Parameters.AddWithValue("reg", $"SKN 2026/{seq}");
        insert.Parameters.AddWithValue("form", formJson);
        insert.Parameters.AddWithValue("at", DateTime.UtcNow);
        await insert.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        return seq;
    }
}
