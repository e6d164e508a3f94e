using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using static Grants.Applications.SwedishIdentifiers;

namespace Grants.Economy;

/// <summary>
/// Payments, requisitions and releases against one commitment. Each runs under the write gate in one transaction
/// that re-reads what is left and bumps the commitment's concurrency token, so of two payments racing for the last
/// committed kronor exactly one is written and the other answers 409.
/// </summary>
public sealed class Payments(GrantsDbContext db, EconomyQueries queries, WriteGate gate, TimeProvider time)
{
    public sealed record PaymentRequest(DateOnly? Date, long? Amount, string? Reference, Guid? RequisitionId, Guid? CorrectsId);
    public sealed record RequisitionRequest(DateOnly? ReceivedDate, long? Amount, string? Reference);
    public sealed record ReleaseRequest(DateOnly? Date, string? Reason);

    public async Task<Outcome<Payment>> PayAsync(ClaimsPrincipal user, Guid commitmentId, PaymentRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.Date is null) errors.Add("date", "Ange utbetalningsdatum (ÅÅÅÅ-MM-DD).");
        if (string.IsNullOrWhiteSpace(r.Reference) || r.Reference.Length > 100) errors.Add("reference", "Ange en referens för utbetalningen, till exempel verifikationsnummer (högst 100 tecken).");
        if (r.Amount is not { } amount || amount == 0 || Math.Abs(amount) > BudgetYears.MaxAmount || (amount < 0 && r.CorrectsId is null))
            errors.Add("amount", "Ange beloppet i hela kronor, större än 0 (ett negativt belopp bara som rättelse av en tidigare utbetalning).");
        if (r.CorrectsId is not null && r.Amount is > 0) errors.Add("amount", "En rättelse av en utbetalning har ett negativt belopp.");
        if (!errors.IsEmpty) return Outcome<Payment>.Invalid(errors);

        return await WriteAsync<Payment>(user, commitmentId, (commitment, figures, actor, now) =>
        {
            if (r.RequisitionId is { } rid && !figures.Requisitions.Any(q => q.Id == rid))
                return Outcome<Payment>.Invalid(One("requisitionId", "Rekvisitionen hör inte till det här åtagandet."));
            if (r.CorrectsId is { } cid)
            {
                var original = figures.Payments.FirstOrDefault(p => p.Id == cid && p.Amount > 0);
                if (original is null) return Outcome<Payment>.Invalid(One("correctsId", "Utbetalningen som ska rättas finns inte på det här åtagandet."));
                var left = original.Amount + figures.Payments.Where(p => p.CorrectsId == cid).Sum(p => p.Amount);
                if (-r.Amount!.Value > left) return Outcome<Payment>.Conflict($"Rättelsen är större än det som återstår av utbetalningen ({Kronor(left)}).");
            }
            else
            {
                if (figures.Status == CommitmentStatus.ConditionalPending)
                    return Outcome<Payment>.Conflict("Beslutet är villkorat och villkoren är inte uppfyllda än; inget kan betalas ut förrän de är det.");
                if (r.Amount!.Value > figures.Remaining)
                    return Outcome<Payment>.Conflict($"Utbetalningen på {Kronor(r.Amount.Value)} är större än det som återstår av åtagandet: {Kronor(figures.Remaining)} " +
                                                     $"(beviljat {Kronor(commitment.Amount)}, utbetalt {Kronor(figures.Paid)}, frigjort {Kronor(figures.Released + figures.Lapsed)}). Ingenting har sparats.");
            }
            var payment = new Payment
            {
                CommitmentId = commitment.Id, Date = r.Date!.Value, Amount = r.Amount!.Value, Reference = r.Reference!.Trim(), RequisitionId = r.RequisitionId,
                CorrectsId = r.CorrectsId, RecordedAt = now, RecordedByUserId = actor.UserId, RecordedBy = actor.Name, RecordedByRole = actor.Role,
            };
            db.Payments.Add(payment);
            db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Payment), payment.Id.ToString(), payment.CorrectsId is null ? "economy.payment" : "economy.payment-correction",
                $"{commitment.ProjectName} {commitment.Year}: {payment.Amount} kr {payment.Date:yyyy-MM-dd} ref {payment.Reference}"));
            return payment;
        }, ct);
    }

    public async Task<Outcome<Requisition>> RequisitionAsync(ClaimsPrincipal user, Guid commitmentId, RequisitionRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.ReceivedDate is null) errors.Add("receivedDate", "Ange när rekvisitionen kom in (ÅÅÅÅ-MM-DD).");
        if (r.Amount is not { } amount || amount <= 0 || amount > BudgetYears.MaxAmount) errors.Add("amount", "Ange det rekvirerade beloppet i hela kronor, större än 0.");
        if (r.Reference is { Length: > 100 }) errors.Add("reference", "Referensen får vara högst 100 tecken.");
        if (!errors.IsEmpty) return Outcome<Requisition>.Invalid(errors);

        return await WriteAsync<Requisition>(user, commitmentId, (commitment, _, actor, now) =>
        {
            var requisition = new Requisition
            {
                CommitmentId = commitment.Id, ReceivedDate = r.ReceivedDate!.Value, Amount = r.Amount!.Value, Reference = r.Reference?.Trim(),
                RecordedAt = now, RecordedByUserId = actor.UserId, RecordedBy = actor.Name, RecordedByRole = actor.Role,
            };
            db.Requisitions.Add(requisition);
            db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Requisition), requisition.Id.ToString(), "economy.requisition",
                $"{commitment.ProjectName} {commitment.Year}: {requisition.Amount} kr"));
            return requisition;
        }, ct);
    }

    /// <summary>"Frigör återstående": a project ended under budget; what is committed and unpaid goes back to the room.</summary>
    public async Task<Outcome<CommitmentRelease>> ReleaseRemainingAsync(ClaimsPrincipal user, Guid commitmentId, ReleaseRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.Date is null) errors.Add("date", "Ange från vilket datum beloppet frigörs (ÅÅÅÅ-MM-DD).");
        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > 500) errors.Add("reason", "Ange varför beloppet frigörs, till exempel att projektet avslutats under budget (högst 500 tecken).");
        if (!errors.IsEmpty) return Outcome<CommitmentRelease>.Invalid(errors);

        return await WriteAsync<CommitmentRelease>(user, commitmentId, (commitment, figures, actor, now) =>
        {
            if (figures.Remaining <= 0)
                return Outcome<CommitmentRelease>.Conflict("Det finns inget kvar att frigöra på åtagandet.");
            var release = new CommitmentRelease
            {
                CommitmentId = commitment.Id, Date = r.Date!.Value, Amount = figures.Remaining, Reason = r.Reason!.Trim(),
                RecordedAt = now, RecordedByUserId = actor.UserId, RecordedBy = actor.Name, RecordedByRole = actor.Role,
            };
            db.CommitmentReleases.Add(release);
            db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(CommitmentRelease), release.Id.ToString(), "economy.release",
                $"{commitment.ProjectName} {commitment.Year}: {release.Amount} kr – {release.Reason}"));
            return release;
        }, ct);
    }

    private async Task<Outcome<T>> WriteAsync<T>(ClaimsPrincipal user, Guid commitmentId,
        Func<Commitment, CommitmentFigures, Actor, DateTimeOffset, Outcome<T>> write, CancellationToken ct)
    {
        var actor = Actor.From(user);
        using var _ = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == commitmentId, ct);
        if (commitment is null) return Outcome<T>.NotFound();
        if (await db.BudgetYears.AnyAsync(y => y.Year == commitment.Year && y.Closed, ct))
            return Outcome<T>.Conflict(BudgetYears.ClosedMessage(commitment.Year));
        var figures = await queries.CommitmentAsync(commitmentId, ct) ?? throw new InvalidOperationException("The commitment vanished inside its own transaction.");
        var outcome = write(commitment, figures, actor, time.GetUtcNow());
        if (!outcome.IsOk)
        {
            db.ChangeTracker.Clear();
            return outcome;
        }
        commitment.Version++;
        return await db.SaveOrConflictAsync(outcome.Value!, ct,
            "Åtagandet ändrades samtidigt av någon annan. Ingenting har sparats; läs in det på nytt och försök igen.", tx);
    }

    private static ValidationErrors One(string field, string message)
    {
        var e = new ValidationErrors();
        e.Add(field, message);
        return e;
    }
}
