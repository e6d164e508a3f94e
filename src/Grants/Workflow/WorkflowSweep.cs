using Grants.Shared;
using Grants.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Grants.Workflow;

/// <summary>
/// The recurring job: fires due timers and runs leftover entry actions. Idempotent: a timer is marked
/// fired in the same save as its transition, and the subject's concurrency token stops a second sweep.
/// </summary>
public sealed class WorkflowSweep(
    GrantsDbContext db,
    IWorkflowEngine engine,
    IEnumerable<IWorkflowSubjectStore> stores,
    PendingActionRunner actions,
    IEnumerable<ISweepStep> steps,
    TimeProvider time,
    ILogger<WorkflowSweep> log)
{
    public const string JobId = "workflow-sweep";

    public sealed record Result(int Fired, int Cancelled, int Actions, int StepActions);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.WorkflowTimers
            .Where(t => t.FiredAt == null && t.CancelledAt == null && t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        int fired = 0, cancelled = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var timer = await db.WorkflowTimers.SingleAsync(t => t.Id == id, ct);
            if (timer.FiredAt is not null || timer.CancelledAt is not null) continue;
            var subject = stores.FirstOrDefault(s => s.SubjectType == timer.SubjectType) is { } store
                ? await store.FindAsync(timer.SubjectId, ct)
                : null;
            if (subject is null || subject.State != timer.State)
            {
                timer.CancelledAt = now;
                await db.SaveChangesAsync(ct);
                cancelled++;
                continue;
            }
            timer.FiredAt = now;
            var outcome = await engine.FireAsync(subject, Door.Timer, timer.Trigger, SystemActor.Timer, $"Tidsgräns: {timer.TimerKey}", ct);
            if (outcome.IsOk)
            {
                fired++;
                continue;
            }
            if (outcome.IsConcurrentChange) continue; // retried by the next sweep
            db.ChangeTracker.Clear();
            log.LogWarning("Timer {Timer} on {SubjectType} {SubjectId} could not fire: {Message}", timer.TimerKey, timer.SubjectType, timer.SubjectId, outcome.Message);
            await db.WorkflowTimers.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CancelledAt, now), ct);
            cancelled++;
        }
        db.ChangeTracker.Clear();
        var ran = await actions.RunAsync(ct);
        // Each step owns its rows; one failing step must not stop the others, and the next sweep retries it.
        var acted = 0;
        foreach (var step in steps)
        {
            try
            {
                acted += await step.RunAsync(now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Sweep step {Step} failed; the next sweep retries it", step.Name);
            }
            db.ChangeTracker.Clear();
        }
        return new Result(fired, cancelled, ran, acted);
    }
}
