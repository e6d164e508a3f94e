using Npgsql;

namespace Grants.Infrastructure.PostgreSql;

/// <summary>
/// The write gate across every instance on one PostgreSQL database: a session advisory lock held on a connection of its
/// own for as long as the caller is inside. Callers in this process queue on a semaphore first, so one instance holds at
/// most one extra connection for the gate.
/// </summary>
public sealed class PostgreSqlWriteGate(NpgsqlDataSource dataSource) : WriteGate, IDisposable
{
    /// <summary>An arbitrary 64-bit key naming this gate among the database's advisory locks ("grants-w").</summary>
    private const long LockKey = 0x6772616e74732d77;

    private readonly InProcessWriteGate _local = new();

    public override async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        var local = await _local.EnterAsync(ct);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(ct);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
            {
                lockCommand.Parameters.AddWithValue(LockKey);
                await lockCommand.ExecuteNonQueryAsync(ct);
            }
            return new Held(connection, local);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            local.Dispose();
            throw;
        }
    }

    /// <summary>Row locks settle the counter across instances: no advisory lock, no extra connection or round trips.</summary>
    public override Task<IDisposable> EnterForCounterAsync(CancellationToken ct) => Task.FromResult<IDisposable>(NothingHeld.Instance);

    public void Dispose() => dataSource.Dispose();

    private sealed class NothingHeld : IDisposable
    {
        public static readonly NothingHeld Instance = new();
        public void Dispose() { }
    }

    private sealed class Held(NpgsqlConnection connection, IDisposable local) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                unlock.Parameters.AddWithValue(LockKey);
                unlock.ExecuteNonQuery();
            }
            finally
            {
                // Closing also ends the session's locks should the unlock have failed (the pool resets the session).
                connection.Dispose();
                local.Dispose();
            }
        }
    }
}
