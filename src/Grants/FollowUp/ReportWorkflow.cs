using Grants.Workflow;

namespace Grants.FollowUp;

/// <summary>The typed keys of workflows/aterrapport.json, checked against the file at start (<see cref="WorkflowKeyCatalogues"/>).</summary>
[WorkflowKeys(Key)]
public static class ReportWorkflow
{
    public const string Key = "aterrapport";

    public static class States
    {
        public const string Planned = "planerad";
        public const string Reminded = "paminnd";
        public const string Submitted = "inlamnad";
        public const string Approved = "godkand";
        public const string CompletionRequested = "komplettering-begard";
        public const string Late = "forsenad";
    }

    public static class Triggers
    {
        public const string Remind = "paminn";
        public const string Submit = "lamna-in";
        public const string Approve = "godkann";
        public const string RequestCompletion = "begar-komplettering";
        public const string MarkLate = "forsena";
    }
}
