using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Economy;

/// <summary>
/// Turns an adjusted grant decision into commitments, one per granted year. Adds rows to the adjustment's
/// unit of work and does not save (see <see cref="IDecisionListener"/>). Publishing the same decision twice adds nothing.
/// </summary>
public sealed class CommitmentListener(GrantsDbContext db) : IDecisionListener
{
    private static readonly DecisionKind[] Granting = [DecisionKind.Granted, DecisionKind.PartlyGranted, DecisionKind.ConditionallyGranted];

    public async Task OnDecisionTakenAsync(ApplicationDecisionTaken decision, CancellationToken ct)
    {
        if (!Granting.Contains(decision.Kind)) return;
        var app = await db.Applications.AsNoTracking().Include(a => a.Organisation).SingleOrDefaultAsync(a => a.Id == decision.ApplicationId, ct)
            ?? throw new InvalidOperationException($"A decision was published for application {decision.ApplicationId}, which does not exist.");
        var existing = await db.Commitments.AsNoTracking()
            .Where(c => c.MeetingId == decision.MeetingId && c.ParagraphNumber == decision.ParagraphNumber)
            .Select(c => c.Year).ToListAsync(ct);
        // Rows added earlier in the same unit of work are not in the database yet.
        existing.AddRange(db.Commitments.Local.Where(c => c.MeetingId == decision.MeetingId && c.ParagraphNumber == decision.ParagraphNumber).Select(c => c.Year));

        foreach (var grant in decision.Granted.Where(g => g.Amount > 0).GroupBy(g => g.Year))
        {
            if (existing.Contains(grant.Key)) continue;
            var commitment = new Commitment
            {
                ApplicationId = app.Id,
                ProjectName = app.ProjectName,
                RegistrationNumber = app.RegistrationNumber,
                Recipient = app.Organisation?.Name ?? app.Form.Organisation.Name ?? "",
                Year = grant.Key,
                Amount = grant.Sum(g => g.Amount),
                DecisionKind = decision.Kind.ToString(),
                Conditional = decision.Kind == DecisionKind.ConditionallyGranted,
                MeetingId = decision.MeetingId,
                DecisionDate = decision.MeetingDate,
                ParagraphNumber = decision.ParagraphNumber,
                ProjectStart = decision.ProjectStart,
                ProjectEnd = decision.ProjectEnd,
                RecordedAt = decision.AdjustedAt,
                RecordedByUserId = decision.AdjustedBy.UserId,
                RecordedBy = decision.AdjustedBy.Name,
                RecordedByRole = decision.AdjustedBy.Role,
            };
            db.Commitments.Add(commitment);
            db.AuditEntries.Add(AuditEntry.Of(decision.AdjustedBy, decision.AdjustedAt, nameof(Commitment), commitment.Id.ToString(), "economy.commitment-from-decision",
                $"§ {decision.ParagraphNumber}: {commitment.ProjectName} {commitment.Year} {commitment.Amount} kr{(commitment.Conditional ? " (villkorat)" : "")}"));
        }
    }
}
