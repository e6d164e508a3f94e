using Grants.Workflow;

namespace Grants.Applications;

/// <summary>
/// "no-hinder": the form passes the submit checks and every registered <see cref="ISubmitCheck"/>
/// (the eligibility rules plug their hinder in there). Other subjects: holds.
/// </summary>
public sealed class NoHinderFact(HinderCheck hinder) : IGuardFact
{
    public string Key => "no-hinder";
    public string Label => "inga hinder";
    public string FailureMessage => "Det finns hinder mot att handlägga ansökan. Begär komplettering i stället.";

    public async Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct) =>
        subject is not Application app || (await FindingsAsync(app, ct)).Count == 0;

    /// <summary>The hinder messages found for an application (also shown in the LSG queue).</summary>
    public async Task<List<string>> FindingsAsync(Application app, CancellationToken ct) =>
        (await hinder.FindAsync(app, ct)).All.SelectMany(e => e.Value).ToList();
}
