using Grants.Applications;
using Grants.Association;
using Grants.Economy;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Eligibility;

/// <summary>
/// Runs the rule set in force over a form: builds the facts (the form flattened, the förbund profile, the economic
/// room, the programme) and evaluates. Remembers the last form within a request so submit evaluates once.
/// </summary>
public sealed class EligibilityEvaluator(RuleBook rules, ProfileStore profiles, IEconomicRoom room, GrantsDbContext db, LocalClock clock)
{
    private ApplicationForm? _form;
    private DateOnly? _arrival;
    private RuleEvaluation? _evaluation;

    public const string UnknownProgramme = "Utlysningen finns inte.";

    /// <param name="arrivalDate">Ankomstdatum of a received application (a call's closing date is judged against it); null for a draft.</param>
    public async Task<RuleEvaluation> EvaluateAsync(ApplicationForm form, DateOnly? arrivalDate, CancellationToken ct)
    {
        // The aggregate replaces its form on every change, so the same reference means the same content.
        if (_evaluation is not null && ReferenceEquals(_form, form) && _arrival == arrivalDate) return _evaluation;
        var profile = await profiles.GetAsync(ct);
        var today = clock.DateOf(clock.Now);
        var programme = await ProgrammeAsync(form.ProgrammeId, ct);
        var facts = ApplicationFacts.From(form, profile, await room.CurrentAsync(today, ct), programme?.ToFact(), today, arrivalDate);
        (_form, _arrival, _evaluation) = (form, arrivalDate, rules.Evaluate(facts));
        return _evaluation;
    }

    public async Task<Programme?> ProgrammeAsync(Guid? id, CancellationToken ct) =>
        id is { } pid ? await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;

    /// <summary>The hinder as field errors (JSON paths), for submit and for the form: what must change before it can be sent.</summary>
    public static ValidationErrors HinderErrors(RuleEvaluation evaluation)
    {
        var errors = new ValidationErrors();
        foreach (var f in evaluation.Findings.Where(f => f.Level == FindingLevels.Hinder))
            foreach (var field in f.Fields.DefaultIfEmpty(""))
                errors.Add(field, f.Message);
        foreach (var e in evaluation.Errors.Where(e => e.Level == FindingLevels.Hinder))
            errors.Add("", $"Regeln \"{e.Rule}\" ({e.Code}) kunde inte prövas: {e.Error}. Kontakta förbundets kansli.");
        return errors;
    }

    /// <summary>Adds a run to the context (the caller saves): append-only, attributed, with the rule set's version.</summary>
    public EligibilityRun Record(Application app, RuleEvaluation evaluation, Actor actor, DateTimeOffset at, string reason)
    {
        var set = rules.Current;
        var run = new EligibilityRun
        {
            ApplicationId = app.Id,
            RanAt = at,
            RanByUserId = actor.UserId,
            RanBy = actor.Name,
            RanByRole = actor.Role,
            Reason = reason,
            ApplicationVersion = app.Versions.Count == 0 ? null : app.Versions.Max(v => v.Number),
            RuleSetVersion = set.Version,
            RuleFiles = set.Files.ToList(),
            Findings = evaluation.Findings.ToList(),
            Errors = evaluation.Errors.ToList(),
        };
        db.EligibilityRuns.Add(run);
        return run;
    }
}

/// <summary>Submit is refused while a hinder stands; once accepted, the findings are stored with the rule set's version.</summary>
public sealed class EligibilitySubmitCheck(EligibilityEvaluator evaluator, LocalClock clock) : ISubmitCheck
{
    public async Task<ValidationErrors> CheckAsync(Application application, DateOnly? arrivalDate, ValidationErrors formErrors, CancellationToken ct)
    {
        // A field the submit validation already flags (a missing end date, no goal) is not told twice.
        var errors = new ValidationErrors();
        foreach (var (field, messages) in EligibilityEvaluator.HinderErrors(await evaluator.EvaluateAsync(application.Form, arrivalDate, ct)).All)
            if (field.Length == 0 || !formErrors.Has(field))
                foreach (var m in messages) errors.Add(field, m);
        if (application.Form.ProgrammeId is { } id && await evaluator.ProgrammeAsync(id, ct) is null)
            errors.Add("programmeId", EligibilityEvaluator.UnknownProgramme);
        return errors;
    }

    public async Task OnSubmittedAsync(Application application, Actor actor, CancellationToken ct) =>
        evaluator.Record(application, await evaluator.EvaluateAsync(application.Form, application.ArrivalDate, ct), actor, clock.Now, EligibilityRun.Submitted);
}

/// <summary>The latest stored run: for the kansli, the LSG (replacing its default source) and the board's proposals.</summary>
public sealed class StoredFindings(GrantsDbContext db) : IEligibilityFindings, Lsg.IRuleFindingsSource
{
    public async Task<IReadOnlyList<RuleFinding>> LatestAsync(Guid applicationId, CancellationToken ct) =>
        (await LatestRunAsync(applicationId, ct))?.Findings ?? [];

    public async Task<IReadOnlyList<Lsg.RuleFindingView>> ForAsync(Application application, CancellationToken ct) =>
        (await LatestAsync(application.Id, ct))
            .Select(f => new Lsg.RuleFindingView(f.Level, f.Clause is null ? f.Message : $"{f.Message} Förslag till villkor: {f.Clause}."))
            .ToList();

    public Task<EligibilityRun?> LatestRunAsync(Guid applicationId, CancellationToken ct) =>
        db.EligibilityRuns.AsNoTracking().Where(r => r.ApplicationId == applicationId)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
}
