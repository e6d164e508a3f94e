using System.Text.RegularExpressions;

namespace Grants.Eligibility;

/// <summary>A rule file that must not run: the message names the file, the rule and the error.</summary>
public sealed class RuleDefinitionException(string message) : Exception(message);

/// <summary>One rule file of the loaded set, with the SHA-256 of its content.</summary>
public sealed record RuleFile(string Name, string Hash);

/// <summary>A rule that threw while evaluating: reported as an error of that rule, never as "not met".</summary>
public sealed record RuleError(string File, string Rule, string Code, string Level, string Error);

/// <summary>What one evaluation found: the findings (placeholders filled) and any rule that could not be evaluated.</summary>
public sealed record RuleEvaluation(IReadOnlyList<RuleFinding> Findings, IReadOnlyList<RuleError> Errors)
{
    public bool HasHinder => Findings.Any(f => f.Level == FindingLevels.Hinder) || Errors.Any(e => e.Level == FindingLevels.Hinder);
}

/// <summary>A named value computed before a rule (GlobalParams of a workflow, LocalParams of a rule).</summary>
internal sealed record CompiledParam(string Name, Type Type, Func<object?[], object?> Evaluate);

/// <summary>A rule compiled once at load: its predicate (locals inlined) and the locals again for its message.</summary>
internal sealed record CompiledRule(
    string File, string Name, string Code, string Level, string Message, string? Clause, IReadOnlyList<string> Fields,
    Func<object?[], bool> Fires, IReadOnlyList<CompiledParam> Locals)
{
    /// <summary>The placeholders the texts use (resolved at load), so a finding formats only those.</summary>
    public IReadOnlyList<string> Placeholders { get; } = RuleSet.PlaceholdersIn(Message + " " + Clause).Distinct().ToList();
    public bool UsesParameters => Placeholders.Any(p => !RuleSet.BuiltInPlaceholders.Contains(p));
}

/// <summary>One workflow of a file: its global parameters and rules.</summary>
internal sealed record CompiledWorkflow(string File, string Name, IReadOnlyList<CompiledParam> Globals, IReadOnlyList<CompiledRule> Rules);

/// <summary>
/// The loaded, compiled rule set (immutable; a reload builds a new one and swaps it whole). Evaluating calls each
/// rule's compiled delegate: no expression is parsed or compiled after load.
/// </summary>
public sealed partial class RuleSet
{
    /// <summary>Placeholders every message may use besides the parameters: filled from the profile and the application.</summary>
    public static readonly IReadOnlyList<string> BuiltInPlaceholders = ["huvudmannensAnsvarsomraden", "forbund", "sokande", "projekt"];

    private readonly IReadOnlyList<CompiledWorkflow> _workflows;

    internal RuleSet(IReadOnlyList<CompiledWorkflow> workflows, IReadOnlyList<RuleFile> files, string version)
    {
        _workflows = workflows;
        Files = files;
        Version = version;
    }

    public IReadOnlyList<RuleFile> Files { get; }
    /// <summary>SHA-256 over every file's name and content: the rule set's version.</summary>
    public string Version { get; }
    public int RuleCount => _workflows.Sum(w => w.Rules.Count);
    public IEnumerable<(string File, string Rule, string Code, string Level)> Rules =>
        _workflows.SelectMany(w => w.Rules.Select(r => (r.File, r.Name, r.Code, r.Level)));

    public RuleEvaluation Evaluate(ApplicationFacts input)
    {
        var findings = new List<RuleFinding>();
        List<RuleError>? errors = null;
        var args = new object?[] { input };
        foreach (var wf in _workflows)
        {
            foreach (var rule in wf.Rules)
            {
                try
                {
                    if (rule.Fires(args)) findings.Add(Finding(rule, wf, input));
                }
                catch (Exception e)
                {
                    (errors ??= []).Add(Error(rule, Describe(e)));
                }
            }
        }
        return new RuleEvaluation(findings, errors ?? (IReadOnlyList<RuleError>)[]);
    }

    private static RuleFinding Finding(CompiledRule rule, CompiledWorkflow wf, ApplicationFacts input)
    {
        var values = new Dictionary<string, string>(rule.Placeholders.Count);
        object?[]? args = null;
        if (rule.UsesParameters)
        {
            // Every parameter in order over [input, globals…, locals…], as the texts may use any of them.
            args = new object?[1 + wf.Globals.Count + rule.Locals.Count];
            args[0] = input;
            for (var i = 0; i < wf.Globals.Count; i++) args[1 + i] = wf.Globals[i].Evaluate(args);
            for (var i = 0; i < rule.Locals.Count; i++) args[1 + wf.Globals.Count + i] = rule.Locals[i].Evaluate(args);
        }
        foreach (var name in rule.Placeholders)
        {
            var local = IndexOf(rule.Locals, name);
            var global = IndexOf(wf.Globals, name);
            values[name] = args is not null && local >= 0 ? RuleText.Format(args[1 + wf.Globals.Count + local])
                : args is not null && global >= 0 ? RuleText.Format(args[1 + global])
                : BuiltIn(name, input);
        }
        return new RuleFinding(rule.Code, rule.Level, Fill(rule.Message, values), rule.Clause is null ? null : Fill(rule.Clause, values), rule.Fields);
    }

    private static int IndexOf(IReadOnlyList<CompiledParam> ps, string name)
    {
        for (var i = 0; i < ps.Count; i++) if (ps[i].Name == name) return i;
        return -1;
    }

    private static string BuiltIn(string name, ApplicationFacts input) => name switch
    {
        "huvudmannensAnsvarsomraden" => RuleText.JoinOch(input.AssociationMembers.Select(m => m.GenitiveName)),
        "forbund" => input.AssociationName,
        "sokande" => input.OrganisationName,
        "projekt" => input.ProjectName,
        _ => "{" + name + "}",
    };

    internal static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    internal static IEnumerable<string> PlaceholdersIn(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    private static RuleError Error(CompiledRule r, string error) => new(r.File, r.Name, r.Code, r.Level, error);

    private static string Describe(Exception e) =>
        (e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e) switch
        {
            DivideByZeroException => "division med noll",
            NullReferenceException => "ett värde saknas (null)",
            var x => $"{x.GetType().Name}: {x.Message}",
        };
}
