using System.Reflection;

namespace Grants.Workflow;

/// <summary>
/// Marks the typed catalogue of one definition's keys: a static class with nested static classes
/// <c>States</c> and <c>Triggers</c> holding one string constant per key the code relies on. At start every catalogue is
/// compared with its JSON: a constant the file lacks stops the app, so a renamed key fails at start, not in a case.
/// (A förbund may add states and triggers of its own without code; those need no constant.)
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class WorkflowKeysAttribute(string definitionKey) : Attribute
{
    public string DefinitionKey { get; } = definitionKey;
}

public static class WorkflowKeyCatalogues
{
    public static IReadOnlyList<Type> InAssembly { get; } =
        typeof(WorkflowKeyCatalogues).Assembly.GetTypes().Where(t => t.GetCustomAttribute<WorkflowKeysAttribute>() is not null).ToList();

    public static IReadOnlyList<string> ConstantsOf(Type catalogue, string nested) =>
        catalogue.GetNestedType(nested) is { } type
            ? type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!).ToList()
            : [];

    /// <summary>What does not agree between the loaded definitions and the catalogues, in Swedish, naming the file.</summary>
    public static List<string> Problems(IReadOnlyDictionary<string, WorkflowDefinition> current, IEnumerable<Type> catalogues)
    {
        var p = new List<string>();
        foreach (var type in catalogues)
        {
            var key = type.GetCustomAttribute<WorkflowKeysAttribute>()!.DefinitionKey;
            if (!current.TryGetValue(key, out var def))
            {
                p.Add($"{type.Name}: arbetsflödet '{key}' finns inte bland definitionerna.");
                continue;
            }
            Compare(p, def, type.Name, "tillstånd", ConstantsOf(type, "States"), def.States.Select(s => s.Key));
            Compare(p, def, type.Name, "händelse", ConstantsOf(type, "Triggers"), def.Triggers.Select(t => t.Key));
            Doors(p, def, type, "LeftOnlyThrough", (t, state) => t.From.Contains(state), "lämnas");
            Doors(p, def, type, "EnteredOnlyThrough", (t, state) => t.To == state, "nås");
        }
        return p;
    }

    /// <summary>
    /// The invariants a catalogue may declare as static fields <c>LeftOnlyThrough</c> / <c>EnteredOnlyThrough</c>
    /// (state → doors): every transition leaving / entering that state must be a trigger of one of those doors, so editing the
    /// JSON cannot open another way round the use case (e.g. a decision without an adjusted §).
    /// </summary>
    private static void Doors(List<string> p, WorkflowDefinition def, Type type, string field, Func<TransitionDefinition, string, bool> touches, string verb)
    {
        if (type.GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not IReadOnlyDictionary<string, Door[]> rules) return;
        foreach (var (state, doors) in rules)
            foreach (var t in def.Transitions.Where(t => touches(t, state) && !doors.Any(d => d.Key == def.FindTrigger(t.Trigger)?.Door)))
                p.Add($"{def.FileName}: tillståndet '{state}' får bara {verb} genom dörren '{string.Join("' eller '", doors.Select(d => d.Key))}', " +
                      $"men händelsen '{t.Trigger}' har dörren '{def.FindTrigger(t.Trigger)?.Door}'.");
    }

    private static void Compare(List<string> p, WorkflowDefinition def, string type, string what, IReadOnlyList<string> code, IEnumerable<string> json)
    {
        var inJson = json.ToHashSet();
                foreach (var k in code.Where(k => !inJson.Contains(k))) p.Add($"{def.FileName}: {type} anger {what} '{k}' som filen saknar.");
    }
}
