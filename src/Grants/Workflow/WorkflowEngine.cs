using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stateless;

namespace Grants.Workflow;

/// <summary>Runs <see cref="WorkflowDefinition"/>s on Stateless with the state kept on the subject (external storage).</summary>
public sealed class WorkflowEngine(
    GrantsDbContext db,
    WorkflowRegistry registry,
    IEnumerable<IGuardFact> facts,
    PendingActionRunner actions,
    CatalogueProvider catalogue,
    WorkflowFolder folder,
    TimeProvider time,
    Hangfire.IBackgroundJobClient jobs,
    IOptions<AppOptions> app) : IWorkflowEngine
{
    public const string ConcurrencyMessage = "Någon annan ändrade ärendet samtidigt. Ladda om sidan och försök igen.";
    private readonly Dictionary<string, IGuardFact> _facts = facts.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last());
    // Whether this unit of work wrote entry actions: a request that wrote none leaves older ones to the sweep
    // rather than query the outbox on every transition.
    private bool _enqueued;

    public async Task<Outcome<WorkflowTransition>> StartAsync(IWorkflowSubject subject, string definitionKey, Actor actor, string? comment, CancellationToken ct)
    {
        if (subject.WorkflowHash is not null) return Outcome<WorkflowTransition>.Conflict("Ärendet har redan ett arbetsflöde.");
        EnsureLoaded();
        var def = registry.CurrentOf(definitionKey);
        await EnsureStoredAsync(def, ct);
        var now = time.GetUtcNow();
        subject.PinWorkflow(def.Key, def.Hash);
        // A subject that already has a state of the definition (a record from before the workflow) keeps it.
        subject.SetWorkflowState(def.FindState(subject.State) is null ? def.Initial : subject.State, actor, now);
        return await EnterAsync(def, subject, null, null, actor, comment, now, ct);
    }

    public async Task<Outcome<WorkflowTransition>> ApplyAsync(IWorkflowSubject subject, Door door, string trigger, Actor actor, string? comment, CancellationToken ct)
    {
        var def = await DefinitionOfAsync(subject, ct);
        var from = subject.State;
        var state = def.State(from);
        if (def.FindTrigger(trigger) is null) return Outcome<WorkflowTransition>.Conflict($"Händelsen '{trigger}' finns inte i arbetsflödet.");
        // The door comes first: a use-case trigger through the generic door is refused whoever asks and whatever the state.
        var expected = DoorOf(def, trigger);
        if (expected != door)
            return Outcome<WorkflowTransition>.Conflict(expected == Door.NextStep
                ? $"{def.TriggerLabel(trigger)} är ett nästa steg i handläggningen och görs inte genom {Lower(door.Description)}."
                : $"{def.TriggerLabel(trigger)} kan inte göras som ett allmänt steg: det görs genom {Lower(expected?.Description ?? "(okänd väg)")}.");
        var transition = def.From(from).FirstOrDefault(t => t.Trigger == trigger);
        if (transition is null)
            return Outcome<WorkflowTransition>.Conflict($"Det går inte att {Lower(def.TriggerLabel(trigger))} när ärendet har status {state.StaffLabel}.");
        if (!transition.Roles.Any(actor.Has))
            return Outcome<WorkflowTransition>.Forbidden($"Rollen {RoleName(actor.Role)} får inte {Lower(def.TriggerLabel(trigger))}.");
        // Recorded in the role the transition allows, for a user holding several roles.
        actor = actor.ActingAs(transition.Roles);
        var holds = await EvaluateAsync(def, from, subject, ct);
        var failed = transition.Guards.FirstOrDefault(g => !holds[g]);
        if (failed is not null) return Outcome<WorkflowTransition>.Conflict(_facts[failed].FailureMessage);

        var now = time.GetUtcNow();
        var machine = Build(def, subject, actor, now, holds);
        await machine.FireAsync(trigger);

        // Open timers belong only to the state the subject is in (entering adds that state's timers, every transition
        // cancels the others), so a state without timers has none to cancel and the query is skipped.
        if (def.Timers.Any(t => t.State == from))
        {
            foreach (var timer in await db.WorkflowTimers
                         .Where(t => t.SubjectType == subject.SubjectType && t.SubjectId == subject.SubjectId && t.FiredAt == null && t.CancelledAt == null)
                         .ToListAsync(ct))
            {
                if (timer.FiredAt is null && timer.State != subject.State) timer.CancelledAt = now;
            }
        }
        return await EnterAsync(def, subject, from, trigger, actor, comment, now, ct);
    }

    public async Task<Outcome<WorkflowTransition>> FireAsync(IWorkflowSubject subject, Door door, string trigger, Actor actor, string? comment, CancellationToken ct)
    {
        var outcome = await ApplyAsync(subject, door, trigger, actor, comment, ct);
        if (!outcome.IsOk) return outcome;
        var saved = await db.SaveOrConflictAsync(outcome.Value!, ct, ConcurrencyMessage);
        if (!saved.IsOk) return saved;
        if (db.Database.CurrentTransaction is null)
        {
            await RunPendingActionsAsync(ct);
            // The entry mails were committed with the transition: deliver them now rather than at the next sweep.
            Mail.OutboxSweepStep.Kick(jobs);
        }
        return outcome;
    }

    public async Task<IReadOnlyList<PermittedTrigger>> PermittedTriggersAsync(IWorkflowSubject subject, Actor actor, CancellationToken ct)
    {
        if (subject.WorkflowHash is null) return [];
        var def = await DefinitionOfAsync(subject, ct);
        var holds = await EvaluateAsync(def, subject.State, subject, ct);
        var machine = Build(def, subject, actor, time.GetUtcNow(), holds);
        return def.From(subject.State)
            .Where(t => machine.CanFire(t.Trigger))
            .Select(t => new PermittedTrigger(t.Trigger, def.TriggerLabel(t.Trigger), t.To, def.State(t.To).StaffLabel, DoorOf(def, t.Trigger)?.Key ?? ""))
            .ToList();
    }

    public async Task<WorkflowStateView> CurrentStateAsync(IWorkflowSubject subject, CancellationToken ct)
    {
        var def = await DefinitionOfAsync(subject, ct);
        var s = def.State(subject.State);
        return new WorkflowStateView(def.Key, def.Hash, s.Key, s.StaffLabel, s.ApplicantLabel, s.Final);
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(IWorkflowSubject subject, CancellationToken ct)
    {
        var rows = await db.WorkflowTransitions.AsNoTracking()
            .Where(t => t.SubjectType == subject.SubjectType && t.SubjectId == subject.SubjectId)
            .OrderBy(t => t.Id).ToListAsync(ct);
        var list = new List<TimelineEntry>();
        foreach (var r in rows)
        {
            var def = await DefinitionAsync(r.DefinitionKey, r.DefinitionHash, ct);
            var to = def.State(r.ToState);
            list.Add(new TimelineEntry(r.At, r.FromState, r.ToState, r.FromState is null ? null : def.FindState(r.FromState)?.StaffLabel,
                to.StaffLabel, to.ApplicantLabel, r.Trigger, r.Trigger is null ? null : def.TriggerDoneLabel(r.Trigger), r.UserName, r.Role, r.Comment, r.DefinitionHash));
        }
        return list;
    }

    public async Task<string> DiagramAsync(string definitionKey, string? hash, string? currentState, CancellationToken ct)
    {
        EnsureLoaded();
        var def = hash is null ? registry.CurrentOf(definitionKey) : await DefinitionAsync(definitionKey, hash, ct);
        return MermaidDiagram.Of(def, currentState);
    }

    public Task RunPendingActionsAsync(CancellationToken ct) => _enqueued ? actions.RunAsync(ct) : Task.CompletedTask;

    public async Task RescheduleTimersAsync(IWorkflowSubject subject, CancellationToken ct)
    {
        var def = await DefinitionOfAsync(subject, ct);
        var now = time.GetUtcNow();
        await db.WorkflowTimers.Where(t => t.SubjectType == subject.SubjectType && t.SubjectId == subject.SubjectId && t.FiredAt == null && t.CancelledAt == null)
            .LoadAsync(ct);
        var open = db.WorkflowTimers.Local
            .Where(t => t.SubjectType == subject.SubjectType && t.SubjectId == subject.SubjectId && t.FiredAt == null && t.CancelledAt == null).ToList();
        foreach (var t in def.Timers.Where(t => t.State == subject.State && t.DateField is not null))
        {
            var due = DueAt(t, subject, now);
            var current = open.Where(x => x.TimerKey == t.Key && x.State == t.State).ToList();
            if (current.Count == 1 && current[0].DueAt == due) continue;
            foreach (var x in current) x.CancelledAt = now;
            if (due is not { } at) continue;
            db.WorkflowTimers.Add(new WorkflowTimer
            {
                SubjectType = subject.SubjectType, SubjectId = subject.SubjectId, TimerKey = t.Key, State = t.State, Trigger = t.Trigger, DueAt = at, CreatedAt = now,
            });
        }
    }

    /// <summary>The version the subject is pinned to: from memory, else from the stored versions.</summary>
    public async Task<WorkflowDefinition> DefinitionOfAsync(IWorkflowSubject subject, CancellationToken ct) =>
        subject.WorkflowKey is { } key && subject.WorkflowHash is { } hash
            ? await DefinitionAsync(key, hash, ct)
            : throw new DomainConflictException("Ärendet har inget arbetsflöde.");

    public async Task<WorkflowDefinition> DefinitionAsync(string key, string hash, CancellationToken ct)
    {
        if (registry.Find(key, hash) is { } known) return known;
        var stored = await db.WorkflowDefinitionVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Key == key && v.Hash == hash, ct)
            ?? throw new InvalidOperationException($"Workflow {key} version {hash} is not stored.");
        var def = DefinitionLoader.Parse(stored.Json, stored.FileName);
        registry.Remember(def);
        return def;
    }

    /// <summary>Work done before the host has started (migrations, demo data) loads the definitions itself.</summary>
    private void EnsureLoaded()
    {
        if (!registry.IsLoaded) registry.LoadFolder(folder.Path, catalogue.Build());
    }

    private async Task EnsureStoredAsync(WorkflowDefinition def, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<WorkflowDefinitionVersion>().Any(e => e.Entity.Key == def.Key && e.Entity.Hash == def.Hash);
        if (tracked || await db.WorkflowDefinitionVersions.AnyAsync(v => v.Key == def.Key && v.Hash == def.Hash, ct)) return;
        db.WorkflowDefinitionVersions.Add(new WorkflowDefinitionVersion { Key = def.Key, Hash = def.Hash, FileName = def.FileName, Json = def.Json, FirstLoadedAt = time.GetUtcNow() });
    }

    private async Task<Dictionary<string, bool>> EvaluateAsync(WorkflowDefinition def, string state, IWorkflowSubject subject, CancellationToken ct)
    {
        var result = new Dictionary<string, bool>();
        foreach (var key in def.From(state).SelectMany(t => t.Guards).Distinct())
            result[key] = await _facts[key].HoldsAsync(subject, ct);
        return result;
    }

    private static StateMachine<string, string> Build(WorkflowDefinition def, IWorkflowSubject subject, Actor actor, DateTimeOffset now, Dictionary<string, bool> holds)
    {
        var machine = new StateMachine<string, string>(() => subject.State, s => subject.SetWorkflowState(s, actor, now));
        foreach (var state in def.States)
        {
            var config = machine.Configure(state.Key);
            foreach (var t in def.From(state.Key))
            {
                var guards = t.Guards.Select(g => new Tuple<Func<bool>, string>(() => holds.GetValueOrDefault(g), g))
                    .Prepend(new Tuple<Func<bool>, string>(() => t.Roles.Any(actor.Has), "roll"))
                    .ToArray();
                config.PermitIf(t.Trigger, t.To, guards);
            }
        }
        return machine;
    }

    private async Task<Outcome<WorkflowTransition>> EnterAsync(WorkflowDefinition def, IWorkflowSubject subject, string? from, string? trigger,
        Actor actor, string? comment, DateTimeOffset now, CancellationToken ct)
    {
        var state = def.State(subject.State);
        var record = new WorkflowTransition
        {
            SubjectType = subject.SubjectType, SubjectId = subject.SubjectId, DefinitionKey = def.Key, DefinitionHash = def.Hash,
            FromState = from, ToState = state.Key, Trigger = trigger, At = now,
            UserId = actor.UserId, UserName = actor.Name, Role = actor.Role, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
        db.WorkflowTransitions.Add(record);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, subject.SubjectType, subject.SubjectId, "workflow.transition", $"{from ?? "start"} → {state.Key}"));
        foreach (var a in state.OnEntry)
        {
            // Mails become outbox rows in this unit of work: committed with the transition or not at all.
            if (actions.RunsInTransaction(a.Action))
            {
                await actions.RunInTransactionAsync(subject, def, state, a, record, ct);
                continue;
            }
            _enqueued = true;
            db.WorkflowPendingActions.Add(new WorkflowPendingAction
            {
                SubjectType = subject.SubjectType, SubjectId = subject.SubjectId, Transition = record, State = state.Key,
                Action = a.Action, Parameters = new Dictionary<string, string>(a.With), CreatedAt = now,
            });
        }
        foreach (var t in def.Timers.Where(t => t.State == state.Key))
        {
            if (DueAt(t, subject, now) is not { } due) continue;
            db.WorkflowTimers.Add(new WorkflowTimer
            {
                SubjectType = subject.SubjectType, SubjectId = subject.SubjectId, TimerKey = t.Key, State = state.Key,
                Trigger = t.Trigger, DueAt = due, CreatedAt = now,
            });
        }
        return record;
    }

    /// <summary>"after": from entry. "dateField": when that local date (moved by the offset) has passed, i.e. at the next local midnight.</summary>
    private DateTimeOffset? DueAt(TimerDefinition t, IWorkflowSubject subject, DateTimeOffset now)
    {
        if (t.After is not null && DefinitionLoader.TryDuration(t.After, out var after)) return now + after;
        if (t.DateField is null || subject.DateField(t.DateField) is not { } date) return null;
        var offset = t.Offset is not null && DefinitionLoader.TryDuration(t.Offset, out var o) ? o : TimeSpan.Zero;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(app.Value.TimeZone);
        var localMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue) + offset;
        return new DateTimeOffset(localMidnight, zone.GetUtcOffset(localMidnight)).ToUniversalTime();
    }

    /// <summary>
    /// The door a trigger is fired through. A stored version from before doors were declared takes the door of the
    /// same trigger in the current definition, so an application pinned to it cannot be walked around either.
    /// </summary>
    private Door? DoorOf(WorkflowDefinition def, string trigger)
    {
        var declared = def.FindTrigger(trigger)?.Door;
        if (string.IsNullOrEmpty(declared) && registry.Current.TryGetValue(def.Key, out var current)) declared = current.FindTrigger(trigger)?.Door;
        return Door.Find(declared ?? "");
    }

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
    private static string RoleName(string role) => role.Length == 0 ? "(ingen roll)" : role;
}
