namespace Grants.Economy;

public enum CommitmentStatus
{
    /// <summary>Fast: granted, or its conditions are met.</summary>
    Firm,
    /// <summary>Villkorad: granted under conditions still waiting (the application is in "villkorat-beviljad").</summary>
    ConditionalPending,
    /// <summary>Förfallen or återkallad: the unpaid rest is given back to the room.</summary>
    Lapsed,
}

/// <summary>
/// One commitment's figures as of a date: what was committed, released (by the kansli or by lapse), paid and
/// what is left. The one place these are computed: the report, the payment check, the drill-down and the
/// exports all read it, so their totals reconcile by construction.
/// </summary>
public sealed record CommitmentFigures(
    Commitment Commitment,
    CommitmentStatus Status,
    long Released,
    long Lapsed,
    long Paid,
    long Requisitioned,
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<CommitmentRelease> Releases,
    IReadOnlyList<Requisition> Requisitions)
{
    /// <summary>The cost the forecast counts: committed minus released and lapsed (= paid + remaining).</summary>
    public long NetCommitted => Commitment.Amount - Released - Lapsed;

    /// <summary>Committed and not yet paid or released: the most a new payment may be.</summary>
    public long Remaining => NetCommitted - Paid;

    /// <summary>Application workflow states in which the unpaid rest of a commitment is no longer owed.</summary>
    public static readonly string[] LapsedStates = [Applications.ApplicationWorkflow.States.Lapsed, Applications.ApplicationWorkflow.States.Withdrawn];

    /// <summary>The state a conditional grant waits in until the conditions are met (workflows/ansokan.json).</summary>
    public const string ConditionalState = Applications.ApplicationWorkflow.States.ConditionallyGranted;

    public static CommitmentStatus StatusOf(Commitment c, string? applicationState) =>
        applicationState is { } s && LapsedStates.Contains(s) ? CommitmentStatus.Lapsed
        : c.Conditional && applicationState == ConditionalState ? CommitmentStatus.ConditionalPending
        : CommitmentStatus.Firm;

    /// <summary>The figures as of <paramref name="asOf"/> (null: everything recorded).</summary>
    public static CommitmentFigures Of(
        Commitment c, string? applicationState, DateOnly? asOf,
        IEnumerable<Payment> payments, IEnumerable<CommitmentRelease> releases, IEnumerable<Requisition> requisitions)
    {
        bool Until(DateOnly d) => asOf is not { } a || d <= a;
        var paid = payments.Where(p => p.CommitmentId == c.Id && Until(p.Date)).OrderBy(p => p.Date).ToList();
        var released = releases.Where(r => r.CommitmentId == c.Id && Until(r.Date)).OrderBy(r => r.Date).ToList();
        var asked = requisitions.Where(r => r.CommitmentId == c.Id && Until(r.ReceivedDate)).OrderBy(r => r.ReceivedDate).ToList();
        var status = StatusOf(c, applicationState);
        var paidSum = paid.Sum(p => p.Amount);
        var releasedSum = released.Sum(r => r.Amount);
        // A lapsed decision keeps what was already paid; only the unpaid rest goes back.
        var lapsed = status == CommitmentStatus.Lapsed ? Math.Max(0, c.Amount - releasedSum - paidSum) : 0;
        return new CommitmentFigures(c, status, releasedSum, lapsed, paidSum, asked.Sum(r => r.Amount), paid, released, asked);
    }
}
