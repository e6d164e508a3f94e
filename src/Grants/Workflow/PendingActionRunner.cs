using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Workflow;

/// <summary>
/// Runs entry actions from the outbox. Each row is claimed with a conditional update first, so two
/// runners (the request that fired and the sweep) never run the same row at once.
/// </summary>
public sealed class PendingActionRunner(
    GrantsDbContext db,
    WorkflowRegistry registry,
    IEnumerable<IEntryActionHandler> handlers,
    IEnumerable<IWorkflowSubjectStore> stores,
    TimeProvider time,
    ILogger<PendingActionRunner> log)
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ids = await db.WorkflowPendingActions
            .Where(a => a.DoneAt == null && a.Attempts < MaxAttempts && (a.ClaimedUntil == null || a.ClaimedUntil < now))
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            if (!await db.WorkflowPendingActions.Where(a => a.Id == id && a.DoneAt == null).ClaimAsync(now, now + ClaimFor, ct)) continue;
            // Only the claimer gets here, so the count cannot race.
            await db.WorkflowPendingActions.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, a => a.Attempts + 1), ct);
            var row = await db.WorkflowPendingActions.AsNoTracking().Include(a => a.Transition).SingleAsync(a => a.Id == id, ct);
            try
            {
                await RunOneAsync(row, ct);
                // In-transaction actions (mails) do not save themselves; a row written before they ran inline lands here.
                await db.SaveChangesAsync(ct);
                await db.WorkflowPendingActions.Where(a => a.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.DoneAt, time.GetUtcNow()).SetProperty(a => a.LastError, (string?)null), ct);
                done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Workflow action {Action} for {SubjectType} {SubjectId} failed", row.Action, row.SubjectType, row.SubjectId);
                await db.WorkflowPendingActions.Where(a => a.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClaimedUntil, (DateTimeOffset?)null).SetProperty(a => a.LastError, e.Message), ct);
            }
        }
        return done;
    }

    public bool RunsInTransaction(string action) => handlers.LastOrDefault(h => h.Key == action)?.InTransaction == true;

    /// <summary>Runs an in-transaction action on the caller's unit of work; the caller's save commits its rows with the transition.</summary>
    public Task RunInTransactionAsync(IWorkflowSubject subject, WorkflowDefinition def, StateDefinition state, EntryActionDefinition action,
        WorkflowTransition transition, CancellationToken ct)
    {
        var handler = handlers.Last(h => h.Key == action.Action);
        return handler.RunAsync(new EntryActionContext(subject, def, state, action.With, 0, EntryActionContext.KeyOf(transition)), ct);
    }

    private async Task RunOneAsync(WorkflowPendingAction row, CancellationToken ct)
    {
        var handler = handlers.LastOrDefault(h => h.Key == row.Action)
            ?? throw new InvalidOperationException($"No handler for workflow action '{row.Action}'.");
        var store = stores.FirstOrDefault(s => s.SubjectType == row.SubjectType)
            ?? throw new InvalidOperationException($"No subject store for '{row.SubjectType}'.");
        var subject = await store.FindAsync(row.SubjectId, ct)
            ?? throw new InvalidOperationException($"{row.SubjectType} {row.SubjectId} not found.");
        var transition = row.Transition ?? throw new InvalidOperationException("The action has no transition.");
        var def = registry.Find(transition.DefinitionKey, transition.DefinitionHash) ?? await LoadAsync(transition, ct);
        await handler.RunAsync(new EntryActionContext(subject, def, def.State(row.State), row.Parameters, row.TransitionId, EntryActionContext.KeyOf(transition)), ct);
    }

    private async Task<WorkflowDefinition> LoadAsync(WorkflowTransition t, CancellationToken ct)
    {
        var stored = await db.WorkflowDefinitionVersions.AsNoTracking().SingleAsync(v => v.Key == t.DefinitionKey && v.Hash == t.DefinitionHash, ct);
        var def = DefinitionLoader.Parse(stored.Json, stored.FileName);
        registry.Remember(def);
        return def;
    }
}
