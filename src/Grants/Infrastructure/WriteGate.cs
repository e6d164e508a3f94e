namespace Grants.Infrastructure;

/// <summary>
/// Serialises the short write transactions that hand out numbers or move money (diarienummer, § numbers, payments):
/// callers enter before they begin their transaction and leave after commit. Unique constraints remain the backstop.
/// </summary>
public abstract class WriteGate
{
    public abstract Task<IDisposable> EnterAsync(CancellationToken ct);

    /// <summary>
    /// For a transaction whose only contended write is one counter row taken with a single upsert (diarienummer):
    /// the counter's row lock, held to commit, already makes the number gapless and unique, so an engine whose
    /// writers wait on row locks needs no gate. SQLite still queues here (one writer at a time; see below).
    /// </summary>
    public virtual Task<IDisposable> EnterForCounterAsync(CancellationToken ct) => EnterAsync(ct);
}

/// <summary>
/// SQLite allows one writer at a time; concurrent BEGIN IMMEDIATE transactions otherwise spin in SQLITE_BUSY retries
/// (hundreds of ms at p99). One process owns a SQLite database, so queueing in-process is the whole answer.
/// </summary>
public sealed class InProcessWriteGate : WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public override async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
