namespace Grants.Workflow;

/// <summary>
/// The one way a trigger may be fired. Every trigger in workflows/*.json names its door ("door": "submit");
/// the engine refuses a trigger fired through any other door, whoever asks. Only <see cref="NextStep"/> is
/// generic (the "Nästa steg" box and POST /api/applications/{id}/transitions); every other door is a use
/// case that checks what the step needs (a diarienummer, an adjusted §, a reason ...) before it fires.
/// </summary>
public sealed record Door(string Key, string Description)
{
    /// <summary>The kansli's own steps (beredning, begär komplettering, remiss ...): the generic box and API.</summary>
    public static readonly Door NextStep = new("next-step", "Nästa steg (kansliets egna steg)");
    /// <summary>SubmitApplication: validation, ankomstdatum and diarienummer in one transaction.</summary>
    public static readonly Door Submit = new("submit", "Skicka in ansökan");
    /// <summary>AddRevision while komplettering is requested: the supplement is a new version.</summary>
    public static readonly Door Supplement = new("supplement", "Lämna komplettering (ny version)");
    /// <summary>Lsg/RecordStatement: the LSG's statement.</summary>
    public static readonly Door LsgStatement = new("lsg-statement", "LSG:s yttrande");
    /// <summary>Meetings: putting the application on a meeting's agenda.</summary>
    public static readonly Door Agenda = new("agenda", "Föredragningslistan");
    /// <summary>Meetings: the adjustment (justering) of the minutes, one § per decision.</summary>
    public static readonly Door Adjustment = new("adjustment", "Justering av protokoll");
    /// <summary>FollowUp/ConditionOutcomes: a condition recorded as met or declined.</summary>
    public static readonly Door ConditionOutcome = new("condition-outcome", "Utfall av villkor");
    /// <summary>FollowUp/SubmitReport: the applicant hands in a report.</summary>
    public static readonly Door ReportSubmission = new("report-submission", "Lämna återrapport");
    /// <summary>FollowUp/SubmitReport: the kansli or LSG approves a report or asks for more.</summary>
    public static readonly Door ReportReview = new("report-review", "Granska återrapport");
    /// <summary>Applications/WithdrawApplication: the applicant (or the kansli on its behalf) withdraws, with a reason.</summary>
    public static readonly Door Withdrawal = new("withdrawal", "Återkalla ansökan");
    /// <summary>The sweep: a date has passed (workflow timers and the report reminders).</summary>
    public static readonly Door Timer = new("timer", "Tidsgräns (systemet)");

    public static IReadOnlyList<Door> All { get; } =
        [NextStep, Submit, Supplement, LsgStatement, Agenda, Adjustment, ConditionOutcome, ReportSubmission, ReportReview, Withdrawal, Timer];

    public static Door? Find(string key) => All.FirstOrDefault(d => d.Key == key);

    public override string ToString() => Key;
}
