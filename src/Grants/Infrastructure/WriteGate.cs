namespace Grants.Infrastructure;

/// <summary>
/// SQLite allows one writer at a time; concurrent BEGIN IMMEDIATE transactions otherwise spin in
/// SQLITE_BUSY retries (hundreds of ms at p99). Short write transactions in this process queue here
/// instead. Harmless on PostgreSQL, where row locks do the same job.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
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
