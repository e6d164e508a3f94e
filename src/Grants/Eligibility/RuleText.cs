using System.Globalization;
using System.Text.RegularExpressions;
using Grants.Association;

namespace Grants.Eligibility;

/// <summary>
/// Helpers the rule expressions may call (registered in ReSettings.CustomTypes): Swedish lists, kronor,
/// and word search in the form's texts. Lists in rule files are written as one string, items separated by ";".
/// </summary>
public static class RuleText
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"a, b och c".</summary>
    public static string JoinOch(IEnumerable<string> parts) => SwedishText.JoinWithOch(parts);

    /// <summary>430000 → "430 000" (sv-SE grouping with an ordinary space).</summary>
    public static string Kronor(long amount) => amount.ToString("#,0", Swedish).Replace('\u00A0', ' ');

    /// <summary>Whether <paramref name="value"/> is one of the ";"-separated <paramref name="list"/> items.</summary>
    public static bool InList(string value, string list) => Items(list).Contains(value, StringComparer.Ordinal);

    /// <summary>Whether the text mentions any of the ";"-separated terms as whole words (case-insensitive).</summary>
    public static bool MentionsAny(string text, string terms) => Items(terms).Any(t => WholeWord.GetOrAdd(t, Build).IsMatch(text));

    /// <summary>The ";"-separated terms the text mentions as whole words, joined with "och".</summary>
    public static string MentionedList(string text, string terms) => JoinOch(Mentioned(text, terms));

    private static List<string> Mentioned(string text, string terms) =>
        Items(terms).Where(t => WholeWord.GetOrAdd(t, Build).IsMatch(text)).ToList();

    // One compiled pattern per term, built on first use: the term lists are few and fixed by the rule files.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> WholeWord = new(StringComparer.Ordinal);

    private static Regex Build(string term) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static IEnumerable<string> Items(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Formats a placeholder value: whole numbers with sv-SE grouping, dates YYYY-MM-DD, text as is.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        long l => Kronor(l),
        int i => Kronor(i),
        decimal d => d.ToString("#,0.##", Swedish).Replace('\u00A0', ' '),
        double d => d.ToString("#,0.##", Swedish).Replace('\u00A0', ' '),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "ja" : "nej",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
