using Grants.Association;
using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Applications;

/// <summary>Two received versions side by side, changed lines marked.</summary>
[Authorize(Policy = Policies.ApplicationReader)]
public sealed class CompareModel(ApplicationQueries queries, ProfileStore profiles) : PageModel
{
    public sealed record Row(string Section, string Label, string From, string To)
    {
        public bool Changed => From != To;
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public int From { get; set; }
    [BindProperty(SupportsGet = true)] public int To { get; set; }
    public Application Application { get; private set; } = new();
    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var app = await queries.GetAsync(User, Id, ct);
        var a = app?.Versions.SingleOrDefault(v => v.Number == From);
        var b = app?.Versions.SingleOrDefault(v => v.Number == To);
        if (app is null || a is null || b is null) return NotFound();
        Application = app;
        var profile = await profiles.GetAsync(ct);
        var left = Flatten(FormPresenter.Sections(a.ReadForm(), profile));
        var right = Flatten(FormPresenter.Sections(b.ReadForm(), profile));
        var keys = left.Keys.Concat(right.Keys).Distinct().ToList();
        Rows = keys.Select(k => new Row(k.Section, k.Label, left.GetValueOrDefault(k, ""), right.GetValueOrDefault(k, ""))).ToList();
        return Page();
    }

    private static Dictionary<(string Section, string Label), string> Flatten(IEnumerable<FormSectionView> sections)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var s in sections)
            foreach (var l in s.Lines) result.TryAdd((s.Title, l.Label), l.Value);
        return result;
    }
}
