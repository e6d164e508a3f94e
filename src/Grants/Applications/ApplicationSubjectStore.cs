using Grants.Infrastructure;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>How the workflow finds an application by its subject id.</summary>
public sealed class ApplicationSubjectStore(GrantsDbContext db) : IWorkflowSubjectStore
{
    public string SubjectType => Application.SubjectType;

    public async Task<IWorkflowSubject?> FindAsync(string subjectId, CancellationToken ct) =>
        Guid.TryParse(subjectId, out var id) ? await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct) : null;

    public Task<Dictionary<string, int>> CountByDefinitionHashAsync(CancellationToken ct) =>
        db.Applications.Where(a => a.WorkflowHash != null).GroupBy(a => a.WorkflowHash ?? "")
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
