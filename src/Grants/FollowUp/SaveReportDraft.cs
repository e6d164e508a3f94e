using System.Security.Claims;
using System.Text.Json;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.FollowUp;

/// <summary>
/// Saves the applicant's work on a report as a draft: nothing is checked but the report being open and its period
/// started, nothing is handed in, and the draft is private to the organisation (the report's own access rule).
/// Handing in clears it.
/// </summary>
public sealed class SaveReportDraft(GrantsDbContext db, LocalClock clock)
{
    public async Task<Outcome<Report>> HandleAsync(ClaimsPrincipal user, Guid reportId, ReportForm form, CancellationToken ct)
    {
        var found = await FollowUpAccess.ReportAsync(db, user, reportId, ct);
        if (found is not var (report, _)) return Outcome<Report>.NotFound();
        if (!ApplicationAccess.MayWrite(user)) return Outcome<Report>.Forbidden("Din roll får inte lämna rapporter.");
        if (!report.IsOpen) return Outcome<Report>.Conflict("Rapporten är inlämnad och väntar inte på något från er just nu.");
        var plan = report.Plan ?? throw new InvalidOperationException("A report always has a plan.");
        await db.Entry(plan).Collection(p => p.Reports).LoadAsync(ct);
        if (!ReportPeriod.HasStarted(report, plan, clock.Today)) return Outcome<Report>.Conflict(ReportPeriod.NotStartedMessage(report, plan));
        var actor = Actor.From(user);
        report.DraftJson = JsonSerializer.Serialize(form, ReportJson.Options);
        report.DraftSavedAt = clock.Now;
        report.DraftSavedBy = actor.Name;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Report>.Conflict(Workflow.WorkflowEngine.ConcurrencyMessage);
        }
        return report;
    }
}
