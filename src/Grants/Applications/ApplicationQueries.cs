using System.Security.Claims;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>Reads for the list and detail views, always through <see cref="ApplicationAccess"/>.</summary>
public sealed class ApplicationQueries(GrantsDbContext db)
{
    public async Task<List<ApplicationSummaryDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = await ApplicationAccess.Visible(db, user)
            .Select(a => new { a.Id, a.State, a.RegistrationNumber, a.ArrivalDate, Org = a.Organisation!.Name, a.ProjectName, a.AmountApplied, a.UpdatedAt })
            .ToListAsync(ct);
        return rows
            .OrderByDescending(r => r.UpdatedAt)
            .Select(r => new ApplicationSummaryDto(r.Id, r.State, r.RegistrationNumber, r.ArrivalDate, r.Org, r.ProjectName, r.AmountApplied, r.UpdatedAt))
            .ToList();
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
