using Grants.Shared;

namespace Grants.Workflow;

/// <summary>
/// The one narrow seam between the product and the workflow runtime (ours on Stateless today; Elsa
/// could sit behind it). Subjects keep their own state and concurrency token; the engine owns every
/// change of state and records it.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>Pins the current version of <paramref name="definitionKey"/> and enters its initial state, within the caller's unit of work
    /// (the caller saves, then calls <see cref="RunPendingActionsAsync"/>).</summary>
    Task<Outcome<WorkflowTransition>> StartAsync(IWorkflowSubject subject, string definitionKey, Actor actor, string? comment, CancellationToken ct);

    /// <summary>
    /// Fires a trigger through <paramref name="door"/> within the caller's unit of work (nothing saved): 409 when the trigger
    /// belongs to another door, is not allowed in the state or a guard fails, 403 for the role.
    /// </summary>
    Task<Outcome<WorkflowTransition>> ApplyAsync(IWorkflowSubject subject, Door door, string trigger, Actor actor, string? comment, CancellationToken ct);

    /// <summary>
    /// Fires a trigger and saves: as <see cref="ApplyAsync"/>, plus a <see cref="ConflictReason.ConcurrentChange"/> 409 when
    /// someone else changed the subject meanwhile; then runs entry actions.
    /// </summary>
    Task<Outcome<WorkflowTransition>> FireAsync(IWorkflowSubject subject, Door door, string trigger, Actor actor, string? comment, CancellationToken ct);

    /// <summary>Triggers the actor may fire now (state, role and guards all allow), each with the door it is fired through.</summary>
    Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(IWorkflowSubject subject, Actor actor, CancellationToken ct);

    Task<WorkflowStateView> CurrentStateAsync(IWorkflowSubject subject, CancellationToken ct);

    Task<IReadOnlyList<TimelineEntry>> TimelineAsync(IWorkflowSubject subject, CancellationToken ct);

    /// <summary>Mermaid stateDiagram of a definition version (the current one when <paramref name="hash"/> is null), the current state marked.</summary>
    Task<string> DiagramAsync(string definitionKey, string? hash, string? currentState, CancellationToken ct);

    /// <summary>
    /// Moves the unfired date timers of the subject's current state to what its date fields say now (a deadline set
    /// or changed after the state was entered), within the caller's unit of work.
    /// </summary>
    Task RescheduleTimersAsync(IWorkflowSubject subject, CancellationToken ct);

    /// <summary>Runs entry actions once this unit of work has written some (idempotent; the sweep runs any left over).</summary>
    Task RunPendingActionsAsync(CancellationToken ct);
}

public sealed record PermittedTrigger(string Trigger, string Label, string ToState, string ToStaffLabel, string Door);

public sealed record WorkflowStateView(string DefinitionKey, string DefinitionHash, string State, string StaffLabel, string ApplicantLabel, bool Final);

public sealed record TimelineEntry(
    DateTimeOffset At, string? FromState, string ToState, string? FromStaffLabel, string ToStaffLabel, string ToApplicantLabel,
    string? Trigger, string? TriggerLabel, string UserName, string Role, string? Comment, string DefinitionHash);
