using Grants.Shared;

namespace Grants.Workflow;

/// <summary>
/// A named fact a transition's guard refers to ("no-hinder", "lsg-statement-exists" ...). Register more
/// (or replace one) with DI; a definition naming a fact that is not registered is refused at start.
/// </summary>
public interface IGuardFact
{
    string Key { get; }
    /// <summary>Short Swedish name of the condition for diagrams and tables: "inga hinder".</summary>
    string Label { get; }
    /// <summary>Swedish text shown when the fact does not hold: why the step cannot be taken now.</summary>
    string FailureMessage { get; }
    Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct);
}

/// <summary>What an entry action gets: the subject, the state entered and the action's parameters.</summary>
public sealed record EntryActionContext(
    IWorkflowSubject Subject,
    WorkflowDefinition Definition,
    StateDefinition State,
    IReadOnlyDictionary<string, string> Parameters,
    long TransitionId,
    string TransitionKey)
{
    /// <summary>Names one transition before it has an id (subject, moment, state entered): the stem of an outbox key.</summary>
    public static string KeyOf(WorkflowTransition t) => $"{t.SubjectType}:{t.SubjectId}:{t.At.UtcTicks}:{t.ToState}";
}

/// <summary>
/// One entry of the fixed action catalogue ("mail-applicant", "notify-role", "create-report-plan" ...).
/// Runs after the transition is committed, at least once (the pending row is marked done afterwards).
/// </summary>
public interface IEntryActionHandler
{
    string Key { get; }
    IReadOnlyList<string> RequiredParameters { get; }
    Task RunAsync(EntryActionContext context, CancellationToken ct);

    /// <summary>
    /// True for actions that only add rows (mails to the outbox): they run inside the transition's unit of work, so the
    /// rows commit or roll back with it, and they must not save. Others run after commit from a pending row.
    /// </summary>
    bool InTransaction => false;
}

/// <summary>The catalogue as the definition checker sees it, built from what is registered.</summary>
public sealed class CatalogueProvider(IEnumerable<IGuardFact> facts, IEnumerable<IEntryActionHandler> actions, MailTemplates templates)
{
    public static readonly IReadOnlySet<string> DateFields = new HashSet<string> { "dueDate", "conditionsDeadline", "projectEndDate" };

    public WorkflowCatalogue Build() => new(
        Identity.Roles.All.Append(WorkflowRoles.System).ToHashSet(),
        facts.Select(f => f.Key).ToHashSet(),
        actions.ToDictionary(a => a.Key, a => a.RequiredParameters),
        DateFields,
        templates.Exists);

    /// <summary>The Swedish label of a guard key; the key itself if no fact is registered for it.</summary>
    public Func<string, string> GuardLabels()
    {
        var labels = facts.ToDictionary(f => f.Key, f => f.Label);
        return key => labels.GetValueOrDefault(key, key);
    }
}

/// <summary>Who the engine acts for when a timer fires.</summary>
public static class SystemActor
{
    public static Actor Timer { get; } = new("system", "Systemet (tidsgräns)", WorkflowRoles.System);
}
