using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>
/// A check that can refuse a submission with field errors (the eligibility rules' hinder plug in here),
/// and that may record what it found once the submission is accepted.
/// </summary>
public interface ISubmitCheck
{
    /// <param name="arrivalDate">The ankomstdatum the application has or is about to get (null while it stays a draft).</param>
    /// <param name="formErrors">What the submit validation already found, so a field is not told twice and the form is validated once.</param>
    Task<ValidationErrors> CheckAsync(Application application, DateOnly? arrivalDate, ValidationErrors formErrors, CancellationToken ct);
    Task OnSubmittedAsync(Application application, Actor actor, CancellationToken ct);
}

/// <summary>
/// Submits (or, for the kansli, registers) a complete application: stamps ankomstdatum in the förbund's
/// time zone and takes the next diarienummer in the same transaction that stores it.
/// The state change itself is the workflow's "skicka-in" transition (workflows/ansokan.json), fired through the engine in that transaction.
/// </summary>
public sealed class SubmitApplication(GrantsDbContext db, ProfileStore profiles, LocalClock clock, WriteGate gate, HinderCheck hinder, IEnumerable<ISubmitCheck> checks, IWorkflowEngine workflow)
{
    public async Task<Outcome<Application>> HandleAsync(ClaimsPrincipal user, Guid id, int? expectedVersion, CancellationToken ct)
    {
        if (!ApplicationAccess.MayWrite(user)) return Outcome<Application>.Forbidden("Din roll får inte skicka in ansökningar.");
        // One connection for the whole submit: EF would otherwise open and close it around each of its ~8 reads.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SubmitAsync(user, id, expectedVersion, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Outcome<Application>> SubmitAsync(ClaimsPrincipal user, Guid id, int? expectedVersion, CancellationToken ct)
    {
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return Outcome<Application>.NotFound();
        if (!app.IsDraft) return Outcome<Application>.Conflict($"Ansökan är redan inskickad ({app.RegistrationNumber}).");
        if (expectedVersion is { } v && v != app.Version)
            return Outcome<Application>.Conflict("Ansökan har ändrats sedan du öppnade den. Ladda om och försök igen.");

        var profile = await profiles.GetAsync(ct);
        var now = clock.Now;
        var arrival = clock.DateOf(now);
        // Checked against the arrival it is about to get, so the workflow guard and the stored run below reuse
        // this one validation and rule evaluation instead of running them again once the date is stamped.
        var errors = await hinder.FindAsync(app, arrival, ct);
        if (!errors.IsEmpty) return Outcome<Application>.Invalid(errors);

        var actor = Actor.From(user);
        var onBehalf = !user.IsInRole(Identity.Roles.Applicant);

        // Everything but the number is prepared before the write lock: the workflow step (its guards read),
        // version 1 and the audit row. The Version token still refuses a concurrent change at save.
        // (For SQLite the gate is the write lock; PostgreSQL's writers wait only on the rows they touch.)
        app.Submit(now, arrival, actor, onBehalf);
        if (app.WorkflowHash is null)
        {
            var started = await workflow.StartAsync(app, Application.WorkflowKey, actor, null, ct);
            if (!started.IsOk) return Discard<WorkflowTransition>(started);
        }
        var fired = await workflow.ApplyAsync(app, Door.Submit, SubmitTrigger, actor, onBehalf ? "Pappersansökan registrerad av kansliet" : null, ct);
        if (!fired.IsOk) return Discard<WorkflowTransition>(fired);
        foreach (var check in checks) await check.OnSubmittedAsync(app, actor, ct);
        var audit = AuditEntry.Of(actor, now, nameof(Application), app.Id.ToString(), "application.submitted");
        db.AuditEntries.Add(audit);
        // The kvittens is owed from this commit on; the receipt step renders the PDF outside the write lock.
        db.ApplicationReceipts.Add(new ApplicationReceipt { ApplicationId = app.Id, CreatedAt = now });

        // Change detection over everything prepared runs here, once.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            using var _ = await gate.EnterForCounterAsync(ct);
            db.Database.AutoSavepointsEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Everything but the state and the number is written first: the row stays utkast until the one command
            // that takes the number and stamps it with the new state, so the counter is held only from there to commit.
            var state = app.State;
            var entry = db.Entry(app);
            entry.Property(a => a.State).IsModified = false; // EF puts the original (utkast) back until the stamp
            var saved = await db.SaveOrConflictAsync(app, ct, Conflict, tx: null);
            if (!saved.IsOk) return await RollBackAsync(tx, saved);
            var stamped = await RegistrationNumbers.StampAsync(db, app, profile.RegistrationPrefix, arrival.Year, state, app.Version, audit.Id, ct);
            if (stamped is not { } number) return await RollBackAsync(tx, Outcome<Application>.ConcurrentChange(Conflict));
            entry.Property(a => a.State).CurrentValue = state;
            app.Register(number.Number, arrival.Year, number.Sequence);
            audit.Details = number.Number;
            // The rows now hold what the entities do (setting an entry Unchanged would instead put the originals back).
            db.ChangeTracker.DetectChanges();
            db.ChangeTracker.AcceptAllChanges();
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await workflow.RunPendingActionsAsync(ct);
        return app;
    }

    private const string Conflict = "Ansökan skickades in eller ändrades av någon annan samtidigt. Ladda om sidan.";

    private async Task<Outcome<Application>> RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, Outcome<Application> refused)
    {
        await tx.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return refused;
    }

    public const string SubmitTrigger = ApplicationWorkflow.Triggers.Submit;

    /// <summary>Nothing was written yet: forget the prepared changes and pass the refusal on.</summary>
    private Outcome<Application> Discard<T>(Outcome<T> failed)
    {
        db.ChangeTracker.Clear();
        return Outcome.From<Application, T>(failed);
    }
}
