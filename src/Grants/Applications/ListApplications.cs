using System.Globalization;
using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>What a list request asks for, as typed: page and page size as text, so a wrong value is a named field error, not a binding failure.</summary>
public sealed record ApplicationListRequest(string? Page = null, string? PageSize = null, string? Status = null, string? Search = null);

/// <summary>One page of the applications the user may see, newest change first, and how many match in all.</summary>
public sealed record ApplicationPage(IReadOnlyList<ApplicationSummaryDto> Items, int Page, int PageSize, int Total, string? Status, string? Search)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasNext => Page < TotalPages;
    public bool HasPrevious => Page > 1;
}

/// <summary>
/// The applications list, paged: a page never holds more than <see cref="MaxPageSize"/> rows, so memory stays flat
/// however many applications are stored. Offset paging over the (UpdatedAt, Id) order, which the indexes on
/// UpdatedAt and (OrganisationId, UpdatedAt) serve. Filters: status (a state key) and a search in diarienummer and
/// project name.
/// </summary>
public sealed class ListApplications(GrantsDbContext db, StateLabels labels)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 100;

    public async Task<Outcome<ApplicationPage>> HandleAsync(ClaimsPrincipal user, ApplicationListRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var page = Whole(request.Page, 1, "page", "Ange sidan som ett heltal från 1.", errors, int.MaxValue);
        var pageSize = Whole(request.PageSize, DefaultPageSize, "pageSize", $"Ange antal per sida som ett heltal från 1 till {MaxPageSize}.", errors, MaxPageSize);
        var status = string.IsNullOrWhiteSpace(request.Status) ? null : request.Status.Trim();
        var states = status is null ? null : labels.Matching(status, user);
        if (status is not null && states is null) errors.Add("status", "Det finns ingen sådan status.");
        var search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim();
        if (search is { Length: > MaxSearchLength }) errors.Add("search", $"Sökordet får vara högst {MaxSearchLength} tecken.");
        if (!errors.IsEmpty) return Outcome<ApplicationPage>.Invalid(errors);

        var rows = ApplicationAccess.Visible(db, user).AsNoTracking();
        if (states is not null) rows = rows.Where(a => states.Contains(a.State));
        if (search is not null)
        {
            // lower() on both engines, Unicode-aware on both (SQLite's is replaced on each connection: DatabaseEngine).
            var term = search.ToLowerInvariant();
            rows = rows.Where(a => a.ProjectName.ToLower().Contains(term) || (a.RegistrationNumber != null && a.RegistrationNumber.ToLower().Contains(term)));
        }
        var total = await rows.CountAsync(ct);
        // A page past the end is the last page, so a list that shrank meanwhile still answers rows.
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Min(page, last);
        var items = await rows
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new ApplicationSummaryDto(a.Id, a.State, a.RegistrationNumber, a.ArrivalDate, a.Organisation!.Name, a.ProjectName, a.AmountApplied, a.UpdatedAt))
            .ToListAsync(ct);
        return new ApplicationPage(items, page, pageSize, total, status, search);
    }

    private static int Whole(string? text, int fallback, string field, string message, ValidationErrors errors, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max) return value;
        errors.Add(field, message);
        return fallback;
    }
}
