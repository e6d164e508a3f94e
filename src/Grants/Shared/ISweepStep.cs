namespace Grants.Shared;

/// <summary>
/// One part of the single recurring sweep (Workflow/WorkflowSweep): finds what is due at <c>now</c> in its
/// own rows and acts on it, idempotently (a re-run, a restart or an overlap never acts twice).
/// Register with DI; the sweep runs every step after firing the workflow timers.
/// </summary>
public interface ISweepStep
{
    /// <summary>Short name for logs.</summary>
    string Name { get; }
    /// <summary>Returns how many things it acted on.</summary>
    Task<int> RunAsync(DateTimeOffset now, CancellationToken ct);
}
