using Grants.Shared;

namespace Grants.Workflow;

/// <summary>
/// Something a workflow runs on. The subject owns its state and a concurrency token that
/// <see cref="SetWorkflowState"/> bumps, so two fires at once cannot both succeed.
/// </summary>
public interface IWorkflowSubject
{
    /// <summary>"application" or "case": names the <see cref="IWorkflowSubjectStore"/> that loads it.</summary>
    string SubjectType { get; }
    string SubjectId { get; }
    string State { get; }
    string? WorkflowKey { get; }
    /// <summary>The definition version (content hash) the instance started under.</summary>
    string? WorkflowHash { get; }
    /// <summary>The applicant's (or responsible person's) e-mail, for "mail-applicant".</summary>
    string? ApplicantEmail { get; }
    string Title { get; }
    DateOnly? DateField(string name);
    void PinWorkflow(string key, string hash);
    void SetWorkflowState(string state, Actor actor, DateTimeOffset now);
}

/// <summary>Loads a subject by id, for the sweep that fires timers.</summary>
public interface IWorkflowSubjectStore
{
    string SubjectType { get; }
    Task<IWorkflowSubject?> FindAsync(string subjectId, CancellationToken ct);
    /// <summary>How many subjects of this type each definition version carries (the versions page).</summary>
    Task<Dictionary<string, int>> CountByDefinitionHashAsync(CancellationToken ct);
}

/// <summary>Every version of every definition ever used: an old version keeps running its instances.</summary>
public sealed class WorkflowDefinitionVersion
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string Hash { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTimeOffset FirstLoadedAt { get; set; }
}

/// <summary>One step of an instance: who, in which role, when, why.</summary>
public sealed class WorkflowTransition
{
    public long Id { get; set; }
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public string DefinitionHash { get; set; } = "";
    /// <summary>Null for the start of the instance.</summary>
    public string? FromState { get; set; }
    public string ToState { get; set; } = "";
    /// <summary>Null for the start of the instance.</summary>
    public string? Trigger { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Comment { get; set; }
}

/// <summary>A due thing: when <see cref="DueAt"/> has passed and the subject is still in <see cref="State"/>, fire <see cref="Trigger"/>.</summary>
public sealed class WorkflowTimer
{
    public long Id { get; set; }
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string TimerKey { get; set; } = "";
    public string State { get; set; } = "";
    public string Trigger { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}

/// <summary>An entry action waiting to run (outbox): written with the transition, run after commit or by the sweep.</summary>
public sealed class WorkflowPendingAction : Grants.Shared.IClaimable
{
    public long Id { get; set; }
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public long TransitionId { get; set; }
    public WorkflowTransition? Transition { get; set; }
    public string State { get; set; } = "";
    public string Action { get; set; } = "";
    public Dictionary<string, string> Parameters { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>
/// A generic instance for subjects that do not keep their own state (one report's life in
/// aterrapport.json): the follow-up issue links its Report to a case, or implements <see cref="IWorkflowSubject"/> itself.
/// </summary>
public sealed class WorkflowCase : IWorkflowSubject
{
    public const string Type = "case";
    public Guid Id { get; set; } = Guid.NewGuid();
    public string DefinitionKey { get; set; } = "";
    public string DefinitionHash { get; set; } = "";
    public string CurrentState { get; set; } = "";
    public string CaseTitle { get; set; } = "";
    /// <summary>The application the case belongs to, if any.</summary>
    public Guid? ApplicationId { get; set; }
    public string? ContactEmail { get; set; }
    public Dictionary<string, DateOnly> Dates { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }

    string IWorkflowSubject.SubjectType => Type;
    string IWorkflowSubject.SubjectId => Id.ToString();
    string IWorkflowSubject.State => CurrentState;
    string? IWorkflowSubject.WorkflowKey => DefinitionKey.Length == 0 ? null : DefinitionKey;
    string? IWorkflowSubject.WorkflowHash => DefinitionHash.Length == 0 ? null : DefinitionHash;
    string? IWorkflowSubject.ApplicantEmail => ContactEmail;
    string IWorkflowSubject.Title => CaseTitle;
    DateOnly? IWorkflowSubject.DateField(string name) => Dates.TryGetValue(name, out var d) ? d : null;

    void IWorkflowSubject.PinWorkflow(string key, string hash)
    {
        DefinitionKey = key;
        DefinitionHash = hash;
    }

    void IWorkflowSubject.SetWorkflowState(string state, Actor actor, DateTimeOffset now)
    {
        CurrentState = state;
        UpdatedAt = now;
        UpdatedBy = actor.Name;
        Version++;
    }
}
