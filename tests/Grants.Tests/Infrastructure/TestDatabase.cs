using Grants.Infrastructure;
using Grants.Infrastructure.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Grants.Tests.Infrastructure;

/// <summary>
/// The engine the fixtures run on. SQLite by default (a file in the fixture's folder). With GRANTS_TEST_ENGINE=PostgreSql
/// every fixture gets a database of its own on the server named by GRANTS_TEST_POSTGRES (tests/run.sh starts a private
/// cluster and sets both), cloned from a template migrated once per run: CREATE DATABASE ... TEMPLATE is a file copy.
/// </summary>
public sealed class TestDatabase
{
    public const string EngineVariable = "GRANTS_TEST_ENGINE";
    public const string ServerVariable = "GRANTS_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    private TestDatabase(string provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        PostgresName = postgresName;
    }

    /// <summary>Admin connection string of the test server, or null when none is configured (PG-only tests then skip).</summary>
    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;

    /// <summary>The engine of this test run.</summary>
    public static string Engine => Environment.GetEnvironmentVariable(EngineVariable) == DatabaseEngine.PostgreSql
        ? DatabaseEngine.PostgreSql
        : DatabaseEngine.Sqlite;

    public static string MissingServer => $"needs a PostgreSQL server: set {ServerVariable} (tests/run.sh starts one and sets it)";

    public string Provider { get; }
    public string ConnectionString { get; }
    private string? PostgresName { get; }

    /// <summary>A fresh database on this run's engine; SQLite's file lives in <paramref name="folder"/>.</summary>
    public static TestDatabase Create(string folder) =>
        Engine == DatabaseEngine.PostgreSql ? CreatePostgres() : new TestDatabase(DatabaseEngine.Sqlite, $"Data Source={Path.Combine(folder, "grants.db")}", null);

    /// <summary>A SQLite file, whatever this run's engine (moving up and the SQLite backup drill start from one).</summary>
    public static TestDatabase Sqlite(string file) => new(DatabaseEngine.Sqlite, $"Data Source={file}", null);

    /// <summary>An empty PostgreSQL database, not even migrated (the target of copy-to-postgres and pg_restore).</summary>
    public static TestDatabase CreateEmptyPostgres()
    {
        var server = Server ?? throw new InvalidOperationException(MissingServer);
        var name = "grants_e_" + Guid.NewGuid().ToString("N");
        Execute(server, $"CREATE DATABASE {name}");
        return new TestDatabase(DatabaseEngine.PostgreSql, WithDatabase(server, name), name);
    }

    /// <summary>The database's name on the server (PostgreSQL only).</summary>
    public string Name => PostgresName ?? throw new InvalidOperationException("not a PostgreSQL database");

    /// <summary>A fresh, migrated PostgreSQL database (whatever this run's engine), for the multi-instance tests.</summary>
    public static TestDatabase CreatePostgres()
    {
        var server = Server ?? throw new InvalidOperationException(MissingServer);
        var template = EnsureTemplate(server);
        var name = "grants_t_" + Guid.NewGuid().ToString("N");
        TemplateLock.Wait();
        try
        {
            Execute(server, $"CREATE DATABASE {name} TEMPLATE {template}");
        }
        finally
        {
            TemplateLock.Release();
        }
        return new TestDatabase(DatabaseEngine.PostgreSql, WithDatabase(server, name), name);
    }

    public void Drop()
    {
        if (PostgresName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        NpgsqlConnection.ClearAllPools();
        Execute(Server ?? throw new InvalidOperationException(MissingServer), $"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)");
    }

    public static string WithDatabase(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    /// <summary>One template per schema: its name carries the migrations' identity, so a changed model gets a new one.</summary>
    private static string EnsureTemplate(string server)
    {
        if (_template is not null) return _template;
        TemplateLock.Wait();
        try
        {
            if (_template is not null) return _template;
            var options = new DbContextOptionsBuilder<PostgreSqlGrantsDbContext>();
            options.UseNpgsql(server);
            string migrations;
            using (var probe = new PostgreSqlGrantsDbContext(options.Options))
                migrations = string.Join(",", probe.Database.GetMigrations());
            var name = "grants_template_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(migrations)))[..16].ToLowerInvariant();
            using (var check = new NpgsqlConnection(server))
            {
                check.Open();
                using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", check);
                exists.Parameters.AddWithValue(name);
                if (exists.ExecuteScalar() is null)
                {
                    var building = name + "_building";
                    Execute(server, $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
                    Execute(server, $"CREATE DATABASE {building}");
                    var build = new DbContextOptionsBuilder<PostgreSqlGrantsDbContext>();
                    build.UseNpgsql(WithDatabase(server, building));
                    using (var db = new PostgreSqlGrantsDbContext(build.Options)) db.Database.Migrate();
                    NpgsqlConnection.ClearAllPools();
                    // Renamed only once complete: an interrupted run never leaves a half-migrated template behind.
                    Execute(server, $"ALTER DATABASE {building} RENAME TO {name}");
                }
            }
            NpgsqlConnection.ClearAllPools();
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A fact that needs a PostgreSQL server. Never skipped: without GRANTS_TEST_POSTGRES it fails, saying how to get one
/// (tests/run.sh, the test command, always starts a private cluster), so a green run always includes these tests.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute;
