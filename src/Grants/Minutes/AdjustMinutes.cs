using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Grants.Meetings;

namespace Grants.Minutes;

/// <summary>
/// Justering: the chair and each justerare sign (a Styrelse login for themselves, or the kansli registering a signed
/// paper). With the last signature the minutes are adjusted in one unit of work: locked, sealed with a content hash,
/// each application decision fired in its workflow and published to every <see cref="IDecisionListener"/>, the
/// posting dates set — then saved once, so all of it commits or none of it does.
/// </summary>
public sealed class AdjustMinutes(GrantsDbContext db, MeetingStore store, BoardRegister register, ProfileStore profiles, IWorkflowEngine workflow,
    IEnumerable<IDecisionListener> listeners, LocalClock clock, IOptions<BoardOptions> options)
{
    public sealed record Request(Guid? BoardMemberId);

    public async Task<Outcome<Meeting>> HandleAsync(ClaimsPrincipal user, Guid meetingId, Request r, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        if (meeting is null) return Outcome<Meeting>.NotFound();
        if (meeting.State == MeetingState.Adjusted) return Outcome<Meeting>.Conflict(MeetingStore.AdjustedMessage);
        if (meeting.State == MeetingState.Planned) return Outcome<Meeting>.Conflict("Protokollet måste numreras innan det justeras.");
        if (meeting.Date > clock.Today) return Outcome<Meeting>.Conflict($"Protokollet kan justeras från och med sammanträdesdagen {meeting.Date:yyyy-MM-dd}.");
        var attendance = meeting.Attendance;
        if (attendance.ChairId is not { } chairId || attendance.AdjusterIds.Count == 0)
            return Outcome<Meeting>.Conflict("Ange ordförande och justerare under närvaro innan protokollet justeras.");
        var undecided = meeting.Ordered.Where(i => !i.Decision.Recorded).Select(i => $"§ {i.ParagraphNumber}").ToList();
        if (undecided.Count > 0) return Outcome<Meeting>.Conflict($"Beslut saknas för {string.Join(", ", undecided)}.");
        // Attendance may have changed after the decisions were written: every § is checked again.
        var board = await db.BoardMembers.AsNoTracking().ToListAsync(ct);
        foreach (var item in meeting.Ordered)
            if (Quorum.Refusal(meeting, board, item.Decision, options.Value.Quorum) is { } notQuorate)
                return Outcome<Meeting>.Conflict($"§ {item.ParagraphNumber}: {notQuorate}");

        var actor = Actor.From(user);
        BoardMember? signer;
        if (actor.Has(Identity.Roles.Secretariat))
        {
            if (r.BoardMemberId is not { } id)
            {
                var errors = new ValidationErrors();
                errors.Add("boardMemberId", "Välj vems underskrift som registreras.");
                return Outcome<Meeting>.Invalid(errors);
            }
            signer = await db.BoardMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        }
        else
        {
            signer = await register.MemberOfAsync(user, meeting.Date, ct);
            if (signer is null) return Outcome<Meeting>.Forbidden("Din inloggning är inte kopplad till någon i styrelsen (samma e-postadress).");
            if (r.BoardMemberId is { } other && other != signer.Id) return Outcome<Meeting>.Forbidden("Du kan bara justera med din egen underskrift.");
        }
        var required = attendance.AdjusterIds.Prepend(chairId).Distinct().ToList();
        if (signer is null || !required.Contains(signer.Id))
            return Outcome<Meeting>.Forbidden("Bara ordföranden och de utsedda justerarna justerar protokollet.");
        if (meeting.Ordered.FirstOrDefault(i => i.Decision.IsRecused(signer.Id)) is { } recusedIn)
            return Outcome<Meeting>.Forbidden($"{signer.Name} anmälde jäv i § {recusedIn.ParagraphNumber} och kan inte justera protokollet.");
        if (meeting.Signatures.Any(s => s.BoardMemberId == signer.Id)) return Outcome<Meeting>.Conflict($"{signer.Name} har redan justerat protokollet.");

        var now = clock.Now;
        var capacity = signer.Id == chairId ? "ordförande" : "justerare";
        meeting.Signatures = [.. meeting.Signatures, new Signature(signer.Id, signer.Name, capacity, now, actor.UserId, actor.Name, actor.Role)];
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Meeting), meeting.Id.ToString(), "minutes.adjustment-signed", $"{signer.Name}, {capacity}"));

        if (required.All(id => meeting.Signatures.Any(s => s.BoardMemberId == id)))
        {
            var adjusted = await AdjustAsync(meeting, actor, ct);
            if (!adjusted.IsOk)
            {
                db.ChangeTracker.Clear();
                return adjusted;
            }
        }
        var saved = await store.SaveAsync(meeting, meeting, ct);
        if (saved.IsOk && meeting.State == MeetingState.Adjusted) await workflow.RunPendingActionsAsync(ct);
        return saved;
    }

    private async Task<Outcome<Meeting>> AdjustAsync(Meeting meeting, Actor actor, CancellationToken ct)
    {
        var now = clock.Now;
        meeting.State = MeetingState.Adjusted;
        meeting.AdjustedAt = now;
        meeting.AdjustedOn = clock.DateOf(now);
        meeting.PostedOn = meeting.AdjustedOn.Value.AddDays(1);
        meeting.TakenDownOn = meeting.PostedOn.Value.AddDays(Meeting.PostingDays);
        meeting.StoragePlace = options.Value.StoragePlace;

        foreach (var item in meeting.Ordered.Where(i => i.ApplicationId is not null))
        {
            var app = await db.Applications.SingleAsync(a => a.Id == item.ApplicationId, ct);
            var decision = item.Decision;
            var kind = decision.KindFor(app.AmountApplied);
            var conditions = decision.Clauses.Where(c => c.Kind == ClauseKind.Condition).Select(c => new DecisionCondition(c.Text, c.Funder, c.Deadline)).ToList();
            if (kind == DecisionKind.ConditionallyGranted) app.ConditionsDeadline = conditions.Where(c => c.Deadline is not null).Min(c => c.Deadline);
            var comment = $"§ {item.ParagraphNumber}, styrelsens sammanträde {meeting.Date:yyyy-MM-dd}";
            foreach (var trigger in Triggers(kind, decision.ReferBackTo))
            {
                var fired = await workflow.ApplyAsync(app, Door.Adjustment, trigger, actor, comment, ct);
                if (!fired.IsOk)
                    return Outcome<Meeting>.Conflict($"§ {item.ParagraphNumber} ({app.RegistrationNumber}): {fired.Message}");
            }
            var grants = decision.Clauses.Where(c => c.Kind == ClauseKind.Grant).ToList();
            var taken = new ApplicationDecisionTaken(app.Id, meeting.Id, meeting.Date, item.ParagraphNumber!.Value, kind, decision.GrantedPerYear,
                conditions, grants.Min(c => c.ProjectStart), grants.Max(c => c.ProjectEnd),
                decision.Clauses.FirstOrDefault(c => c.Kind == ClauseKind.Reject)?.Motivation, now, actor);
            foreach (var listener in listeners) await listener.OnDecisionTakenAsync(taken, ct);
        }

        var members = await db.BoardMembers.AsNoTracking().ToListAsync(ct);
        meeting.ContentHash = MinutesBuilder.Hash(MinutesBuilder.Build(meeting, members, await profiles.GetAsync(ct)));
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Meeting), meeting.Id.ToString(), "minutes.adjusted",
            $"{MinutesBuilder.ParagraphRange(meeting.FirstParagraph, meeting.LastParagraph)}, SHA-256 {meeting.ContentHash}"));
        return meeting;
    }

    /// <summary>The workflow triggers (workflows/ansokan.json) that carry out a decision.</summary>
    public static IReadOnlyList<string> Triggers(DecisionKind kind, ReferBackTarget? to) => kind switch
    {
        DecisionKind.Granted => ["bevilja"],
        DecisionKind.PartlyGranted => ["bevilja-delvis"],
        DecisionKind.ConditionallyGranted => ["bevilja-villkorat"],
        DecisionKind.Rejected => ["avsla"],
        DecisionKind.Tabled => ["bordlagg"],
        DecisionKind.ReferredBack => ["aterremittera", to == ReferBackTarget.Lsg ? "aterremittera-lsg" : "aterremittera-beredning"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
