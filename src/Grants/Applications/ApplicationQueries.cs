using System.Security.Claims;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>Reads for the start page and detail views (the paged list is <see cref="ListApplications"/>), always through <see cref="ApplicationAccess"/>.</summary>
public sealed class ApplicationQueries(GrantsDbContext db)
{
    /// <summary>
    /// At most <paramref name="limit"/> visible applications in <paramref name="states"/> (the start page's share of
    /// the list), latest change first or earliest arrival first, and how many there are in all.
    /// </summary>
    public async Task<(List<ApplicationSummaryDto> Rows, int Total)> InStatesAsync(
        ClaimsPrincipal user, IReadOnlyCollection<string> states, bool byArrival, int limit, CancellationToken ct)
    {
        var rows = ApplicationAccess.Visible(db, user).AsNoTracking().Where(a => states.Contains(a.State));
        var total = await rows.CountAsync(ct);
        var ordered = byArrival
            ? rows.OrderBy(a => a.ArrivalDate == null).ThenBy(a => a.ArrivalDate).ThenBy(a => a.Id)
            : rows.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id);
        var page = await ordered.Take(limit)
            .Select(a => new ApplicationSummaryDto(a.Id, a.State, a.RegistrationNumber, a.ArrivalDate, a.Organisation!.Name, a.ProjectName, a.AmountApplied, a.UpdatedAt))
            .ToListAsync(ct);
        return (page, total);
    }

    public async Task<Application?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await ApplicationAccess.Visible(db, user)
            .Include(a => a.Organisation)
            .Include(a => a.Versions)
            .Include(a => a.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<Attachment?> GetAttachmentAsync(ClaimsPrincipal user, Guid id, Guid attachmentId, CancellationToken ct)
    {
        var visible = await ApplicationAccess.Visible(db, user).AnyAsync(a => a.Id == id, ct);
        if (!visible) return null;
        return await db.Attachments.Include(a => a.Content).SingleOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == id, ct);
    }
}
