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

/// <summary>
/// One att-clause as decided. <see cref="Text"/> is the att-clause ("att bevilja ..."); a rejection's motivation and a
/// condition's last day are their own fields, and <see cref="Printed"/> joins them: the one text the minutes, the
/// extract and the decision mail print.
/// </summary>
public sealed class DecisionClause
{
    public const string MotivationLead = "Avslaget motiveras med att";
    public const string DeadlineLead = "Villkoret ska vara uppfyllt senast";

    public ClauseKind Kind { get; set; }
    public string Text { get; set; } = "";
    public List<GrantedAmount> Amounts { get; set; } = [];
    public string? Motivation { get; set; }
    public string? Funder { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? ProjectStart { get; set; }
    public DateOnly? ProjectEnd { get; set; }

    public string Printed => Print(Kind, Text, Motivation, Deadline);

    public static string Print(ClauseKind kind, string text, string? motivation, DateOnly? deadline)
    {
        var t = text.Trim();
        if (kind == ClauseKind.Reject && !string.IsNullOrWhiteSpace(motivation))
            return $"{Sentence(t)} {MotivationLead} {Lead(motivation)}.";
        if (kind == ClauseKind.Condition && deadline is { } d)
            return $"{Sentence(t)} {DeadlineLead} {d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.";
        return t;
    }

    /// <summary>
    /// A proposal line split back into its parts (the decision form starts from the proposal): "att avslå ... Avslaget
    /// motiveras med att X." gives a rejection with motivation X; "... Villkoret ska vara uppfyllt senast D." a condition with last day D.
    /// </summary>
    public static DecisionClause FromProposal(string line)
    {
        var t = line.Trim();
        var m = t.IndexOf(MotivationLead, StringComparison.Ordinal);
        if (m > 0)
            return new DecisionClause { Kind = ClauseKind.Reject, Text = t[..m].Trim(), Motivation = t[(m + MotivationLead.Length)..].Trim().TrimEnd('.').Trim() };
        var d = t.IndexOf(DeadlineLead, StringComparison.Ordinal);
        if (d > 0 && DateOnly.TryParseExact(t[(d + DeadlineLead.Length)..].Trim().TrimEnd('.'), "yyyy-MM-dd", out var deadline))
            return new DecisionClause { Kind = ClauseKind.Condition, Text = t[..d].Trim().TrimEnd('.'), Deadline = deadline };
        var kind = t.StartsWith("att bevilja", StringComparison.Ordinal) ? ClauseKind.Grant
            : t.StartsWith("att avslå", StringComparison.Ordinal) ? ClauseKind.Reject
            : t.Contains("under förutsättning att", StringComparison.Ordinal) ? ClauseKind.Condition : (ClauseKind?)null;
        return new DecisionClause { Kind = kind ?? ClauseKind.Other, Text = t };
    }

    /// <summary>True when <paramref name="text"/> repeats what a field of its own holds (one source for each text).</summary>
    public static bool RepeatsField(ClauseKind kind, string text) =>
        (kind == ClauseKind.Reject && text.Contains(MotivationLead, StringComparison.OrdinalIgnoreCase))
        || (kind == ClauseKind.Condition && text.Contains(DeadlineLead, StringComparison.OrdinalIgnoreCase));

    private static string Sentence(string t) => t.EndsWith('.') ? t : t + ".";

    /// <summary>"att X" read after "... motiveras med att": no repeated lead-in, no closing full stop.</summary>
    private static string Lead(string motivation)
    {
        var t = motivation.Trim().TrimEnd('.', ' ');
        return t.StartsWith("att ", StringComparison.OrdinalIgnoreCase) ? t[4..] : t;
    }
}

/// <summary>
/// Jäv: a board member (one of the meeting's deciding) who left during the item. The member is not among the deciding
/// for the § and cannot adjust the minutes. <see cref="Name"/> is the name as the minutes print it.
/// </summary>
public sealed record Recusal(Guid BoardMemberId, string Name, string? Reason);

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

    public bool IsRecused(Guid boardMemberId) => Recusals.Any(r => r.BoardMemberId == boardMemberId);

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
