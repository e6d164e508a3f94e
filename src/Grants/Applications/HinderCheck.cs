using Grants.Association;
using Grants.Shared;

namespace Grants.Applications;

/// <summary>
/// What stands in the way of processing an application: the submit validation plus every
/// <see cref="ISubmitCheck"/> (the eligibility rules' hinder). Used by submit and by the workflow's
/// "no-hinder" guard; remembered per form within a request so one submit evaluates the rules once.
/// </summary>
public sealed class HinderCheck(ProfileStore profiles, IEnumerable<ISubmitCheck> checks)
{
    private ApplicationForm? _form;
    private DateOnly? _arrival;
    private ValidationErrors? _errors;

    public Task<ValidationErrors> FindAsync(Application app, CancellationToken ct) => FindAsync(app, app.ArrivalDate, ct);

    /// <param name="arrivalDate">The ankomstdatum to judge against: submit passes the one it is about to stamp.</param>
    public async Task<ValidationErrors> FindAsync(Application app, DateOnly? arrivalDate, CancellationToken ct)
    {
        // The aggregate replaces its form on every change, so the same reference means the same content.
        if (_errors is not null && ReferenceEquals(_form, app.Form) && _arrival == arrivalDate) return _errors;
        var profile = await profiles.GetAsync(ct);
        var formErrors = ApplicationValidator.Validate(app.Form, profile, ValidationMode.Submit);
        var errors = new ValidationErrors();
        foreach (var (field, messages) in formErrors.All)
            foreach (var m in messages) errors.Add(field, m);
        foreach (var check in checks)
        {
            foreach (var (field, messages) in (await check.CheckAsync(app, arrivalDate, formErrors, ct)).All)
                foreach (var m in messages) errors.Add(field, m);
        }
        (_form, _arrival, _errors) = (app.Form, arrivalDate, errors);
        return errors;
    }
}
