using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Workflow;

/// <summary>
/// What the workflow's record says about past entries into states: features ask this instead of reading the
/// transition table (the LSG's current round, the economy's state on a past date).
/// </summary>
public interface IWorkflowHistory
{
    /// <summary>For each subject, its latest entry into any of <paramref name="states"/> (subjects never there are left out).</summary>
    Task<IReadOnlyList<StateEntry>> LastEntriesAsync(string subjectType, IReadOnlyCollection<string> subjectIds,
        IReadOnlyCollection<string> states, CancellationToken ct);
}

/// <param name="FromState">The state it left (null for the initial entry).</param>
public sealed record StateEntry(string SubjectId, string State, string? FromState, DateTimeOffset At);

public sealed class WorkflowHistory(GrantsDbContext db) : IWorkflowHistory
{
    public async Task<IReadOnlyList<StateEntry>> LastEntriesAsync(string subjectType, IReadOnlyCollection<string> subjectIds,
        IReadOnlyCollection<string> states, CancellationToken ct)
    {
        if (subjectIds.Count == 0 || states.Count == 0) return [];
        var rows = await db.WorkflowTransitions.AsNoTracking()
            .Where(t => t.SubjectType == subjectType && subjectIds.Contains(t.SubjectId) && states.Contains(t.ToState))
            .Select(t => new { t.Id, t.SubjectId, t.ToState, t.FromState, t.At })
            .ToListAsync(ct);
        // Latest by record order: two transitions may share one instant on the fake clock.
        return rows.GroupBy(r => r.SubjectId)
            .Select(g => g.OrderBy(r => r.Id).Last())
            .Select(r => new StateEntry(r.SubjectId, r.ToState, r.FromState, r.At))
            .ToList();
    }
}
