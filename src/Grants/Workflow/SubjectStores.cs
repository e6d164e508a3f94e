using Grants.Applications;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Workflow;

public sealed class ApplicationSubjectStore(GrantsDbContext db) : IWorkflowSubjectStore
{
    public string SubjectType => Application.SubjectType;

    public async Task<IWorkflowSubject?> FindAsync(string subjectId, CancellationToken ct) =>
        Guid.TryParse(subjectId, out var id) ? await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct) : null;
}

public sealed class CaseSubjectStore(GrantsDbContext db) : IWorkflowSubjectStore
{
    public string SubjectType => WorkflowCase.Type;

    public async Task<IWorkflowSubject?> FindAsync(string subjectId, CancellationToken ct) =>
        Guid.TryParse(subjectId, out var id) ? await db.WorkflowCases.SingleOrDefaultAsync(c => c.Id == id, ct) : null;
}
