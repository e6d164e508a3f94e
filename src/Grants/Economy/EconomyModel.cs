namespace Grants.Economy;

/// <summary>
/// One budget year (verksamhetsår) of the förbund: the plan the forecast in § 600 is made from. Its lines
/// (<see cref="BudgetLine"/>) hold the members' contributions, other income and own operating costs.
/// Closed once the year's accounts are settled; after that nothing belonging to the year changes (409).
/// </summary>
public sealed class BudgetYear
{
    public int Year { get; set; }
    /// <summary>Överfört överskott: the surplus carried over from earlier years (§ 600: "från åren 2005 – 2014").</summary>
    public long CarriedOverSurplus { get; set; }
    /// <summary>Nationella rådets rekommendation: the largest equity the förbund should hold at the end of the year.</summary>
    public long RecommendedMaxEquity { get; set; }
    public bool Closed { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public string UpdatedByRole { get; set; } = "";
    /// <summary>Optimistic concurrency: a stale save (If-Match) answers 409.</summary>
    public int Version { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<BudgetLineKind>))]
public enum BudgetLineKind
{
    /// <summary>Bidrag från en huvudman (5 § Lag 2003:1210).</summary>
    Contribution,
    /// <summary>Övriga intäkter, e.g. a final requisition from the ESF.</summary>
    OtherIncome,
    /// <summary>Egna verksamhetskostnader: kansli, information, kompetensutveckling ...</summary>
    OperatingCost,
}

/// <summary>One planned amount of a budget year. Replaced as a whole when the open year's budget is saved (audited).</summary>
public sealed class BudgetLine
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public int Year { get; set; }
    public BudgetLineKind Kind { get; set; }
    /// <summary>The contributing member's profile key (contributions only).</summary>
    public string? MemberKey { get; set; }
    public string Label { get; set; } = "";
    public long Amount { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ActualKind>))]
public enum ActualKind
{
    Income,
    Cost,
}

/// <summary>
/// Utfall: income received or an own cost booked on a date (from the förbund's accounts). The result so far is
/// actual income minus actual costs minus payments to projects up to the report's date. Append-only: a
/// correction is a new entry that names the one it corrects.
/// </summary>
public sealed class ActualEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public int Year { get; set; }
    public DateOnly Date { get; set; }
    public ActualKind Kind { get; set; }
    public string Label { get; set; } = "";
    public long Amount { get; set; }
    public string? Reference { get; set; }
    public Guid? CorrectsId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string RecordedByRole { get; set; } = "";
}

/// <summary>
/// Åtagande: money the board has granted a project for one year, from one decision (minutes paragraph). Never
/// changed or deleted: what is released later is a <see cref="CommitmentRelease"/>, what is paid a <see cref="Payment"/>.
/// A commitment for an earlier decision that is not in the system (ordinarie samverkan) is recorded by the kansli
/// with no application.
/// </summary>
public sealed class Commitment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? ApplicationId { get; set; }
    public string ProjectName { get; set; } = "";
    public string? RegistrationNumber { get; set; }
    public string Recipient { get; set; } = "";
    public int Year { get; set; }
    public long Amount { get; set; }
    public string DecisionKind { get; set; } = "";
    /// <summary>Granted under conditions (medfinansiering ...): shown apart until the application leaves "villkorat-beviljad".</summary>
    public bool Conditional { get; set; }
    public Guid? MeetingId { get; set; }
    public DateOnly DecisionDate { get; set; }
    public int? ParagraphNumber { get; set; }
    public DateOnly? ProjectStart { get; set; }
    public DateOnly? ProjectEnd { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string RecordedByRole { get; set; } = "";
    /// <summary>Bumped by every payment and release against it, so two racing writers never both pass the "what is left" check.</summary>
    public int Version { get; set; }
}

/// <summary>Frigjort: the unused part of a commitment given back to the room (a project ended under budget ...).</summary>
public sealed class CommitmentRelease
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CommitmentId { get; set; }
    public DateOnly Date { get; set; }
    public long Amount { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string RecordedByRole { get; set; } = "";
}

/// <summary>Rekvisition: the project asks for money; recorded when it arrives, before (or without) a payment.</summary>
public sealed class Requisition
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CommitmentId { get; set; }
    public DateOnly ReceivedDate { get; set; }
    public long Amount { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string RecordedByRole { get; set; } = "";
}

/// <summary>
/// Utbetalning to a project against one commitment. Never above what is committed and not yet paid or released.
/// Never changed: a correction is a new, negative payment naming the one it corrects.
/// </summary>
public sealed class Payment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CommitmentId { get; set; }
    public DateOnly Date { get; set; }
    public long Amount { get; set; }
    public string Reference { get; set; } = "";
    public Guid? RequisitionId { get; set; }
    public Guid? CorrectsId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string RecordedByRole { get; set; } = "";
}
