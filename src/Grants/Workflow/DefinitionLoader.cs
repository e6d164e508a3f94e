using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Grants.Workflow;

/// <summary>A definition that must not run: the message names the file and the problem.</summary>
public sealed class WorkflowDefinitionException(string message) : Exception(message);

/// <summary>What a definition may refer to: the roles, guard facts, entry actions and date fields that exist.</summary>
public sealed record WorkflowCatalogue(
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Guards,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Actions,
    IReadOnlySet<string> DateFields,
    Func<string, bool> TemplateExists);

/// <summary>Parses a definition file and refuses it, naming file and problem, when it cannot run.</summary>
public static class DefinitionLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))));

    /// <summary>Parses without checking against the catalogue (used for stored old versions, which were checked when new).</summary>
    public static WorkflowDefinition Parse(string text, string fileName)
    {
        WorkflowDefinition? def;
        try
        {
            def = JsonSerializer.Deserialize<WorkflowDefinition>(text, Json);
        }
        catch (JsonException e)
        {
            throw new WorkflowDefinitionException($"{fileName}: ogiltig JSON: {e.Message}");
        }
        if (def is null) throw new WorkflowDefinitionException($"{fileName}: filen är tom.");
        def.Hash = HashOf(text);
        def.FileName = fileName;
        def.Json = text;
        return def;
    }

    public static WorkflowDefinition Load(string text, string fileName, WorkflowCatalogue catalogue)
    {
        var def = Parse(text, fileName);
        var problems = Problems(def, catalogue);
        if (problems.Count > 0)
            throw new WorkflowDefinitionException($"{fileName}: {string.Join(" ", problems)}");
        return def;
    }

    public static List<string> Problems(WorkflowDefinition def, WorkflowCatalogue catalogue)
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(def.Key)) p.Add("\"key\" saknas.");
        var states = def.States.Select(s => s.Key).ToHashSet();
        var triggers = def.Triggers.Select(t => t.Key).ToHashSet();
        foreach (var dup in def.States.GroupBy(s => s.Key).Where(g => g.Count() > 1)) p.Add($"Tillståndet '{dup.Key}' finns flera gånger.");
        foreach (var dup in def.Triggers.GroupBy(s => s.Key).Where(g => g.Count() > 1)) p.Add($"Händelsen '{dup.Key}' finns flera gånger.");
        foreach (var s in def.States.Where(s => string.IsNullOrWhiteSpace(s.StaffLabel) || string.IsNullOrWhiteSpace(s.ApplicantLabel)))
            p.Add($"Tillståndet '{s.Key}' saknar etikett för handläggare eller sökande.");
        if (!states.Contains(def.Initial)) p.Add($"Starttillståndet '{def.Initial}' är okänt.");
        foreach (var t in def.Triggers.Where(t => Door.Find(t.Door) is null))
            p.Add(string.IsNullOrWhiteSpace(t.Door)
                ? $"Händelsen '{t.Key}' saknar \"door\" (vilken väg som får utlösa den: {string.Join(", ", Door.All.Select(d => d.Key))})."
                : $"Händelsen '{t.Key}' anger okänd dörr '{t.Door}'.");

        foreach (var t in def.Transitions)
        {
            var name = $"Övergången '{t.Trigger}' ({string.Join(",", t.From)} → {t.To})";
            if (t.From.Count == 0) p.Add($"{name} saknar \"from\".");
            foreach (var f in t.From.Where(f => !states.Contains(f))) p.Add($"{name} utgår från okänt tillstånd '{f}'.");
            if (!states.Contains(t.To)) p.Add($"{name} leder till okänt tillstånd '{t.To}'.");
            if (!triggers.Contains(t.Trigger)) p.Add($"{name} använder okänd händelse '{t.Trigger}'.");
            if (t.From.Contains(t.To)) p.Add($"{name} leder tillbaka till samma tillstånd.");
            if (t.Roles.Count == 0) p.Add($"{name} saknar roller.");
            foreach (var r in t.Roles.Where(r => !catalogue.Roles.Contains(r))) p.Add($"{name} anger okänd roll '{r}'.");
            foreach (var g in t.Guards.Where(g => !catalogue.Guards.Contains(g))) p.Add($"{name} anger okänt villkor (guard) '{g}'.");
        }
        foreach (var dup in def.Transitions.SelectMany(t => t.From.Select(f => (f, t.Trigger))).GroupBy(x => x).Where(g => g.Count() > 1))
            p.Add($"Händelsen '{dup.Key.Trigger}' har flera övergångar från '{dup.Key.f}'.");

        foreach (var s in def.States)
        {
            foreach (var a in s.OnEntry)
            {
                if (!catalogue.Actions.TryGetValue(a.Action, out var required))
                {
                    p.Add($"Tillståndet '{s.Key}' har okänd åtgärd '{a.Action}'.");
                    continue;
                }
                foreach (var r in required.Where(r => !a.With.ContainsKey(r))) p.Add($"Åtgärden '{a.Action}' i '{s.Key}' saknar parametern '{r}'.");
                if (a.With.TryGetValue("template", out var tpl) && !catalogue.TemplateExists(tpl)) p.Add($"Åtgärden '{a.Action}' i '{s.Key}' anger okänd e-postmall '{tpl}'.");
                if (a.With.TryGetValue("role", out var role) && !catalogue.Roles.Contains(role)) p.Add($"Åtgärden '{a.Action}' i '{s.Key}' anger okänd roll '{role}'.");
            }
        }

        foreach (var t in def.Timers)
        {
            var name = $"Tidsgränsen '{t.Key}'";
            if (!states.Contains(t.State)) p.Add($"{name} gäller okänt tillstånd '{t.State}'.");
            if (!triggers.Contains(t.Trigger)) p.Add($"{name} använder okänd händelse '{t.Trigger}'.");
            else if (!def.Transitions.Any(x => x.Trigger == t.Trigger && x.From.Contains(t.State) && x.Roles.Contains(WorkflowRoles.System)))
                p.Add($"{name}: händelsen '{t.Trigger}' kan inte utlösas av System från '{t.State}'.");
            else if (def.FindTrigger(t.Trigger)?.Door != Door.Timer.Key)
                p.Add($"{name}: händelsen '{t.Trigger}' måste ha dörren '{Door.Timer.Key}'.");
            if ((t.After is null) == (t.DateField is null)) p.Add($"{name} ska ange antingen \"after\" eller \"dateField\".");
            if (t.After is not null && !TryDuration(t.After, out _)) p.Add($"{name} har ogiltig tid \"after\": '{t.After}' (ISO 8601, t.ex. P14D).");
            if (t.Offset is not null && !TryDuration(t.Offset, out _)) p.Add($"{name} har ogiltig \"offset\": '{t.Offset}'.");
            if (t.DateField is not null && !catalogue.DateFields.Contains(t.DateField)) p.Add($"{name} anger okänt datumfält '{t.DateField}'.");
        }

        if (states.Contains(def.Initial))
        {
            var reached = new HashSet<string> { def.Initial };
            var queue = new Queue<string>([def.Initial]);
            while (queue.TryDequeue(out var s))
                foreach (var t in def.From(s).Where(t => states.Contains(t.To) && reached.Add(t.To)))
                    queue.Enqueue(t.To);
            foreach (var s in def.States.Where(s => !reached.Contains(s.Key))) p.Add($"Tillståndet '{s.Key}' kan inte nås från '{def.Initial}'.");
        }
        foreach (var s in def.States.Where(s => !s.Final && !def.From(s.Key).Any())) p.Add($"Tillståndet '{s.Key}' är inte slutligt men saknar väg ut.");
        foreach (var s in def.States.Where(s => s.Final && def.From(s.Key).Any())) p.Add($"Tillståndet '{s.Key}' är slutligt men har övergångar ut.");
        return p;
    }

    public static bool TryDuration(string text, out TimeSpan span)
    {
        try
        {
            var negative = text.StartsWith('-');
            span = XmlConvert.ToTimeSpan(negative ? text[1..] : text);
            if (negative) span = -span;
            return true;
        }
        catch (FormatException)
        {
            span = TimeSpan.Zero;
            return false;
        }
    }
}

public static class WorkflowRoles
{
    /// <summary>The role timers fire under.</summary>
    public const string System = "System";
}
