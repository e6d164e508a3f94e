using System.Net.Mail;
using System.Security.Claims;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.FollowUp;

/// <summary>
/// The kansli adjusts one project's plan: a report's due date, an extra report, a skipped report, a new
/// project period (the plan is recomputed; reports already handed in stay), the responsible person.
/// Every change is audited; a stale or concurrent change answers 409.
/// </summary>
public sealed class ChangePlan(GrantsDbContext db, ReportPlanner planner, TimeProvider time)
{
    public sealed record DueDateRequest(DateOnly? DueDate);
    public sealed record ExtraReportRequest(ReportKind? Kind, DateOnly? DueDate);
    public sealed record SkipRequest(string? Reason);
    public sealed record PeriodRequest(DateOnly? ProjectStart, DateOnly? ProjectEnd);
    public sealed record ResponsibleRequest(string? Name, string? Email);

    public async Task<Outcome<Report>> MoveAsync(ClaimsPrincipal user, Guid reportId, DueDateRequest request, CancellationToken ct)
    {
        var found = await FollowUpAccess.ReportAsync(db, user, reportId, ct);
        if (found is not var (report, _)) return Outcome<Report>.NotFound();
        if (request.DueDate is not { } due) return Invalid<Report>("dueDate", "Ange det nya datumet (ÅÅÅÅ-MM-DD).");
        if (!report.IsOpen || report.Versions.Count > 0) return Outcome<Report>.Conflict("Rapporten är redan inlämnad eller struken; datumet kan inte ändras.");
        planner.Move(report, due, Actor.From(user), time.GetUtcNow());
        return await SaveAsync(report, ct);
    }

    public async Task<Outcome<Report>> SkipAsync(ClaimsPrincipal user, Guid reportId, SkipRequest request, CancellationToken ct)
    {
        var found = await FollowUpAccess.ReportAsync(db, user, reportId, ct);
        if (found is not var (report, _)) return Outcome<Report>.NotFound();
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000) return Invalid<Report>("reason", "Ange kort varför rapporten stryks (högst 1000 tecken).");
        if (!report.IsOpen || report.Versions.Count > 0) return Outcome<Report>.Conflict("Rapporten är redan inlämnad eller struken.");
        planner.Skip(report, Actor.From(user), time.GetUtcNow(), request.Reason.Trim());
        return await SaveAsync(report, ct);
    }

    public async Task<Outcome<Report>> AddAsync(ClaimsPrincipal user, Guid applicationId, ExtraReportRequest request, CancellationToken ct)
    {
        var plan = await PlanAsync(user, applicationId, ct);
        if (plan is null) return Outcome<Report>.NotFound();
        var errors = new ValidationErrors();
        if (request.Kind is null) errors.Add("kind", "Ange vilken sorts rapport (StatusReport eller FinalReport).");
        if (request.DueDate is null) errors.Add("dueDate", "Ange sista dag för rapporten (ÅÅÅÅ-MM-DD).");
        else if (!DateBounds.Within(request.DueDate.Value)) errors.Add("dueDate", DateBounds.Message("Sista dag"));
        if (!errors.IsEmpty || request.Kind is not { } kind || request.DueDate is not { } due) return Outcome<Report>.Invalid(errors);
        if (plan.ActivatedAt is null) return Outcome<Report>.Conflict("Planen väntar på att villkoren uppfylls; rapporter kan läggas till när ansökan är beviljad.");
        var actor = Actor.From(user);
        plan.Touch(actor, time.GetUtcNow());
        var report = await planner.AddReportAsync(plan, kind, due, extra: true, actor, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, time.GetUtcNow(), Report.SubjectType, report.Id.ToString(), "follow-up.report-added", report.Title));
        return await SaveAsync(report, ct);
    }

    public async Task<Outcome<ReportPlan>> PeriodAsync(ClaimsPrincipal user, Guid applicationId, PeriodRequest request, CancellationToken ct)
    {
        var plan = await PlanAsync(user, applicationId, ct);
        if (plan is null) return Outcome<ReportPlan>.NotFound();
        var errors = new ValidationErrors();
        if (request.ProjectStart is null) errors.Add("projectStart", "Ange projektets startdatum (ÅÅÅÅ-MM-DD).");
        if (request.ProjectEnd is null) errors.Add("projectEnd", "Ange projektets slutdatum (ÅÅÅÅ-MM-DD).");
        else if (request.ProjectStart is { } s && request.ProjectEnd < s) errors.Add("projectEnd", "Slutdatumet kan inte vara före startdatumet.");
        // Bounded: the plan derives its reports from the period, so year 1 or 9999 must not make thousands of rows.
        if (request.ProjectStart is { } ps && !DateBounds.Within(ps)) errors.Add("projectStart", DateBounds.Message("Startdatumet"));
        if (request.ProjectEnd is { } pe && !DateBounds.Within(pe)) errors.Add("projectEnd", DateBounds.Message("Slutdatumet"));
        else if (request.ProjectStart is { } s2 && DateBounds.Within(s2) && request.ProjectEnd is { } e2 && e2 >= s2.AddYears(DateBounds.MaxProjectYears))
            errors.Add("projectEnd", $"Projektperioden får vara högst {DateBounds.MaxProjectYears} år.");
        if (!errors.IsEmpty || request.ProjectStart is not { } start || request.ProjectEnd is not { } end) return Outcome<ReportPlan>.Invalid(errors);
        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Application.SubjectType, applicationId.ToString(), "follow-up.period-changed",
            $"{plan.ProjectStart:yyyy-MM-dd}–{plan.ProjectEnd:yyyy-MM-dd} → {start:yyyy-MM-dd}–{end:yyyy-MM-dd}"));
        await planner.RecomputeAsync(plan, start, end, actor, now, ct);
        return await SaveAsync(plan, ct);
    }

    public async Task<Outcome<ReportPlan>> ResponsibleAsync(ClaimsPrincipal user, Guid applicationId, ResponsibleRequest request, CancellationToken ct)
    {
        var plan = await PlanAsync(user, applicationId, ct);
        if (plan is null) return Outcome<ReportPlan>.NotFound();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200) errors.Add("name", "Ange namnet på den som ansvarar för återrapporteringen.");
        if (string.IsNullOrWhiteSpace(request.Email) || !MailAddress.TryCreate(request.Email.Trim(), out _)) errors.Add("email", "Ange en giltig e-postadress.");
        if (!errors.IsEmpty) return Outcome<ReportPlan>.Invalid(errors);
        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Application.SubjectType, applicationId.ToString(), "follow-up.responsible-changed",
            $"{plan.ResponsibleName} <{plan.ResponsibleEmail}> → {request.Name!.Trim()} <{request.Email!.Trim()}>"));
        plan.ResponsibleName = request.Name.Trim();
        plan.ResponsibleEmail = request.Email.Trim();
        plan.Touch(actor, now);
        return await SaveAsync(plan, ct);
    }

    private async Task<ReportPlan?> PlanAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct) =>
        await ApplicationAccess.Visible(db, user).AnyAsync(a => a.Id == applicationId, ct)
            ? await db.ReportPlans.Include(p => p.Reports).ThenInclude(r => r.Versions).SingleOrDefaultAsync(p => p.ApplicationId == applicationId, ct)
            : null;

    private Task<Outcome<T>> SaveAsync<T>(T value, CancellationToken ct) => db.SaveOrConflictAsync(value, ct, WorkflowEngine.ConcurrencyMessage);

    private static Outcome<T> Invalid<T>(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Outcome<T>.Invalid(errors);
    }
}
