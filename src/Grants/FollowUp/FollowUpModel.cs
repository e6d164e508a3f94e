using System.Text.Json.Serialization;
using Grants.Meetings;
using Grants.Shared;

namespace Grants.FollowUp;

[JsonConverter(typeof(JsonStringEnumConverter<ReportKind>))]
public enum ReportKind
{
    /// <summary>Lägesrapport, on the förbund's status-report dates within the project period.</summary>
    StatusReport,
    /// <summary>Slutrapport with results per goal and the economic account.</summary>
    FinalReport,
}

/// <summary>
/// Återrapporteringsplan of one granted project. Written when the decision is adjusted; for a conditional grant
/// it waits (<see cref="ActivatedAt"/> null, no reports) until every condition is met and the application is Beviljad.
/// Keeps what the decision granted, so reported spending can be set against it.
/// </summary>
public sealed class ReportPlan
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public DecisionKind DecisionKind { get; set; }
    public int ParagraphNumber { get; set; }
    public DateOnly MeetingDate { get; set; }
    public List<GrantedAmount> Granted { get; set; } = [];
    public DateOnly ProjectStart { get; set; }
    public DateOnly ProjectEnd { get; set; }
    /// <summary>Who reports back (the application's follow-up section; the kansli may change it).</summary>
    public string ResponsibleName { get; set; } = "";
    public string ResponsibleEmail { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    /// <summary>Optimistic concurrency: two kansli edits at once → 409.</summary>
    public int Version { get; set; }
    public List<Report> Reports { get; set; } = [];

    public long TotalGranted => Granted.Sum(g => g.Amount);

    public void Touch(Actor actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actor.Name;
        Version++;
    }
}

/// <summary>
/// One report of a plan. Its life is workflows/aterrapport.json (the report is its own workflow subject).
/// What the applicant hands in is kept as numbered, hashed <see cref="ReportVersion"/>s: never overwritten.
/// </summary>
public sealed class Report : Workflow.IWorkflowSubject
{
    public const string SubjectType = "report";
    public const string WorkflowKey = "aterrapport";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PlanId { get; set; }
    public ReportPlan? Plan { get; set; }
    /// <summary>Denormalised from the plan: the applicant scoping goes through the application.</summary>
    public Guid ApplicationId { get; set; }
    public ReportKind Kind { get; set; }
    /// <summary>The date the plan gives (changes when the kansli moves it or the period is recomputed).</summary>
    public DateOnly DueDate { get; set; }
    /// <summary>Added by hand by the kansli (an extra report), so a period recompute leaves it alone.</summary>
    public bool Extra { get; set; }
    /// <summary>Skipped by the kansli (kept for the record, no reminders).</summary>
    public DateTimeOffset? SkippedAt { get; set; }
    public string? SkippedBy { get; set; }
    public string State { get; set; } = ReportStates.Planned;
    public string? WorkflowHash { get; set; }
    /// <summary>The next day the reminder sweep has something to do for this report (null: nothing, e.g. handed in).</summary>
    public DateOnly? NextActionOn { get; set; }
    /// <summary>The last reminder occasion sent ("20260630:fore-14").</summary>
    public string? LastReminder { get; set; }
    public string? ReviewComment { get; set; }
    /// <summary>The applicant's unsaved-to-the-record work on the next version (JSON of a ReportForm); cleared when handed in.</summary>
    public string? DraftJson { get; set; }
    public DateTimeOffset? DraftSavedAt { get; set; }
    public string? DraftSavedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
    public List<ReportVersion> Versions { get; set; } = [];

    public string Title => $"{KindLabel(Kind)} {DueDate:yyyy-MM-dd}";
    public bool IsOpen => SkippedAt is null && ReportStates.Open.Contains(State);

    public static string KindLabel(ReportKind kind) => kind == ReportKind.FinalReport ? "Slutrapport" : "Lägesrapport";

    string Workflow.IWorkflowSubject.SubjectType => SubjectType;
    string Workflow.IWorkflowSubject.SubjectId => Id.ToString();
    string? Workflow.IWorkflowSubject.WorkflowKey => WorkflowHash is null ? null : WorkflowKey;
    string? Workflow.IWorkflowSubject.ApplicantEmail => Plan?.ResponsibleEmail;
    string Workflow.IWorkflowSubject.Title => Title;
    DateOnly? Workflow.IWorkflowSubject.DateField(string name) => name == "dueDate" ? DueDate : null;
    void Workflow.IWorkflowSubject.PinWorkflow(string key, string hash) => WorkflowHash = hash;

    void Workflow.IWorkflowSubject.SetWorkflowState(string state, Actor actor, DateTimeOffset now)
    {
        if (State == state) return; // starting in the state a new report already has changes nothing
        State = state;
        Touch(actor, now);
    }

    public void Touch(Actor actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actor.Name;
        Version++;
    }
}

/// <summary>The state keys of workflows/aterrapport.json the code relies on.</summary>
public static class ReportStates
{
    public const string Planned = ReportWorkflow.States.Planned;
    public const string Reminded = ReportWorkflow.States.Reminded;
    public const string Submitted = ReportWorkflow.States.Submitted;
    public const string Approved = ReportWorkflow.States.Approved;
    public const string CompletionRequested = ReportWorkflow.States.CompletionRequested;
    public const string Late = ReportWorkflow.States.Late;

    /// <summary>Waiting for the applicant: reminders go out.</summary>
    public static readonly IReadOnlySet<string> Open = new HashSet<string> { Planned, Reminded, CompletionRequested, Late };
    public static readonly string[] OpenList = [Planned, Reminded, CompletionRequested, Late];
}

/// <summary>One handing-in of a report, frozen with a SHA-256 hash of its content.</summary>
public sealed class ReportVersion
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public int Number { get; set; }
    public string FormJson { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedByUserId { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public string SubmittedByRole { get; set; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<ConditionStatus>))]
public enum ConditionStatus
{
    Open,
    /// <summary>The applicant says it is met (evidence attached); the kansli has not confirmed yet.</summary>
    ReportedMet,
    /// <summary>The applicant says the funder said no.</summary>
    ReportedDeclined,
    Met,
    Declined,
}

/// <summary>A villkor of a conditional grant (medfinansieringsvillkor): text, the funder it waits on, last day.</summary>
public sealed class Condition
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string? Funder { get; set; }
    public DateOnly? Deadline { get; set; }
    public ConditionStatus Status { get; set; }
    public string? ReportedComment { get; set; }
    public Guid? EvidenceAttachmentId { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public string? ReportedBy { get; set; }
    public string? ConfirmedComment { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public string? ConfirmedByRole { get; set; }
    /// <summary>Next day a reminder before the deadline is due (null: none left, or settled).</summary>
    public DateOnly? NextReminderOn { get; set; }
    public int Version { get; set; }

    public bool IsSettled => Status is ConditionStatus.Met or ConditionStatus.Declined;

    public static string StatusLabel(ConditionStatus s) => s switch
    {
        ConditionStatus.Open => "Väntar",
        ConditionStatus.ReportedMet => "Uppfyllt enligt sökande",
        ConditionStatus.ReportedDeclined => "Nej från finansiär enligt sökande",
        ConditionStatus.Met => "Uppfyllt",
        ConditionStatus.Declined => "Ej uppfyllt",
        _ => s.ToString(),
    };
}
