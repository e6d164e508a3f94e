using System.Security.Claims;
using System.Text.Json.Serialization;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.FollowUp;

[JsonConverter(typeof(JsonStringEnumConverter<ConditionOutcome>))]
public enum ConditionOutcome { Met, Declined }

/// <summary>
/// The applicant (or the kansli on its behalf) reports a condition's outcome with evidence, e.g. the other
/// funder's decision. The evidence is kept as a bilaga of the application; the kansli confirms afterwards.
/// </summary>
public sealed class ReportConditionOutcome(GrantsDbContext db, TimeProvider time, IOptions<AppOptions> options)
{
    public async Task<Outcome<Condition>> HandleAsync(ClaimsPrincipal user, Guid conditionId, ConditionOutcome? outcome, string? comment, IFormFile? evidence, CancellationToken ct)
    {
        var found = await FollowUpAccess.ConditionAsync(db, user, conditionId, ct);
        if (found is not var (condition, app)) return Outcome<Condition>.NotFound();
        if (!ApplicationAccess.MayWrite(user)) return Outcome<Condition>.Forbidden("Din roll får inte rapportera villkor.");
        if (condition.IsSettled || app.State != ConditionStates.Waiting)
            return Outcome<Condition>.Conflict("Villkoret är redan avgjort; utfallet kan inte rapporteras nu.");

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        if (outcome is null) errors.Add("outcome", "Ange om villkoret är uppfyllt eller om finansiären har sagt nej.");
        if (comment is { Length: > 2000 }) errors.Add("comment", "Kommentaren får vara högst 2000 tecken.");
        var read = await AttachmentFile.ReadAsync(evidence, "evidence", options.Value.MaxAttachmentBytes, app.Id, actor, now, ct);
        foreach (var (field, messages) in read.Errors.All) foreach (var m in messages) errors.Add(field, m);
        if (!errors.IsEmpty || outcome is not { } value) return Outcome<Condition>.Invalid(errors);

        var attachment = read.Value!;
        db.Attachments.Add(attachment);
        condition.Status = value == ConditionOutcome.Met ? ConditionStatus.ReportedMet : ConditionStatus.ReportedDeclined;
        condition.ReportedComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        condition.EvidenceAttachmentId = attachment.Id;
        condition.ReportedAt = now;
        condition.ReportedBy = actor.Name;
        condition.Version++;
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Application.SubjectType, app.Id.ToString(), "follow-up.condition-reported",
            $"Villkor {condition.Number}: {Condition.StatusLabel(condition.Status)}; bilaga {attachment.FileName} sha256:{attachment.Sha256}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Condition>.Conflict(WorkflowEngine.ConcurrencyMessage);
        }
        return condition;
    }
}

/// <summary>
/// The kansli settles a condition: met or not met. When every condition is met the application becomes
/// Beviljad ("villkor-uppfyllda", whose entry action activates the report plan); when one is not met it
/// becomes Förfallen ("finansiar-avslog"). One transaction: the condition and the state change together.
/// </summary>
public sealed class ConfirmCondition(GrantsDbContext db, IWorkflowEngine engine, ConditionDeadline deadline, TimeProvider time)
{
    public sealed record Request(ConditionOutcome? Outcome, string? Comment);

    public async Task<Outcome<Condition>> HandleAsync(ClaimsPrincipal user, Guid conditionId, Request request, CancellationToken ct)
    {
        var found = await FollowUpAccess.ConditionAsync(db, user, conditionId, ct);
        if (found is not var (condition, app)) return Outcome<Condition>.NotFound();
        var errors = new ValidationErrors();
        if (request.Outcome is null) errors.Add("outcome", "Ange om villkoret är uppfyllt (Met) eller inte (Declined).");
        if (request.Outcome == ConditionOutcome.Declined && string.IsNullOrWhiteSpace(request.Comment))
            errors.Add("comment", "Ange varför villkoret inte är uppfyllt, till exempel vilken finansiär som sagt nej.");
        if (request.Comment is { Length: > 2000 }) errors.Add("comment", "Kommentaren får vara högst 2000 tecken.");
        if (!errors.IsEmpty || request.Outcome is not { } outcome) return Outcome<Condition>.Invalid(errors);
        if (condition.IsSettled || app.State != ConditionStates.Waiting)
            return Outcome<Condition>.Conflict("Villkoret är redan avgjort eller ansökan väntar inte längre på villkor.");

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        condition.Status = outcome == ConditionOutcome.Met ? ConditionStatus.Met : ConditionStatus.Declined;
        condition.ConfirmedComment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        condition.ConfirmedAt = now;
        condition.ConfirmedBy = actor.Name;
        condition.ConfirmedByRole = actor.Role;
        condition.NextReminderOn = null;
        condition.Version++;
        db.AuditEntries.Add(AuditEntry.Of(actor, now, Application.SubjectType, app.Id.ToString(), "follow-up.condition-confirmed",
            $"Villkor {condition.Number}: {Condition.StatusLabel(condition.Status)}{(condition.ConfirmedComment is { } c ? $" – {c}" : "")}"));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await deadline.UpdateAsync(app, ct);
            var trigger = outcome == ConditionOutcome.Declined ? ConditionStates.DeclinedTrigger
                : await db.Conditions.Where(c => c.ApplicationId == app.Id).AllAsync(c => c.Status == ConditionStatus.Met, ct) ? ConditionStates.MetTrigger : null;
            if (trigger is not null)
            {
                var moved = await engine.ApplyAsync(app, Door.ConditionOutcome, trigger, actor, condition.ConfirmedComment, ct);
                if (!moved.IsOk)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return Outcome.From<Condition, WorkflowTransition>(moved);
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<Condition>.Conflict(WorkflowEngine.ConcurrencyMessage);
        }
        await engine.RunPendingActionsAsync(ct);
        return condition;
    }
}
