using Grants.Shared;

namespace Grants.Meetings;

/// <summary>What the board decided on one application (the att-clauses reduced to what later steps need).</summary>
public enum DecisionKind
{
    /// <summary>Beviljad: the amount applied for.</summary>
    Granted,
    /// <summary>Delvis beviljad: less, or for a shorter time, than applied for.</summary>
    PartlyGranted,
    /// <summary>Villkorat beviljad: granted under conditions (co-financing ...).</summary>
    ConditionallyGranted,
    Rejected,
    Tabled,
    ReferredBack,
}

/// <summary>A granted amount for one budget year, whole kronor.</summary>
public sealed record GrantedAmount(int Year, long Amount);

/// <summary>A condition the decision carries: its clause text, the funder it waits on (if any), and its last day.</summary>
public sealed record DecisionCondition(string Text, string? Funder, DateOnly? Deadline);

/// <summary>
/// One application decision as the adjusted minutes record it. Published once per decision, when the
/// minutes are adjusted (justerade), from inside the adjustment's unit of work.
/// </summary>
public sealed record ApplicationDecisionTaken(
    Guid ApplicationId,
    Guid MeetingId,
    DateOnly MeetingDate,
    int ParagraphNumber,
    DecisionKind Kind,
    IReadOnlyList<GrantedAmount> Granted,
    IReadOnlyList<DecisionCondition> Conditions,
    DateOnly? ProjectStart,
    DateOnly? ProjectEnd,
    string? Motivation,
    DateTimeOffset AdjustedAt,
    Actor AdjustedBy)
{
    public long TotalGranted => Granted.Sum(g => g.Amount);
}

/// <summary>
/// Reacts to an adjusted decision (conditions and report plan, commitments, the decision notice ...).
/// Listeners add rows to the scoped GrantsDbContext and do not save: the adjustment saves once, so the
/// minutes, the decision and everything that follows from it commit together or not at all.
/// Anything that leaves the process (mail) is written as a row (MailOutbox) and delivered after commit.
/// </summary>
public interface IDecisionListener
{
    Task OnDecisionTakenAsync(ApplicationDecisionTaken decision, CancellationToken ct);
}
