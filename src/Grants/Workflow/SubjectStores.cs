using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Workflow;

public sealed class CaseSubjectStore(GrantsDbContext db) : IWorkflowSubjectStore
{
    public string SubjectType => WorkflowCase.Type;

    public async Task<IWorkflowSubject?> FindAsync(string subjectId, CancellationToken ct) =>
        Guid.TryParse(subjectId, out var id) ? await db.WorkflowCases.SingleOrDefaultAsync(c => c.Id == id, ct) : null;

    public Task<Dictionary<string, int>> CountByDefinitionHashAsync(CancellationToken ct) =>
        db.WorkflowCases.GroupBy(c => c.DefinitionHash).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
