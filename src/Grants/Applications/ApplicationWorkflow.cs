using Grants.Workflow;

namespace Grants.Applications;

/// <summary>
/// The typed keys of workflows/ansokan.json: features name states and triggers by these constants, never by
/// literal. Checked against the file at start both ways (<see cref="WorkflowKeyCatalogues"/>).
/// </summary>
[WorkflowKeys(Key)]
public static class ApplicationWorkflow
{
    public const string Key = "ansokan";

    public static class States
    {
        public const string Draft = "utkast";
        public const string Received = "inkommen";
        public const string CompletionRequested = "komplettering-begard";
        public const string InPreparation = "under-beredning";
        public const string WithLsg = "hos-lsg";
        public const string Recommended = "tillstyrkt";
        public const string AdvisedAgainst = "avstyrkt";
        public const string OnAgenda = "pa-foredragningslista";
        public const string Granted = "beviljad";
        public const string PartlyGranted = "delvis-beviljad";
        public const string ConditionallyGranted = "villkorat-beviljad";
        public const string Rejected = "avslagen";
        public const string Tabled = "bordlagd";
        public const string ReferredBack = "aterremitterad";
        public const string Ongoing = "pagaende";
        public const string FinalReported = "slutredovisad";
        public const string Closed = "avslutad";
        public const string Withdrawn = "aterkallad";
        public const string Lapsed = "forfallen";

        /// <summary>States only a board decision (an adjusted §) may enter.</summary>
        public static readonly IReadOnlySet<string> Decided = new HashSet<string> { Granted, PartlyGranted, ConditionallyGranted, Rejected, Tabled, ReferredBack };
    }

    /// <summary>Invariant: a draft becomes a record only through SubmitApplication, which stamps ankomstdatum and diarienummer.</summary>
    public static readonly IReadOnlyDictionary<string, Door[]> LeftOnlyThrough = new Dictionary<string, Door[]> { [States.Draft] = [Door.Submit] };

    /// <summary>
    /// Invariant: a decided state is entered only by the adjustment of the minutes, through the § deciding it — and Beviljad
    /// also when the conditions of an adjusted conditional grant are recorded as met.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Door[]> EnteredOnlyThrough = States.Decided.ToDictionary(
        s => s, s => s == States.Granted ? new[] { Door.Adjustment, Door.ConditionOutcome } : [Door.Adjustment]);

    public static class Triggers
    {
        public const string Submit = "skicka-in";
        public const string RequestCompletion = "begar-komplettering";
        public const string Complete = "komplettera";
        public const string StartPreparation = "paborja-beredning";
        public const string ReferToLsg = "remittera-lsg";
        public const string Recommend = "tillstyrk";
        public const string AdviseAgainst = "avstyrk";
        public const string PutOnAgenda = "satt-pa-foredragningslista";
        public const string Grant = "bevilja";
        public const string GrantPartly = "bevilja-delvis";
        public const string GrantConditionally = "bevilja-villkorat";
        public const string Reject = "avsla";
        public const string Table = "bordlagg";
        public const string ReferBack = "aterremittera";
        public const string ReferBackToLsg = "aterremittera-lsg";
        public const string ReferBackToPreparation = "aterremittera-beredning";
        public const string ConditionsMet = "villkor-uppfyllda";
        public const string FunderDeclined = "finansiar-avslog";
        public const string ConditionsLapsed = "villkor-forfallit";
        public const string Start = "starta";
        public const string ReportFinal = "slutredovisa";
        public const string Close = "avsluta";
        public const string Withdraw = "aterkalla";
    }
}
