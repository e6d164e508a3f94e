using System.Runtime.CompilerServices;
using Grants.Infrastructure.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Grants.Infrastructure;

/// <summary>
/// Every difference between SQLite and PostgreSQL lives here (and in the two <see cref="WriteGate"/>s):
/// which context type (and so which migrations), how a value is stored, how a constraint violation is recognised.
/// Features never name an engine.
/// </summary>
public static class DatabaseEngine
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    // SQLITE_CONSTRAINT (primary result code) and PostgreSQL's unique_violation.
    private const int SqliteConstraint = 19;

    /// <summary>The database refused the write because a unique (or, on SQLite, any) constraint would break:
    /// another writer got there first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>The write lost a race: a concurrency token changed or a unique key was taken meanwhile.</summary>
    public static bool IsLostRace(this DbUpdateException e) => e is DbUpdateConcurrencyException || e.IsUniqueViolation();

    public static void UseEngine(this DbContextOptionsBuilder options, DatabaseOptions db, string contentRoot)
    {
        if (db.Provider == PostgreSql) options.UseNpgsql(PostgresConnection(db.ConnectionString));
        else if (db.Provider == Sqlite) options.UseSqlite(SqliteConnection(db.ConnectionString, contentRoot)).AddInterceptors(SqlitePragmas.For(db.SqliteSynchronous));
        // Start-up migrates before options validation runs; say which key is wrong rather than fail on the connection string.
        else throw new InvalidOperationException($"Database:Provider måste vara {Sqlite} eller {PostgreSql} (är '{db.Provider}').");
    }

    /// <summary>
    /// Npgsql prepares a statement on the server once it has run it a few times on a connection (Max Auto Prepare), unless
    /// the connection string says otherwise: a submit sends about a dozen statements, and PostgreSQL otherwise parses and
    /// plans each one every time (bench/ submit: about a fifth more submits per second on one instance).
    /// </summary>
    public static string PostgresConnection(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) b.MaxAutoPrepare = 64;
        return b.ConnectionString;
    }

    /// <summary>A relative Data Source is taken relative to the content root, not the shell's directory.</summary>
    public static string SqliteConnection(string connectionString, string contentRoot)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(b.DataSource) && b.DataSource != ":memory:" && !Path.IsPathRooted(b.DataSource))
            b.DataSource = Path.GetFullPath(b.DataSource, contentRoot);
        if (b.DefaultTimeout < 30) b.DefaultTimeout = 30;
        return b.ToString();
    }

    internal static void ConfigureModel(ModelBuilder builder, DatabaseFacade database)
    {
        ValueConverter? converter = null;
        // SQLite cannot order or compare DateTimeOffset text; a sortable long (UTC ticks) keeps ORDER BY and < working.
        if (database.IsSqlite()) converter = new DateTimeOffsetToBinaryConverter();
        // Npgsql writes only UTC to timestamptz; the instant is what matters, so normalise on the way in.
        else if (database.IsNpgsql()) converter = new ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
        if (converter is null) return;
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
                property.SetValueConverter(converter);
        }
    }

    /// <summary>
    /// synchronous is a per-connection setting (Database:SqliteSynchronous). FULL, the default, syncs every commit: a
    /// diarienummer the applicant was shown survives a power cut. NORMAL in WAL mode syncs at checkpoints: faster, never
    /// corrupt, but a power cut (not a process crash) may lose the last commits, and their numbers would be given again.
    /// The WAL is checkpointed at 4 000 pages (16 MB) rather than SQLite's 1 000: a submit writes about 26 pages, and the
    /// checkpoint runs inside the committing writer's lock, so fewer, larger checkpoints (hot pages copied once) shorten
    /// the time every other writer waits (bench/ submit; the bare baseline runs with the same pragmas).
    /// </summary>
    private sealed class SqlitePragmas(string pragmas) : DbConnectionInterceptor
    {
        public const string Checkpoint = "PRAGMA wal_autocheckpoint=4000;";
        private static readonly SqlitePragmas Full = new("PRAGMA synchronous=FULL;" + Checkpoint);
        private static readonly SqlitePragmas Normal = new("PRAGMA synchronous=NORMAL;" + Checkpoint);

        public static SqlitePragmas For(string synchronous) =>
            string.Equals(synchronous, DatabaseOptions.SynchronousNormal, StringComparison.OrdinalIgnoreCase) ? Normal : Full;

        private readonly string Pragmas = pragmas;

        // The setting lives on the native handle, which Microsoft.Data.Sqlite pools and hands out again on the next
        // open: set it once per handle rather than with a statement on every open (a request opens several times).
        private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _set = new();

        private bool IsSet(System.Data.Common.DbConnection connection) =>
            connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && _set.TryGetValue(handle, out _);

        private void MarkSet(System.Data.Common.DbConnection connection)
        {
            if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }) _set.AddOrUpdate(handle, this);
        }

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsSet(connection)) return;
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            UnicodeCase(connection);
            MarkSet(connection);
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            if (IsSet(connection)) return;
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(ct);
            UnicodeCase(connection);
            MarkSet(connection);
        }

        /// <summary>
        /// SQLite's own lower() and upper() change only A–Z, so a search typed "östersund" would miss "Östersund"
        /// (EF translates ToLower/ToUpper to them). These replace them on the handle with .NET's, as PostgreSQL's do.
        /// Registered on the native handle, not through SqliteConnection.CreateFunction: that one removes its functions
        /// from the pooled handle when the connection closes, and a removed override makes SQLite refuse upper(x).
        /// </summary>
        private static void UnicodeCase(System.Data.Common.DbConnection connection)
        {
            if (connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }) return;
            Register(handle, "lower", text => text.ToLowerInvariant());
            Register(handle, "upper", text => text.ToUpperInvariant());
        }

        private static void Register(SQLitePCL.sqlite3 handle, string name, Func<string, string> change)
        {
            var rc = SQLitePCL.raw.sqlite3_create_function(handle, name, 1, SQLitePCL.raw.SQLITE_UTF8 | SQLitePCL.raw.SQLITE_DETERMINISTIC, null,
                (context, _, args) =>
                {
                    if (SQLitePCL.raw.sqlite3_value_type(args[0]) == SQLitePCL.raw.SQLITE_NULL) SQLitePCL.raw.sqlite3_result_null(context);
                    else SQLitePCL.raw.sqlite3_result_text(context, change(SQLitePCL.raw.sqlite3_value_text(args[0]).utf8_to_string()));
                });
            Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    /// <summary>Per-engine start-up work after migrating.</summary>
    internal static async Task AfterMigrateAsync(GrantsDbContext db)
    {
        // WAL lets readers continue while a submit holds the write lock.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
