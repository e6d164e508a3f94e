using System.Security.Claims;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Lsg;

/// <summary>
/// Records the LSG's statement for an application waiting in "hos-lsg" and moves it on (tillstyrk /
/// avstyrk) through the workflow in the same transaction. A jävig member is refused (403).
/// </summary>
public sealed class RecordStatement(GrantsDbContext db, IWorkflowEngine engine, LsgMembership membership, TimeProvider time)
{
    public sealed record Request(
        Guid? MeetingId,
        LsgRecommendation? Recommendation,
        string? Reason,
        string? Addition);

    public async Task<Outcome<LsgStatement>> HandleAsync(ClaimsPrincipal user, Guid applicationId, Request request, CancellationToken ct)
    {
        var app = await ApplicationAccess.FindAsync(db, user, applicationId, ct);
        if (app is null) return Outcome<LsgStatement>.NotFound();
        var conflict = await membership.CheckAsync(user, app, ct);
        if (conflict.Message is not null) return Outcome<LsgStatement>.Forbidden(conflict.Message);
        if (app.State != CurrentStatement.LsgState)
            return Outcome<LsgStatement>.Conflict("Ansökan ligger inte hos lokala samverkansgruppen; yttrandet kan inte registreras nu.");

        var errors = new ValidationErrors();
        LsgMeeting? meeting = null;
        if (request.MeetingId is not { } meetingId) errors.Add("meetingId", "Välj vid vilket LSG-sammanträde yttrandet lämnades.");
        else if ((meeting = await db.LsgMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct)) is null)
            errors.Add("meetingId", "Sammanträdet finns inte.");
        if (request.Recommendation is null) errors.Add("recommendation", "Ange om LSG tillstyrker eller avstyrker.");
        if (request.Recommendation == LsgRecommendation.AdviseAgainst && string.IsNullOrWhiteSpace(request.Reason))
            errors.Add("reason", "Ange skälet (med hänvisning till ...) när LSG avstyrker.");
        if (request.Reason is { Length: > 2000 }) errors.Add("reason", "Skälet får vara högst 2000 tecken.");
        if (request.Addition is { Length: > 2000 }) errors.Add("addition", "Tillägget får vara högst 2000 tecken.");
        if (!errors.IsEmpty || meeting is null || request.Recommendation is not { } recommendation) return Outcome<LsgStatement>.Invalid(errors);

        var actor = Actor.From(user);
        var reason = recommendation == LsgRecommendation.AdviseAgainst ? request.Reason?.Trim() : null;
        var addition = string.IsNullOrWhiteSpace(request.Addition) ? null : request.Addition.Trim();
        var statement = new LsgStatement
        {
            ApplicationId = app.Id, MeetingId = meeting.Id, MeetingDate = meeting.Date, Recommendation = recommendation,
            Reason = reason, Addition = addition, Sentence = LsgSentence.Of(recommendation, meeting.Date, reason, addition),
            RecordedAt = time.GetUtcNow(), RecordedByUserId = actor.UserId, RecordedBy = actor.Name, RecordedByRole = actor.Role,
            LsgMemberId = conflict.Member?.Id,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.LsgStatements.Add(statement);
            db.AuditEntries.Add(AuditEntry.Of(actor, statement.RecordedAt, nameof(Application), app.Id.ToString(), "lsg.statement", statement.Sentence));
            await db.SaveChangesAsync(ct);
            var trigger = recommendation == LsgRecommendation.Recommend ? ApplicationWorkflow.Triggers.Recommend : ApplicationWorkflow.Triggers.AdviseAgainst;
            var moved = await engine.ApplyAsync(app, Door.LsgStatement, trigger, actor, statement.Sentence, ct);
            if (!moved.IsOk)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Outcome.From<LsgStatement, WorkflowTransition>(moved);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<LsgStatement>.Conflict(WorkflowEngine.ConcurrencyMessage);
        }
        await engine.RunPendingActionsAsync(ct);
        return statement;
    }
}

/// <summary>Jäv: the signed-in LSG member declares a conflict of interest for an application. Kept; repeated declarations return the first.</summary>
public sealed class DeclareConflict(GrantsDbContext db, LsgMembership membership, TimeProvider time)
{
    public sealed record Request(string? Reason);

    public async Task<Outcome<LsgConflictDeclaration>> HandleAsync(ClaimsPrincipal user, Guid applicationId, Request request, CancellationToken ct)
    {
        var app = await ApplicationAccess.FindAsync(db, user, applicationId, ct);
        if (app is null) return Outcome<LsgConflictDeclaration>.NotFound();
        var member = await membership.MemberOfAsync(user, ct);
        if (member is null) return Outcome<LsgConflictDeclaration>.Forbidden("Bara en registrerad ledamot i lokala samverkansgruppen kan anmäla jäv.");
        var existing = await db.LsgConflictDeclarations.FirstOrDefaultAsync(d => d.ApplicationId == app.Id && d.LsgMemberId == member.Id, ct);
        if (existing is not null) return existing;
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
        {
            var errors = new ValidationErrors();
            errors.Add("reason", "Ange kort varför du är jävig (högst 1000 tecken), till exempel att du är anställd hos den sökande.");
            return Outcome<LsgConflictDeclaration>.Invalid(errors);
        }
        var actor = Actor.From(user);
        var declaration = new LsgConflictDeclaration
        {
            ApplicationId = app.Id, LsgMemberId = member.Id, Reason = request.Reason.Trim(), DeclaredAt = time.GetUtcNow(), DeclaredByUserId = actor.UserId,
        };
        db.LsgConflictDeclarations.Add(declaration);
        db.AuditEntries.Add(AuditEntry.Of(actor, declaration.DeclaredAt, nameof(Application), app.Id.ToString(), "lsg.conflict-declared", declaration.Reason));
        await db.SaveChangesAsync(ct);
        return declaration;
    }
}
