using Grants.Applications;
using Grants.Infrastructure;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Lsg;

/// <summary>The statement of the current LSG round: recorded since the application last entered "hos-lsg".</summary>
public sealed class CurrentStatement(GrantsDbContext db, IWorkflowHistory history)
{
    public const string LsgState = ApplicationWorkflow.States.WithLsg;

    public async Task<LsgStatement?> ForAsync(Guid applicationId, CancellationToken ct)
    {
        var entries = await history.LastEntriesAsync(Application.SubjectType, [applicationId.ToString()], [LsgState], ct);
        if (entries.Count == 0) return null;
        var since = entries[0].At;
        var statements = await db.LsgStatements.AsNoTracking().Where(s => s.ApplicationId == applicationId).ToListAsync(ct);
        return statements.Where(s => s.RecordedAt >= since).OrderByDescending(s => s.RecordedAt).FirstOrDefault();
    }
}

/// <summary>"lsg-statement-exists": the LSG has given its statement in the current round.</summary>
public sealed class LsgStatementExistsFact(CurrentStatement current) : IGuardFact
{
    public string Key => "lsg-statement-exists";
    public string Label => "LSG har yttrat sig";
    public string FailureMessage => "Lokala samverkansgruppen har inte lämnat något yttrande ännu.";

    public async Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct) =>
        subject is Application app && await current.ForAsync(app.Id, ct) is not null;
}

/// <summary>"lsg-recommends": the current statement tillstyrker.</summary>
public sealed class LsgRecommendsFact(CurrentStatement current) : IGuardFact
{
    public string Key => "lsg-recommends";
    public string Label => "LSG tillstyrker";
    public string FailureMessage => "Lokala samverkansgruppens yttrande saknas eller tillstyrker inte. Registrera yttrandet i LSG-kön.";

    public async Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct) =>
        subject is Application app && await current.ForAsync(app.Id, ct) is { Recommendation: LsgRecommendation.Recommend };
}

/// <summary>"lsg-advises-against": the current statement avstyrker.</summary>
public sealed class LsgAdvisesAgainstFact(CurrentStatement current) : IGuardFact
{
    public string Key => "lsg-advises-against";
    public string Label => "LSG avstyrker";
    public string FailureMessage => "Lokala samverkansgruppens yttrande saknas eller avstyrker inte. Registrera yttrandet i LSG-kön.";

    public async Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct) =>
        subject is Application app && await current.ForAsync(app.Id, ct) is { Recommendation: LsgRecommendation.AdviseAgainst };
}
