using Grants.Applications;
using Grants.Demo.Cases;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Demo;

/// <summary>
/// The eight cases of seeds/004 (Samordningsförbundet Skellefteå-Norsjö, spring 2015) as demo applications:
/// READY, Knut'n 2.0, Orienteringskurs i samverkan, VIA, Växthuset, Aktiv uppföljning, Solen and Migrantmödrar.
/// Organisations, amounts per year, periods, target groups and partners follow the notice, the minutes
/// (§ 601–606) and the two filled-in forms; every person is fictional.
/// Seven are received (SKN 2015/1–7, arrival in May 2015, version 1); Migrantmödrar is a draft of the demo
/// applicant's organisation (Skellefteå kommun) for the demo applicant to continue.
/// </summary>
public static class DemoApplications
{
    public sealed record DemoOrganisation(string Name, string OrganisationNumber);

    /// <summary>
    /// Every applying organisation. The two kommuner and their organisationsnummer are the sources' own.
    /// The other four organisationsnummer are NOT in the sources: they are constructed for the demo
    /// (a legal-person prefix and a valid Luhn check digit) and are not meant to be the organisations' real ones.
    /// </summary>
    public static readonly DemoOrganisation[] Organisations =
    [
        new("Skellefteå kommun", "212000-2643"),
        new("Norsjö kommun", "212000-2858"),
        new("Studieförbundet Bilda Nord", Orienteringskurs.OrganisationNumber),
        new("Medlefors folkhögskola", Via.OrganisationNumber),
        new("Urkraft Service AB", Vaxthuset.OrganisationNumber),
        new("Skellefteå Stadsmission", AktivUppfoljning.OrganisationNumber),
    ];

    /// <summary>How a received case was submitted: its diarienummer sequence, ankomstdatum and by which demo user.</summary>
    public sealed record DemoSubmission(int Sequence, DateOnly ArrivalDate, string SubmittedByEmail);

    /// <summary>One demo application: the applying organisation, its form, and its submission (none for a draft).</summary>
    public sealed record DemoCase(string Key, string OrganisationNumber, ApplicationForm Form, DemoSubmission? Submission);

    public const int RegistrationYear = 2015;

    /// <summary>The cases in arrival order; each call builds fresh forms.</summary>
    public static IReadOnlyList<DemoCase> Cases() =>
    [
        Orienteringskurs.Create(),
        Via.Create(),
        Vaxthuset.Create(),
        AktivUppfoljning.Create(),
        Solen.Create(),
        Ready.Create(),
        KnutN.Create(),
        Migrantmodrar.Create(),
    ];

    /// <summary>
    /// Stores the cases through the aggregate (Start, then Submit for received ones) with audit rows, and sets the
    /// registration counter so later submissions continue the series. Expects the organisations and demo users
    /// (see <see cref="DemoData"/>) to exist; runs only when there are no applications yet.
    /// </summary>
    public static async Task LoadAsync(GrantsDbContext db, DateTimeOffset now, Workflow.IWorkflowEngine workflow)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var prefix = (await db.AssociationProfiles.AsNoTracking().SingleOrDefaultAsync())?.RegistrationPrefix ?? "SKN";
        var lastPerYear = new Dictionary<int, int>();

        foreach (var demo in Cases())
        {
            var digits = SwedishIdentifiers.Digits(demo.OrganisationNumber);
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationNumber == digits)
                ?? throw new InvalidOperationException($"Demo organisation {demo.OrganisationNumber} is missing; add it to {nameof(Organisations)}.");

            if (demo.Submission is not { } s)
            {
                var owner = await ActorAsync(db, DemoData.Users.First(u => u.Role == Roles.Applicant && u.OrganisationNumber == demo.OrganisationNumber).Email);
                var draft = Application.Start(organisation.Id, demo.Form, owner, now);
                db.Applications.Add(draft);
                await Started(workflow.StartAsync(draft, Application.WorkflowKey, owner, null, default));
                db.AuditEntries.Add(AuditEntry.Of(owner, now, nameof(Application), draft.Id.ToString(), "application.created"));
                continue;
            }

            var actor = await ActorAsync(db, s.SubmittedByEmail);
            var onBehalf = actor.Role != Roles.Applicant;
            var receivedAt = At(s.ArrivalDate, new TimeOnly(10, 15), zone);
            var startedAt = receivedAt.AddHours(-1);
            var app = Application.Start(organisation.Id, demo.Form, actor, startedAt);
            var year = s.ArrivalDate.Year;
            var number = RegistrationNumbers.Format(prefix, year, s.Sequence);
            app.Submit(receivedAt, s.ArrivalDate, actor, onBehalf);
            app.Register(number, year, s.Sequence);
            db.Applications.Add(app);
            // The state change is the workflow's, as for a real submission.
            await Started(workflow.StartAsync(app, Application.WorkflowKey, actor, null, default));
            await Started(workflow.ApplyAsync(app, Workflow.Door.Submit, SubmitApplication.SubmitTrigger, actor, onBehalf ? "Pappersansökan registrerad av kansliet" : null, default));
            db.AuditEntries.Add(AuditEntry.Of(actor, startedAt, nameof(Application), app.Id.ToString(), "application.created"));
            db.AuditEntries.Add(AuditEntry.Of(actor, receivedAt, nameof(Application), app.Id.ToString(), "application.submitted", number));
            lastPerYear[year] = Math.Max(lastPerYear.GetValueOrDefault(year), s.Sequence);
        }

        foreach (var (year, last) in lastPerYear)
        {
            var counter = await db.RegistrationCounters.SingleOrDefaultAsync(c => c.Year == year);
            if (counter is null) db.RegistrationCounters.Add(new RegistrationCounter { Year = year, Last = last });
            else counter.Last = Math.Max(counter.Last, last);
        }
        await db.SaveChangesAsync();
    }

    private static async Task Started(Task<Outcome<Workflow.WorkflowTransition>> step)
    {
        var outcome = await step;
        if (!outcome.IsOk) throw new InvalidOperationException($"Demo workflow step refused: {outcome.Message}");
    }

    private static async Task<Actor> ActorAsync(GrantsDbContext db, string email)
    {
        var demoUser = DemoData.Users.Single(u => u.Email == email);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email)
            ?? throw new InvalidOperationException($"Demo user {email} must exist before the demo applications are loaded.");
        return new Actor(user.Id, user.DisplayName, demoUser.Role);
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
