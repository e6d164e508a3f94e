using System.Linq.Expressions;
using System.Reflection;

namespace Grants.Eligibility;

/// <summary>
/// Dynamic LINQ (under RulesEngine's parser) may write a collection call such as
/// <c>Queryable.Any(list.AsQueryable(), Quote(x =&gt; ...))</c>, and EnumerableQuery then compiles that quoted tree on
/// every evaluation. This rewrites such calls to the matching
/// <see cref="Enumerable"/> method with a plain lambda, compiled once with the rule.
/// </summary>
internal sealed class EnumerableRewriter : ExpressionVisitor
{
    private static readonly ILookup<string, MethodInfo> EnumerableMethods = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static).ToLookup(m => m.Name);

    public static Expression Rewrite(Expression e) => new EnumerableRewriter().Visit(e);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Queryable) || node.Method.Name == nameof(Queryable.AsQueryable)) return base.VisitMethodCall(node);
        var args = node.Arguments.Select(a => Visit(a is UnaryExpression { NodeType: ExpressionType.Quote } q ? q.Operand : a)).ToList();
        if (args.Count > 0 && args[0] is MethodCallExpression { Method.Name: nameof(Queryable.AsQueryable) } asq && asq.Method.DeclaringType == typeof(Queryable))
            args[0] = asq.Arguments[0];
        var generic = node.Method.IsGenericMethod ? node.Method.GetGenericArguments() : [];
        foreach (var candidate in EnumerableMethods[node.Method.Name])
        {
            if (candidate.GetParameters().Length != args.Count || candidate.IsGenericMethodDefinition != node.Method.IsGenericMethod) continue;
            if (candidate.IsGenericMethodDefinition && candidate.GetGenericArguments().Length != generic.Length) continue;
            MethodInfo method;
            try
            {
                method = candidate.IsGenericMethodDefinition ? candidate.MakeGenericMethod(generic) : candidate;
            }
            catch (ArgumentException)
            {
                continue; // the generic constraints do not fit this overload
            }
            if (method.ReturnType == node.Type && method.GetParameters().Zip(args).All(p => p.First.ParameterType.IsAssignableFrom(p.Second.Type)))
                return Expression.Call(method, args);
        }
        return base.VisitMethodCall(node);
    }
}
