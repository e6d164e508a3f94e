using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Grants.Applications;

/// <summary>The applications list, a page at a time, with the status filter and search kept across pages.</summary>
[Authorize(Policy = Policies.ApplicationReader)]
public sealed class IndexModel(ListApplications list, StateLabels labels) : PageModel
{
    [FromQuery(Name = "page")] public string? PageNumber { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "search")] public string? Search { get; set; }

    public ApplicationPage Result { get; private set; } = new([], 1, ListApplications.DefaultPageSize, 0, null, null);
    public IReadOnlyList<(string State, string Label)> StatusOptions { get; private set; } = [];
    public bool Filtered => Result.Status is not null || Result.Search is not null;
    public bool CanCreate => ApplicationAccess.MayWrite(User);
    public bool IsSecretariat => User.IsInRole(Roles.Secretariat);

    public async Task OnGetAsync(CancellationToken ct)
    {
        StatusOptions = labels.FilterOptions(User);
        var request = new ApplicationListRequest(PageNumber, null, Status, Search);
        var outcome = await list.HandleAsync(User, request, ct);
        if (!outcome.IsOk)
        {
            // Show what was wrong and the list without the refused parts, rather than an empty page.
            foreach (var (field, messages) in outcome.Errors.All)
                foreach (var m in messages) ModelState.AddModelError(field, m);
            var errors = outcome.Errors;
            outcome = await list.HandleAsync(User, new ApplicationListRequest(
                errors.Has("page") ? null : PageNumber, null, errors.Has("status") ? null : Status, errors.Has("search") ? null : Search), ct);
        }
        Result = outcome.Value ?? Result;
    }

    /// <summary>This list's address for <paramref name="page"/>, with the filter kept.</summary>
    public string PageHref(int page)
    {
        var query = new Dictionary<string, string?>();
        if (Result.Status is { } s) query["status"] = s;
        if (Result.Search is { } q) query["search"] = q;
        if (page > 1) query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/Applications", query);
    }

    /// <summary>The page numbers to link: the first, the last and two either side of the current; null marks a gap.</summary>
    public IReadOnlyList<int?> PagerNumbers()
    {
        var shown = new SortedSet<int> { 1, Result.TotalPages };
        for (var p = Result.Page - 2; p <= Result.Page + 2; p++)
            if (p >= 1 && p <= Result.TotalPages) shown.Add(p);
        var numbers = new List<int?>();
        var previous = 0;
        foreach (var p in shown)
        {
            if (p > previous + 1) numbers.Add(null);
            numbers.Add(p);
            previous = p;
        }
        return numbers;
    }
}
