using Grants.Applications;
using Grants.FollowUp;
using Grants.Infrastructure;
using Grants.Lsg;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Workflow;

/// <summary>Puts subjects into a given state with the facts their guards need, straight in the database.</summary>
public static class WorkflowArrange
{
    private static int _sequence;

    public static async Task<Guid> ApplicationInAsync(WorkflowHost host, string state, string? trigger = null, ApplicationForm? form = null)
    {
        var org = await host.OrganisationAsync();
        await using var scope = host.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GrantsDbContext>();
        var registry = sp.GetRequiredService<WorkflowRegistry>();
        var now = host.Time.GetUtcNow();
        var financing = trigger switch
        {
            "finansiar-avslog" => new[] { new OtherFunder { Name = "Europeiska socialfonden", Amount = 100_000, Status = FunderStatus.Avslagen } },
            "villkor-uppfyllda" => [new OtherFunder { Name = "Europeiska socialfonden", Amount = 100_000, Status = FunderStatus.Beviljad }],
            _ => [],
        };
        var app = Application.Start(org.Id, form ?? Forms.Complete($"Projekt i {state}", financing), new Actor("seed", "Seed", "Kansli"), now);
        if (state != ApplicationStates.Draft)
        {
            // A record beyond utkast always has its diarienummer and ankomstdatum (a database check keeps it so).
            var sequence = Interlocked.Increment(ref _sequence);
            app.Submit(now, DateOnly.FromDateTime(now.UtcDateTime), new Actor("seed", "Seed", "Kansli"), onBehalf: true);
            app.Register($"TEST-1999-{sequence:D5}", 1999, sequence);
        }
        app.State = state;
        app.WorkflowHash = registry.CurrentOf(Application.WorkflowKey).Hash;
        db.Applications.Add(app);
        // The condition guards read the follow-up's condition rows: one settled the way the trigger needs.
        if (trigger is "villkor-uppfyllda" or "finansiar-avslog")
            db.Conditions.Add(new Condition
            {
                ApplicationId = app.Id, Number = 1, Text = "Europeiska socialfonden beviljar ansökta medel", Funder = "Europeiska socialfonden",
                Status = trigger == "villkor-uppfyllda" ? ConditionStatus.Met : ConditionStatus.Declined,
            });
        if (state is "hos-lsg" or "tillstyrkt" or "avstyrkt" or "bordlagd")
        {
            db.WorkflowTransitions.Add(new WorkflowTransition
            {
                SubjectType = Application.SubjectType, SubjectId = app.Id.ToString(), DefinitionKey = "ansokan", DefinitionHash = app.WorkflowHash,
                FromState = "under-beredning", ToState = "hos-lsg", Trigger = "remittera-lsg", At = now, UserId = "seed", UserName = "Seed", Role = "Kansli",
            });
            var meeting = new LsgMeeting { Date = new DateOnly(2026, 2, 24), CreatedAt = now };
            if (await db.LsgMeetings.SingleOrDefaultAsync(m => m.Date == meeting.Date) is { } existing) meeting = existing;
            else db.LsgMeetings.Add(meeting);
            var recommendation = trigger == "avstyrk" ? LsgRecommendation.AdviseAgainst : LsgRecommendation.Recommend;
            if (state != "hos-lsg" || trigger is "tillstyrk" or "avstyrk")
            {
                db.LsgStatements.Add(new LsgStatement
                {
                    ApplicationId = app.Id, MeetingId = meeting.Id, MeetingDate = meeting.Date, Recommendation = recommendation,
                    Reason = recommendation == LsgRecommendation.AdviseAgainst ? "ordinarie uppdrag" : null,
                    Sentence = LsgSentence.Of(recommendation, meeting.Date, "ordinarie uppdrag", null), RecordedAt = now, RecordedBy = "Seed",
                });
            }
        }
        await db.SaveChangesAsync();
        return app.Id;
    }

    public static async Task<Guid> CaseInAsync(WorkflowHost host, string state, DateOnly dueDate, string? hash = null)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<WorkflowRegistry>();
        var c = new WorkflowCase
        {
            DefinitionKey = "aterrapport", DefinitionHash = hash ?? registry.CurrentOf("aterrapport").Hash, CurrentState = state,
            CaseTitle = "Lägesrapport våren 2027", ContactEmail = "rita.rektor@test.example", Dates = new() { ["dueDate"] = dueDate },
        };
        db.WorkflowCases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>Fires through <paramref name="door"/>, by default the door the current definition declares for the trigger.</summary>
    public static async Task<(OutcomeKind Kind, string? Message, string State)> FireAsync(WorkflowHost host, string subjectType, Guid id, string trigger, string role, Door? door = null)
    {
        await using var scope = host.Scope();
        var sp = scope.ServiceProvider;
        var engine = sp.GetRequiredService<IWorkflowEngine>();
        var subject = await sp.GetServices<IWorkflowSubjectStore>().Single(s => s.SubjectType == subjectType).FindAsync(id.ToString(), default)
            ?? throw new InvalidOperationException("subject missing");
        var registry = sp.GetRequiredService<WorkflowRegistry>();
        door ??= Door.Find(registry.Current.Values.Single(d => d.Key == subject.WorkflowKey).FindTrigger(trigger)?.Door ?? "") ?? Door.NextStep;
        // The submit door's use case stamps ankomstdatum and diarienummer first (the database refuses a record without them).
        if (door == Door.Submit && subject is Application { IsDraft: true } draft)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            draft.Submit(host.Time.GetUtcNow(), DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime), new Actor("seed", "Seed", "Kansli"), onBehalf: true);
            draft.Register($"TEST-1999-{sequence:D5}", 1999, sequence);
        }
        var outcome = await engine.FireAsync(subject, door, trigger, new Actor("u-" + role, "Test " + role, role), "test", default);
        var db = sp.GetRequiredService<GrantsDbContext>();
        db.ChangeTracker.Clear();
        var reloaded = await sp.GetServices<IWorkflowSubjectStore>().Single(s => s.SubjectType == subjectType).FindAsync(id.ToString(), default);
        return (outcome.Kind, outcome.Message, reloaded!.State);
    }
}
