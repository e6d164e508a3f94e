using System.Text.Json.Serialization;

namespace Grants.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    /// <summary>Decided in att-clauses.</summary>
    Decided,
    /// <summary>Bordlagt: postponed to a later meeting.</summary>
    Tabled,
    /// <summary>Återremitterat: sent back for more preparation.</summary>
    ReferredBack,
}

[JsonConverter(typeof(JsonStringEnumConverter<ReferBackTarget>))]
public enum ReferBackTarget { Lsg, Beredning }

[JsonConverter(typeof(JsonStringEnumConverter<ClauseKind>))]
public enum ClauseKind
{
    /// <summary>Bevilja an amount per year (less or shorter than applied for is allowed).</summary>
    Grant,
    /// <summary>Avslå, with a motivation.</summary>
    Reject,
    /// <summary>A condition, e.g. co-financing from other funders, with a last day.</summary>
    Condition,
    /// <summary>Uppdra åt förbundschefen ...</summary>
    Assign,
    /// <summary>Delegera till presidiet ...</summary>
    Delegate,
    /// <summary>Godkänna (rapporten, informationen ...).</summary>
    Approve,
    /// <summary>Notera informationen.</summary>
    Note,
    /// <summary>Any other att-clause (utse justerare, välja ordförande, tillstyrka ...).</summary>
    Other,
}

/// <summary>One att-clause as decided. <see cref="Text"/> is what the minutes print ("att bevilja ...").</summary>
public sealed class DecisionClause
{
    public ClauseKind Kind { get; set; }
    public string Text { get; set; } = "";
    public List<GrantedAmount> Amounts { get; set; } = [];
    public string? Motivation { get; set; }
    public string? Funder { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? ProjectStart { get; set; }
    public DateOnly? ProjectEnd { get; set; }
}

/// <summary>Jäv: a board member who left the meeting during the item.</summary>
public sealed record Recusal(string Name, string? Reason);

/// <summary>A reservation against the decision.</summary>
public sealed record Reservation(string Name, string? Text);

/// <summary>The decision taken on one item. <see cref="Recorded"/> is false until the secretary writes it down.</summary>
public sealed class ItemDecision
{
    public bool Recorded { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public ReferBackTarget? ReferBackTo { get; set; }
    public List<DecisionClause> Clauses { get; set; } = [];
    public List<Recusal> Recusals { get; set; } = [];
    public List<Reservation> Reservations { get; set; } = [];
    public DateTimeOffset? RecordedAt { get; set; }
    public string? RecordedBy { get; set; }

    /// <summary>What the decision means for an application (amounts applied for decide beviljad vs. delvis beviljad).</summary>
    public DecisionKind KindFor(long amountApplied)
    {
        if (Outcome == DecisionOutcome.Tabled) return DecisionKind.Tabled;
        if (Outcome == DecisionOutcome.ReferredBack) return DecisionKind.ReferredBack;
        if (Clauses.Any(c => c.Kind == ClauseKind.Reject) || !Clauses.Any(c => c.Kind == ClauseKind.Grant)) return DecisionKind.Rejected;
        if (Clauses.Any(c => c.Kind == ClauseKind.Condition)) return DecisionKind.ConditionallyGranted;
        return TotalGranted < amountApplied ? DecisionKind.PartlyGranted : DecisionKind.Granted;
    }

    public long TotalGranted => Clauses.Where(c => c.Kind == ClauseKind.Grant).SelectMany(c => c.Amounts).Sum(a => a.Amount);

    /// <summary>Granted amounts per year over all grant clauses.</summary>
    public IReadOnlyList<GrantedAmount> GrantedPerYear =>
        Clauses.Where(c => c.Kind == ClauseKind.Grant).SelectMany(c => c.Amounts)
            .GroupBy(a => a.Year).OrderBy(g => g.Key).Select(g => new GrantedAmount(g.Key, g.Sum(a => a.Amount))).ToList();

    /// <summary>The lines the minutes print beside the clauses: bordläggning, återremiss, jäv, reservations.</summary>
    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>();
        if (Outcome == DecisionOutcome.Tabled) notes.Add("Ärendet bordlades.");
        if (Outcome == DecisionOutcome.ReferredBack)
            notes.Add(ReferBackTo == ReferBackTarget.Lsg ? "Ärendet återremitterades till lokala samverkansgruppen." : "Ärendet återremitterades för fortsatt beredning.");
        notes.AddRange(Recusals.Select(r => $"{r.Name} anmälde jäv och deltog inte i handläggningen av ärendet{(string.IsNullOrWhiteSpace(r.Reason) ? "" : $" ({r.Reason})")}."));
        notes.AddRange(Reservations.Select(r => $"{r.Name} reserverade sig mot beslutet{(string.IsNullOrWhiteSpace(r.Text) ? "" : $": {r.Text}")}."));
        return notes;
    }
}
