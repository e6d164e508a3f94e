using Grants.Applications;

namespace Grants.Workflow;

/// <summary>
/// "no-hinder": the form passes the submit checks and every registered <see cref="ISubmitCheck"/>
/// (the eligibility rules plug their hinder in there). Other subjects: holds.
/// </summary>
public sealed class NoHinderFact(HinderCheck hinder) : IGuardFact
{
    public string Key => "no-hinder";
    public string FailureMessage => "Det finns hinder mot att handlägga ansökan. Begär komplettering i stället.";

    public async Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct) =>
        subject is not Application app || (await FindingsAsync(app, ct)).Count == 0;

    /// <summary>The hinder messages found for an application (also shown in the LSG queue).</summary>
    public async Task<List<string>> FindingsAsync(Application app, CancellationToken ct) =>
        (await hinder.FindAsync(app, ct)).All.SelectMany(e => e.Value).ToList();
}

/// <summary>"all-conditions-met": every other funder in the financing plan has granted (a conditional grant waits on them).</summary>
public sealed class AllConditionsMetFact : IGuardFact
{
    public string Key => "all-conditions-met";
    public string FailureMessage => "Alla villkor är inte uppfyllda: någon medfinansiär har ännu inte beviljat.";

    public Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct) =>
        Task.FromResult(subject is Application app && app.Form.Financing.All(f => f.Status == FunderStatus.Beviljad));
}

/// <summary>"funder-declined": some other funder in the financing plan has said no.</summary>
public sealed class FunderDeclinedFact : IGuardFact
{
    public string Key => "funder-declined";
    public string FailureMessage => "Ingen medfinansiär har avslagit ansökan.";

    public Task<bool> HoldsAsync(IWorkflowSubject subject, CancellationToken ct) =>
        Task.FromResult(subject is Application app && app.Form.Financing.Any(f => f.Status == FunderStatus.Avslagen));
}
