using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Grants.Eligibility;

/// <summary>
/// Reads rules/*.json (Microsoft RulesEngine's workflow format), checks every rule and compiles each expression once
/// with RulesEngine's <see cref="RuleExpressionParser"/> into a delegate. Anything wrong throws
/// <see cref="RuleDefinitionException"/> naming file, rule and error, so the application refuses to start.
/// </summary>
public static class RuleSetLoader
{
    public const string InputName = "input";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The settings RulesEngine parses with: our helper type registered, exceptions never turned into "not met".</summary>
    public static ReSettings Settings() => new()
    {
        CustomTypes = [typeof(RuleText), typeof(Math)],
        EnableExceptionAsErrorMessage = false,
        // Without this RulesEngine answers a parse error with a default constant (false): a typo would read as "not met".
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
    };

    public static RuleSet LoadFolder(string folder)
    {
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList()
            : throw new RuleDefinitionException($"Regelmappen '{folder}' finns inte.");
        if (files.Count == 0) throw new RuleDefinitionException($"{folder}: inga regelfiler (*.json) hittades.");
        return Load(files.Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList());
    }

    public static RuleSet Load(IReadOnlyList<(string Name, string Text)> files)
    {
        var parser = new RuleExpressionParser(Settings());
        var workflows = new List<CompiledWorkflow>();
        foreach (var (name, text) in files)
            foreach (var wf in Parse(name, text))
                workflows.Add(Compile(parser, name, wf));
        foreach (var dup in workflows.GroupBy(w => w.Name).Where(g => g.Count() > 1))
            throw new RuleDefinitionException($"{string.Join(", ", dup.Select(w => w.File))}: WorkflowName '{dup.Key}' finns flera gånger.");
        var ruleFiles = files.Select(f => new RuleFile(f.Name, HashOf(f.Text))).ToList();
        var version = HashOf(string.Join("\n", ruleFiles.Select(f => f.Name + ":" + f.Hash)));
        return new RuleSet(workflows, ruleFiles, version);
    }

    public static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))));

    private sealed class RuleFileModel
    {
        public string? WorkflowName { get; set; }
        public List<ScopedParamModel> GlobalParams { get; set; } = [];
        public List<RuleModel> Rules { get; set; } = [];
    }

    private sealed class ScopedParamModel
    {
        public string? Name { get; set; }
        public string? Expression { get; set; }
    }

    private sealed class RuleModel
    {
        public string? RuleName { get; set; }
        public string? Expression { get; set; }
        public bool Enabled { get; set; } = true;
        public string? RuleExpressionType { get; set; }
        public string? SuccessEvent { get; set; }
        public string? ErrorMessage { get; set; }
        public List<ScopedParamModel> LocalParams { get; set; } = [];
        public Dictionary<string, JsonElement> Properties { get; set; } = [];
        public JsonElement? Rules { get; set; }
        public JsonElement? Actions { get; set; }
        public JsonElement? WorkflowsToInject { get; set; }
    }

    private static List<RuleFileModel> Parse(string file, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var list = doc.RootElement.ValueKind == JsonValueKind.Array
                ? doc.RootElement.Deserialize<List<RuleFileModel>>(Json)
                : [doc.RootElement.Deserialize<RuleFileModel>(Json) ?? throw new RuleDefinitionException($"{file}: filen är tom.")];
            return list is { Count: > 0 } ? list : throw new RuleDefinitionException($"{file}: filen innehåller inget arbetsflöde (workflow).");
        }
        catch (JsonException e)
        {
            throw new RuleDefinitionException($"{file}: ogiltig JSON: {e.Message}");
        }
    }

    private static CompiledWorkflow Compile(RuleExpressionParser parser, string file, RuleFileModel wf)
    {
        if (string.IsNullOrWhiteSpace(wf.WorkflowName)) throw new RuleDefinitionException($"{file}: \"WorkflowName\" saknas.");
        var where = $"{file}, arbetsflödet '{wf.WorkflowName}'";
        var scope = new List<ParameterExpression> { Expression.Parameter(typeof(ApplicationFacts), InputName) };
        var globals = wf.GlobalParams.Select(p => CompileParam(parser, scope, p, $"{where}, GlobalParams")).ToList();
        var rules = new List<CompiledRule>();
        foreach (var r in wf.Rules)
            rules.Add(CompileRule(parser, file, where, scope, globals.Select(g => g.Body).ToList(), r));
        if (rules.Count == 0) throw new RuleDefinitionException($"{where}: inga regler.");
        foreach (var dup in rules.GroupBy(r => r.Name).Where(g => g.Count() > 1))
            throw new RuleDefinitionException($"{where}: regeln '{dup.Key}' finns flera gånger.");
        return new CompiledWorkflow(file, wf.WorkflowName, globals.Select(g => g.Param).ToList(), rules.Where(r => r.Code.Length > 0).ToList());
    }

    /// <summary>Compiles a parameter over the ones before it and adds it to the scope.</summary>
    private static (CompiledParam Param, Expression Body) CompileParam(RuleExpressionParser parser, List<ParameterExpression> scope, ScopedParamModel p, string where)
    {
        if (string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Expression))
            throw new RuleDefinitionException($"{where}: en parameter saknar \"Name\" eller \"Expression\".");
        if (scope.Any(s => s.Name == p.Name)) throw new RuleDefinitionException($"{where}: parametern '{p.Name}' finns redan.");
        var body = ParseOrThrow(parser, p.Expression, scope, null, $"{where}, parametern '{p.Name}'");
        var evaluate = Wrap(body, scope);
        scope.Add(Expression.Parameter(body.Type, p.Name));
        return (new CompiledParam(p.Name, body.Type, evaluate), body);
    }

    private static CompiledRule CompileRule(RuleExpressionParser parser, string file, string wfWhere, List<ParameterExpression> globalScope, List<Expression> globalBodies, RuleModel r)
    {
        if (string.IsNullOrWhiteSpace(r.RuleName)) throw new RuleDefinitionException($"{wfWhere}: en regel saknar \"RuleName\".");
        var where = $"{file}, regeln '{r.RuleName}'";
        if (r.Rules is { ValueKind: JsonValueKind.Array } || r.Actions is { ValueKind: JsonValueKind.Object } || r.WorkflowsToInject is { ValueKind: JsonValueKind.Array })
            throw new RuleDefinitionException($"{where}: nästlade regler, Actions och WorkflowsToInject används inte här; skriv villkoret i \"Expression\".");
        if (r.RuleExpressionType is { } type && type != "LambdaExpression")
            throw new RuleDefinitionException($"{where}: RuleExpressionType måste vara LambdaExpression.");
        if (string.IsNullOrWhiteSpace(r.Expression)) throw new RuleDefinitionException($"{where}: \"Expression\" saknas.");
        var code = Property(r, "code", where);
        var level = Property(r, "level", where);
        var message = Property(r, "message", where);
        var clause = OptionalProperty(r, "clause", where);
        if (level is not (FindingLevels.Hinder or FindingLevels.RejectionGround or FindingLevels.Warning or FindingLevels.Condition))
            throw new RuleDefinitionException($"{where}: okänd nivå (level) '{level}'; använd Hinder, Avslagsgrund, Varning eller Villkor.");
        if (level == FindingLevels.Condition && clause is null)
            throw new RuleDefinitionException($"{where}: en regel med nivån Villkor måste ha \"clause\" (att-satsen).");
        var fields = Fields(r, where);

        var scope = new List<ParameterExpression>(globalScope);
        var locals = r.LocalParams.Select(p => CompileParam(parser, scope, p, $"{where}, LocalParams")).ToList();
        var known = RuleSet.BuiltInPlaceholders.Concat(scope.Select(s => s.Name!)).ToHashSet();
        foreach (var unknown in RuleSet.PlaceholdersIn(message + " " + clause).Where(p => !known.Contains(p)))
            throw new RuleDefinitionException($"{where}: okänd platshållare {{{unknown}}} i texten; kända är {string.Join(", ", known.Order())}.");

        var predicate = ParseOrThrow(parser, r.Expression, scope, typeof(bool), $"{where}, Expression");
        var bodies = globalBodies.Concat(locals.Select(l => l.Body)).ToList();
        var fires = CompilePredicate(predicate, scope, bodies);
        // A disabled rule is still checked (so enabling it cannot fail later) but never evaluated.
        return new CompiledRule(file, r.RuleName, r.Enabled ? code : "", level, message, clause, fields, fires, locals.Select(l => l.Param).ToList());
    }

    /// <summary>
    /// One delegate per rule over [input]: the parameters (global and local) the expression needs, directly or through
    /// another parameter, are computed inline in order, then the expression. A parameter only a message uses is
    /// computed when the rule fires; a constant setting costs nothing.
    /// </summary>
    private static Func<object?[], bool> CompilePredicate(Expression predicate, List<ParameterExpression> scope, List<Expression> bodies)
    {
        var needed = new HashSet<ParameterExpression>(Referenced(predicate, scope));
        for (var i = bodies.Count - 1; i >= 0; i--)
            if (needed.Contains(scope[i + 1])) needed.UnionWith(Referenced(bodies[i], scope));
        var args = Expression.Parameter(typeof(object?[]), "args");
        var body = new List<Expression> { Expression.Assign(scope[0], Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(0)), scope[0].Type)) };
        for (var i = 0; i < bodies.Count; i++)
            if (needed.Contains(scope[i + 1])) body.Add(Expression.Assign(scope[i + 1], bodies[i]));
        body.Add(predicate);
        return Expression.Lambda<Func<object?[], bool>>(Expression.Block(scope, body), args).Compile();
    }

    private static IEnumerable<ParameterExpression> Referenced(Expression e, List<ParameterExpression> scope)
    {
        var finder = new ParameterFinder(scope);
        finder.Visit(e);
        return finder.Found;
    }

    private sealed class ParameterFinder(List<ParameterExpression> scope) : ExpressionVisitor
    {
        public HashSet<ParameterExpression> Found { get; } = [];

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (scope.Contains(node)) Found.Add(node);
            return node;
        }
    }

    /// <summary>A parameter's value over the args array (input, the parameters before it).</summary>
    private static Func<object?[], object?> Wrap(Expression body, List<ParameterExpression> scope)
    {
        var args = Expression.Parameter(typeof(object?[]), "args");
        var assign = scope.Select((p, i) => (Expression)Expression.Assign(p, Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.Type)));
        var block = Expression.Block(scope, assign.Append(Expression.Convert(body, typeof(object))));
        return Expression.Lambda<Func<object?[], object?>>(block, args).Compile();
    }

    private static Expression ParseOrThrow(RuleExpressionParser parser, string expression, List<ParameterExpression> scope, Type? returnType, string where)
    {
        try
        {
            return EnumerableRewriter.Rewrite(parser.Parse(expression, scope.ToArray(), returnType));
        }
        catch (Exception e) when (e is System.Linq.Dynamic.Core.Exceptions.ParseException or InvalidOperationException or ArgumentException)
        {
            throw new RuleDefinitionException($"{where}: uttrycket kan inte kompileras: {e.Message} (uttryck: {expression})");
        }
    }

    private static string Property(RuleModel r, string name, string where) =>
        OptionalProperty(r, name, where) ?? throw new RuleDefinitionException($"{where}: Properties.{name} saknas.");

    private static string? OptionalProperty(RuleModel r, string name, string where)
    {
        if (!r.Properties.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim()
            : throw new RuleDefinitionException($"{where}: Properties.{name} måste vara en text.");
    }

    private static List<string> Fields(RuleModel r, string where)
    {
        if (!r.Properties.TryGetValue("fields", out var v) || v.ValueKind == JsonValueKind.Null) return [];
        return v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? v.EnumerateArray().Select(e => e.GetString()!).ToList()
            : throw new RuleDefinitionException($"{where}: Properties.fields måste vara en lista av fältnamn (JSON-sökvägar).");
    }
}
