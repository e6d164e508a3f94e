using System.Security.Claims;
using Grants.Applications;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.FollowUp;

/// <summary>
/// Follow-up records are scoped through their application (<see cref="ApplicationAccess"/>, the one rule):
/// another organisation's report or condition is "not found".
/// </summary>
public static class FollowUpAccess
{
    public static IQueryable<Report> VisibleReports(GrantsDbContext db, ClaimsPrincipal user)
    {
        var apps = ApplicationAccess.Visible(db, user).Select(a => a.Id);
        return db.Reports.Where(r => apps.Contains(r.ApplicationId));
    }

    public static async Task<(Report Report, Application Application)?> ReportAsync(GrantsDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var report = await VisibleReports(db, user).Include(r => r.Plan).Include(r => r.Versions).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return null;
        var app = await db.Applications.SingleAsync(a => a.Id == report.ApplicationId, ct);
        return (report, app);
    }

    public static async Task<(Condition Condition, Application Application)?> ConditionAsync(GrantsDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var condition = await db.Conditions.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (condition is null) return null;
        var app = await ApplicationAccess.FindAsync(db, user, condition.ApplicationId, ct);
        return app is null ? null : (condition, app);
    }
}
