using System.Text.Json.Serialization;

namespace Grants.Workflow;

/// <summary>
/// A workflow as data (workflows/*.json): states, triggers, transitions with roles and guards,
/// entry actions from the catalogue and timers. Parsed and checked by <see cref="DefinitionLoader"/>.
/// </summary>
public sealed class WorkflowDefinition
{
    public string Key { get; set; } = "";
    /// <summary>Swedish name shown on the admin page.</summary>
    public string Name { get; set; } = "";
    public string Initial { get; set; } = "";
    public List<StateDefinition> States { get; set; } = [];
    public List<TriggerDefinition> Triggers { get; set; } = [];
    public List<TransitionDefinition> Transitions { get; set; } = [];
    public List<TimerDefinition> Timers { get; set; } = [];

    /// <summary>SHA-256 of the file's text (line endings normalised): the version an instance is pinned to.</summary>
    [JsonIgnore] public string Hash { get; set; } = "";
    [JsonIgnore] public string FileName { get; set; } = "";
    [JsonIgnore] public string Json { get; set; } = "";

    public StateDefinition State(string key) =>
        States.FirstOrDefault(s => s.Key == key) ?? throw new InvalidOperationException($"Workflow {Key}: unknown state '{key}'.");

    public StateDefinition? FindState(string key) => States.FirstOrDefault(s => s.Key == key);
    public TriggerDefinition? FindTrigger(string key) => Triggers.FirstOrDefault(t => t.Key == key);
    public string TriggerLabel(string key) => FindTrigger(key)?.Label ?? key;
    /// <summary>The trigger as a past event for timelines ("Inskickad"); the verb label when the file gives none.</summary>
    public string TriggerDoneLabel(string key) => FindTrigger(key) is { } t ? t.DoneLabel ?? t.Label : key;

    public IEnumerable<TransitionDefinition> From(string state) => Transitions.Where(t => t.From.Contains(state));
}

public sealed class StateDefinition
{
    public string Key { get; set; } = "";
    /// <summary>What the kansli, LSG and board see.</summary>
    public string StaffLabel { get; set; } = "";
    /// <summary>What the applicant sees.</summary>
    public string ApplicantLabel { get; set; } = "";
    public bool Final { get; set; }
    public List<EntryActionDefinition> OnEntry { get; set; } = [];
}

public sealed class TriggerDefinition
{
    public string Key { get; set; } = "";
    /// <summary>Swedish verb phrase on the button: "Skicka in", "Remittera till LSG".</summary>
    public string Label { get; set; } = "";
    /// <summary>Swedish past-tense event name in the timeline: "Inskickad", "Tillstyrkt". Optional.</summary>
    public string? DoneLabel { get; set; }
    /// <summary>The only <see cref="Workflow.Door"/> that may fire it: "next-step" (generic) or a named use case.</summary>
    public string Door { get; set; } = "";
}

public sealed class TransitionDefinition
{
    /// <summary>One or more states the trigger may be fired from.</summary>
    public List<string> From { get; set; } = [];
    public string To { get; set; } = "";
    public string Trigger { get; set; } = "";
    /// <summary>Role names from Identity/Roles.cs, or "System" for timers.</summary>
    public List<string> Roles { get; set; } = [];
    /// <summary>Keys of guard facts (<see cref="IGuardFact"/>) that must all hold.</summary>
    public List<string> Guards { get; set; } = [];
}

/// <summary>An action from the fixed catalogue (<see cref="IEntryActionHandler"/>) run when a state is entered.</summary>
public sealed class EntryActionDefinition
{
    public string Action { get; set; } = "";
    /// <summary>Action parameters, e.g. "template" or "role".</summary>
    public Dictionary<string, string> With { get; set; } = [];
}

/// <summary>
/// Scheduled when <see cref="State"/> is entered, cancelled when it is left; when due the sweep fires
/// <see cref="Trigger"/> as the system. Either <see cref="After"/> (ISO 8601 duration from entry) or
/// <see cref="DateField"/> (a date of the subject; due when that date, moved by <see cref="Offset"/>, has passed).
/// </summary>
public sealed class TimerDefinition
{
    public string Key { get; set; } = "";
    public string State { get; set; } = "";
    public string Trigger { get; set; } = "";
    public string? After { get; set; }
    public string? DateField { get; set; }
    public string? Offset { get; set; }
}
