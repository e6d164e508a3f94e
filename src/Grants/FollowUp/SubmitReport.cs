using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.FollowUp;

/// <summary>
/// The applicant hands in a report (the kansli may on its behalf): validated per field, frozen as the next
/// numbered version with a hash, and moved to Inlämnad through the workflow, which also stops its reminders.
/// A handing-in after komplettering is a new version beside the first; nothing handed in is overwritten.
/// </summary>
public sealed class SubmitReport(GrantsDbContext db, IWorkflowEngine engine, TimeProvider time)
{
    public const string Trigger = ReportWorkflow.Triggers.Submit;

    public async Task<Outcome<Report>> HandleAsync(ClaimsPrincipal user, Guid reportId, ReportForm form, int? expectedVersion, CancellationToken ct)
    {
        var found = await FollowUpAccess.ReportAsync(db, user, reportId, ct);
        if (found is not var (report, app)) return Outcome<Report>.NotFound();
        if (!ApplicationAccess.MayWrite(user)) return Outcome<Report>.Forbidden("Din roll får inte lämna in rapporter.");
        if (!report.IsOpen) return Outcome<Report>.Conflict($"Rapporten har status {report.State} och kan inte lämnas in nu.");
        if (expectedVersion is { } v && v != report.Version) return Outcome<Report>.Conflict(WorkflowEngine.ConcurrencyMessage);

        var plan = report.Plan ?? throw new InvalidOperationException("A report always has a plan.");
        var goals = app.Form.Project.Goals;
        var errors = ReportValidator.Validate(form, report.Kind, goals, ReportYears.Of(plan, app));
        if (!errors.IsEmpty) return Outcome<Report>.Invalid(errors);
        // The goals are the application's: what the client sent as goal text is replaced, the result kept.
        form.Goals = report.Kind == ReportKind.FinalReport
            ? goals.Select((g, i) => new GoalResult { Goal = g, Result = form.Goals[i].Result?.Trim() }).ToList()
            : [];

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        var json = JsonSerializer.Serialize(form, ReportJson.Options);
        var version = new ReportVersion
        {
            ReportId = report.Id, Number = report.Versions.Count + 1, FormJson = json,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            SubmittedAt = now, SubmittedByUserId = actor.UserId, SubmittedBy = actor.Name, SubmittedByRole = actor.Role,
        };
        var moved = await engine.ApplyAsync(report, Door.ReportSubmission, Trigger, actor, $"Version {version.Number}", ct);
        if (!moved.IsOk) return Outcome.From<Report, WorkflowTransition>(moved);
        report.Versions.Add(version);
        report.NextActionOn = null; // handed in: no further reminders, from this commit on
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Report.SubjectType, report.Id.ToString(), "follow-up.report-submitted",
            $"{report.Title}, version {version.Number}, sha256:{version.ContentHash}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Report>.Conflict(WorkflowEngine.ConcurrencyMessage);
        }
        await engine.RunPendingActionsAsync(ct);
        return report;
    }
}

/// <summary>The years a report accounts for: the granted years, or the application's budget years when the decision named none.</summary>
public static class ReportYears
{
    public static IReadOnlyCollection<int> Of(ReportPlan plan, Application app) =>
        plan.Granted.Count > 0 ? plan.Granted.Select(g => g.Year).Distinct().Order().ToList() : app.Form.Budget.Select(b => b.Year).Distinct().Order().ToList();
}

public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public static ReportForm Read(ReportVersion v) => JsonSerializer.Deserialize<ReportForm>(v.FormJson, Options) ?? new ReportForm();
}

/// <summary>
/// The kansli (or the LSG) reviews a handed-in report: godkänd, or komplettering begärd with a comment. A
/// komplettering goes back to the applicant by mail with a new due date at least FollowUp:CompletionDays away,
/// and the reminders resume.
/// </summary>
public sealed class ReviewReport(GrantsDbContext db, IWorkflowEngine engine, ReportPlanner planner, FollowUpMailer mailer, LocalClock clock, IOptions<FollowUpOptions> options)
{
    [JsonConverter(typeof(JsonStringEnumConverter<ReviewDecision>))]
    public enum ReviewDecision { Approve, RequestCompletion }

    public sealed record Request(ReviewDecision? Decision, string? Comment);

    public async Task<Outcome<Report>> HandleAsync(ClaimsPrincipal user, Guid reportId, Request request, CancellationToken ct)
    {
        var found = await FollowUpAccess.ReportAsync(db, user, reportId, ct);
        if (found is not var (report, app)) return Outcome<Report>.NotFound();
        var errors = new ValidationErrors();
        if (request.Decision is null) errors.Add("decision", "Ange om rapporten godkänns (Approve) eller om komplettering begärs (RequestCompletion).");
        if (request.Decision == ReviewDecision.RequestCompletion && string.IsNullOrWhiteSpace(request.Comment))
            errors.Add("comment", "Skriv vad som ska kompletteras.");
        if (request.Comment is { Length: > 4000 }) errors.Add("comment", "Kommentaren får vara högst 4000 tecken.");
        if (!errors.IsEmpty || request.Decision is not { } decision) return Outcome<Report>.Invalid(errors);

        var actor = Actor.From(user);
        var now = clock.Now;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var moved = await engine.ApplyAsync(report, Door.ReportReview, decision == ReviewDecision.Approve ? ReportWorkflow.Triggers.Approve : ReportWorkflow.Triggers.RequestCompletion, actor, comment, ct);
        if (!moved.IsOk) return Outcome.From<Report, WorkflowTransition>(moved);
        report.ReviewComment = comment;
        if (decision == ReviewDecision.RequestCompletion)
        {
            var earliest = clock.Today.AddDays(options.Value.CompletionDays);
            if (report.DueDate < earliest) planner.Move(report, earliest, actor, now);
            else planner.ResetReminders(report);
            await mailer.EnqueueAsync($"report-completion:{report.Id}:{report.Versions.Count}", "rapport-komplettering", [report.Plan!.ResponsibleEmail], null,
                new Dictionary<string, string>
                {
                    ["titel"] = report.Title, ["projekt"] = app.ProjectName, ["kommentar"] = comment ?? "",
                    ["sista-dag"] = report.DueDate.ToString("yyyy-MM-dd"), ["lank"] = mailer.Link($"/FollowUp/Report/{report.Id}"),
                }, ct);
        }
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Report.SubjectType, report.Id.ToString(), "follow-up.report-reviewed", $"{decision}: {comment}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Report>.Conflict(WorkflowEngine.ConcurrencyMessage);
        }
        await engine.RunPendingActionsAsync(ct);
        return report;
    }
}
