using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Economy;

/// <summary>
/// The kansli records a commitment from a decision taken before the system (ordinarie samverkan, projects decided
/// in earlier years), so the forecast counts "tidigare beslutad projektverksamhet". Decisions adjusted in the system
/// become commitments through <see cref="CommitmentListener"/> instead.
/// </summary>
public sealed class RecordCommitment(GrantsDbContext db, WriteGate gate, TimeProvider time)
{
    public sealed record Request(string? ProjectName, string? Recipient, int? Year, long? Amount, DateOnly? DecisionDate, int? ParagraphNumber);

    public async Task<Outcome<Commitment>> HandleAsync(ClaimsPrincipal user, Request r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(r.ProjectName) || r.ProjectName.Length > 200) errors.Add("projectName", "Ange verksamhetens eller projektets namn (högst 200 tecken).");
        if (string.IsNullOrWhiteSpace(r.Recipient) || r.Recipient.Length > 200) errors.Add("recipient", "Ange mottagaren (högst 200 tecken).");
        if (r.Year is not (>= 2000 and <= 2100)) errors.Add("year", "Ange vilket budgetår åtagandet gäller.");
        if (r.Amount is not { } amount || amount <= 0 || amount > BudgetYears.MaxAmount) errors.Add("amount", "Ange det beviljade beloppet i hela kronor, större än 0.");
        if (r.DecisionDate is null) errors.Add("decisionDate", "Ange beslutsdatum (ÅÅÅÅ-MM-DD).");
        if (r.ParagraphNumber is <= 0) errors.Add("paragraphNumber", "Paragrafnumret är ett positivt heltal.");
        if (!errors.IsEmpty) return Outcome<Commitment>.Invalid(errors);

        var actor = Actor.From(user);
        using var _ = await gate.EnterAsync(ct);
        if (await db.BudgetYears.AnyAsync(y => y.Year == r.Year && y.Closed, ct)) return Outcome<Commitment>.Conflict(BudgetYears.ClosedMessage(r.Year!.Value));
        var commitment = new Commitment
        {
            ProjectName = r.ProjectName!.Trim(), Recipient = r.Recipient!.Trim(), Year = r.Year!.Value, Amount = r.Amount!.Value,
            DecisionKind = nameof(Meetings.DecisionKind.Granted), DecisionDate = r.DecisionDate!.Value, ParagraphNumber = r.ParagraphNumber,
            RecordedAt = time.GetUtcNow(), RecordedByUserId = actor.UserId, RecordedBy = actor.Name, RecordedByRole = actor.Role,
        };
        db.Commitments.Add(commitment);
        db.AuditEntries.Add(AuditEntry.Of(actor, commitment.RecordedAt, nameof(Commitment), commitment.Id.ToString(), "economy.commitment-recorded",
            $"{commitment.ProjectName} {commitment.Year} {commitment.Amount} kr, beslut {commitment.DecisionDate:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return commitment;
    }
}
