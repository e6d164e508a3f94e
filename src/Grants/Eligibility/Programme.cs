namespace Grants.Eligibility;

/// <summary>
/// A programme/call (utlysning) with its own frame: period, age range, cost ceiling and closing date
/// (e.g. Ciceron, seeds/000: young people 16–29). An application may belong to one; the rules read it.
/// </summary>
public sealed class Programme
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    /// <summary>What the call funds, in the förbund's words, shown on the public start page.</summary>
    public string? Description { get; set; }
    /// <summary>First day to apply (null: open from when it is published).</summary>
    public DateOnly? OpensOn { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    /// <summary>Largest amount one application may ask for, whole kronor.</summary>
    public long? CostCeiling { get; set; }
    /// <summary>Last day to apply.</summary>
    public DateOnly? ClosingDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    /// <summary>Optimistic concurrency: a stale save answers 409.</summary>
    public int Version { get; set; }

    /// <summary>Open for applications on <paramref name="day"/>: opened and not yet closed.</summary>
    public bool IsOpenOn(DateOnly day) => (OpensOn is null || OpensOn <= day) && (ClosingDate is null || ClosingDate >= day);

    public ProgrammeFact ToFact() => new(Name, Date(StartDate), Date(EndDate), AgeMin, AgeMax, CostCeiling, Date(ClosingDate));

    private static DateTime? Date(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);
}

/// <summary>
/// One run of the rules over an application, kept for good (append-only): when, by whom, which version of the
/// form and of the rule set (file names and content hashes), and what was found. A later rule change never
/// rewrites an earlier run.
/// </summary>
public sealed class EligibilityRun
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateTimeOffset RanAt { get; set; }
    public string RanByUserId { get; set; } = "";
    public string RanBy { get; set; } = "";
    public string RanByRole { get; set; } = "";
    /// <summary>"Inskickad" (stored at submit) or "Omprövning" (the kansli re-ran the rules).</summary>
    public string Reason { get; set; } = "";
    /// <summary>The application version evaluated (null: the working copy of a draft).</summary>
    public int? ApplicationVersion { get; set; }
    public string RuleSetVersion { get; set; } = "";
    public List<RuleFile> RuleFiles { get; set; } = [];
    public List<RuleFinding> Findings { get; set; } = [];
    public List<RuleError> Errors { get; set; } = [];

    public const string Submitted = "Inskickad";
    public const string Rerun = "Omprövning";
}
