using System.Text;

namespace Grants.Workflow;

/// <summary>Draws a definition as a Mermaid stateDiagram-v2 from the definition itself, the current state marked.</summary>
public static class MermaidDiagram
{
    public static string Of(WorkflowDefinition def, string? current = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine("stateDiagram-v2");
        foreach (var s in def.States)
            sb.AppendLine($"    state \"{Escape(s.StaffLabel)}\" as {Id(s.Key)}");
        sb.AppendLine($"    [*] --> {Id(def.Initial)}");
        foreach (var t in def.Transitions)
        {
            var roles = string.Join(", ", t.Roles);
            var guards = t.Guards.Count == 0 ? "" : $" [{string.Join(", ", t.Guards)}]";
            foreach (var from in t.From)
                sb.AppendLine($"    {Id(from)} --> {Id(t.To)}: {Escape(def.TriggerLabel(t.Trigger))} ({Escape(roles)}){Escape(guards)}");
        }
        foreach (var s in def.States.Where(s => s.Final))
            sb.AppendLine($"    {Id(s.Key)} --> [*]");
        if (current is not null && def.FindState(current) is not null)
        {
            sb.AppendLine("    classDef current fill:#ffdd00,stroke:#0b0c0c,stroke-width:4px,font-weight:bold");
            sb.AppendLine($"    class {Id(current)} current");
        }
        return sb.ToString();
    }

    /// <summary>The docs page for docs/workflows/KEY.md.</summary>
    public static string Markdown(WorkflowDefinition def)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {def.Name} (`workflows/{def.FileName}`)");
        sb.AppendLine();
        sb.AppendLine("Generated from the definition by the Grants.Tests workflow docs test; do not edit by hand.");
        sb.AppendLine();
        sb.AppendLine("```mermaid");
        sb.Append(Of(def));
        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("| State | Staff label | Applicant label | Final | On entry | Timers |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in def.States)
        {
            var entry = string.Join("; ", s.OnEntry.Select(a => a.Action + (a.With.Count == 0 ? "" : " " + string.Join(", ", a.With.Select(kv => $"{kv.Key}={kv.Value}")))));
            var timers = string.Join("; ", def.Timers.Where(t => t.State == s.Key).Select(t => $"{t.Key}: {t.After ?? t.DateField + (t.Offset is null ? "" : " " + t.Offset)} → {t.Trigger}"));
            sb.AppendLine($"| `{s.Key}` | {s.StaffLabel} | {s.ApplicantLabel} | {(s.Final ? "yes" : "")} | {entry} | {timers} |");
        }
        sb.AppendLine();
        sb.AppendLine("| Trigger | Label | From | To | Roles | Guards |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var t in def.Transitions)
            sb.AppendLine($"| `{t.Trigger}` | {def.TriggerLabel(t.Trigger)} | {string.Join(", ", t.From)} | {t.To} | {string.Join(", ", t.Roles)} | {string.Join(", ", t.Guards)} |");
        return sb.ToString();
    }

    public static string Id(string key) => key.Replace('-', '_');
    private static string Escape(string text) => text.Replace("\"", "'").Replace(":", " ").Replace(";", ",");
}
