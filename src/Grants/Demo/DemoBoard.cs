using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Lsg;
using Grants.Meetings;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Demo;

/// <summary>
/// The demo förbund's board (fictional names; the demo Styrelse user is the ordförande) and an upcoming meeting
/// two weeks ahead whose agenda holds the cases the LSG has handled: READY, Knut'n 2.0 and VIA tillstyrkta, Orienteringskurs i samverkan avstyrkt — moved there through the workflow as the kansli and the LSG would.
/// Växthuset waits in the LSG's queue (handed over by the kansli, no statement yet), so the demo LSG user has work.
/// Runs once (when there is no board yet).
/// </summary>
public sealed class DemoBoard(GrantsDbContext db, IWorkflowEngine workflow, AgendaPrefill prefill, LocalClock clock)
{
    private static readonly (string Name, string Email, string? Member, BoardRole Role, BoardOffice Office, string? DeputyFor)[] People =
    [
        ("Stina Styrelse", "styrelse@demo.grants.se", "skelleftea", BoardRole.Ledamot, BoardOffice.Ordforande, null),
        ("Viktor Vice", "viktor.vice@demo.grants.se", "fk", BoardRole.Ledamot, BoardOffice.ViceOrdforande, null),
        ("Nora Nordin", "nora.nordin@demo.grants.se", "norsjo", BoardRole.Ledamot, BoardOffice.None, null),
        ("Arvid Ahlström", "arvid.ahlstrom@demo.grants.se", "af", BoardRole.Ledamot, BoardOffice.None, null),
        ("Rebecka Rudin", "rebecka.rudin@demo.grants.se", "region-vb", BoardRole.Ledamot, BoardOffice.None, null),
        ("Elin Ersättare", "elin.ersattare@demo.grants.se", "skelleftea", BoardRole.Ersattare, BoardOffice.None, "Stina Styrelse"),
        ("Fredrik Forsberg", "fredrik.forsberg@demo.grants.se", "fk", BoardRole.Ersattare, BoardOffice.None, "Viktor Vice"),
        ("Hanna Holm", "hanna.holm@demo.grants.se", "norsjo", BoardRole.Ersattare, BoardOffice.None, "Nora Nordin"),
        ("Amir Aziz", "amir.aziz@demo.grants.se", "af", BoardRole.Ersattare, BoardOffice.None, "Arvid Ahlström"),
        ("Ronja Rask", "ronja.rask@demo.grants.se", "region-vb", BoardRole.Ersattare, BoardOffice.None, "Rebecka Rudin"),
        ("Karin Kansli", "kansli@demo.grants.se", null, BoardRole.Forbundschef, BoardOffice.None, null),
    ];

    private static readonly (string Project, LsgRecommendation Recommendation, string? Reason)[] Cases =
    [
        ("READY", LsgRecommendation.Recommend, null),
        ("Knut'n 2.0", LsgRecommendation.Recommend, null),
        ("VIA", LsgRecommendation.Recommend, null),
        ("Orienteringskurs i samverkan", LsgRecommendation.AdviseAgainst, "det låga antalet deltagare i förhållande till projektets kostnader"),
    ];

    /// <summary>The demo case left in the LSG's queue.</summary>
    public const string AtLsg = "Växthuset";

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.BoardMembers.AnyAsync(ct)) return;
        var now = clock.Now;
        var today = clock.Today;
        var termStart = new DateOnly(today.Year - 1, 4, 1);
        var members = new List<BoardMember>();
        foreach (var p in People)
        {
            members.Add(new BoardMember
            {
                Name = p.Name, Email = p.Email, MemberKey = p.Member, Role = p.Role, Office = p.Office,
                DeputyForId = p.DeputyFor is null ? null : members.Single(m => m.Name == p.DeputyFor).Id,
                TermStart = termStart, TermEnd = termStart.AddYears(4).AddDays(-1), CreatedAt = now, CreatedBy = "demo",
            });
        }
        db.BoardMembers.AddRange(members);

        var kansliUser = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "kansli@demo.grants.se", ct);
        var kansli = new Actor(kansliUser.Id, kansliUser.DisplayName, Roles.Secretariat);
        var lsgMeeting = new LsgMeeting { Date = today.AddDays(-7), CreatedAt = now, CreatedBy = "demo" };
        db.LsgMeetings.Add(lsgMeeting);

        var meeting = new Meeting
        {
            Date = today.AddDays(14), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0),
            Place = "Förbundskansliet, sammanträdesrummet", CreatedAt = now, CreatedBy = "demo",
        };
        var position = 1;
        foreach (var (key, title, proposal) in CreateMeeting.Leading)
            meeting.Items.Add(new AgendaItem { Position = position++, Kind = AgendaItemKind.Standing, StandingKey = key, Title = title, Proposal = [proposal] });
        var economy = await prefill.EconomicReportAsync(meeting.Date, ct);
        economy.Position = position++;
        meeting.Items.Add(economy);

        foreach (var (project, recommendation, reason) in Cases)
        {
            var app = await db.Applications.Include(a => a.Organisation).SingleAsync(a => a.ProjectName.StartsWith(project), ct);
            foreach (var trigger in new[] { ApplicationWorkflow.Triggers.StartPreparation, ApplicationWorkflow.Triggers.ReferToLsg }) await Fire(app, Door.NextStep, trigger, kansli, ct);
            var statement = new LsgStatement
            {
                ApplicationId = app.Id, MeetingId = lsgMeeting.Id, MeetingDate = lsgMeeting.Date, Recommendation = recommendation, Reason = reason,
                // Read the clock again: the guard counts statements recorded after the case reached the LSG.
                Sentence = LsgSentence.Of(recommendation, lsgMeeting.Date, reason, null), RecordedAt = clock.Now,
                RecordedByUserId = kansli.UserId, RecordedBy = kansli.Name, RecordedByRole = kansli.Role,
            };
            db.LsgStatements.Add(statement);
            // The guards read the statement from the database.
            await db.SaveChangesAsync(ct);
            await Fire(app, Door.LsgStatement, recommendation == LsgRecommendation.Recommend ? ApplicationWorkflow.Triggers.Recommend : ApplicationWorkflow.Triggers.AdviseAgainst, kansli, ct);
            await Fire(app, Door.Agenda, EditAgenda.PutOnAgendaTrigger, kansli, ct);
            var item = await prefill.ApplicationItemAsync(app, ct);
            item.Position = position++;
            meeting.Items.Add(item);
        }
        var waiting = await db.Applications.SingleAsync(a => a.ProjectName == AtLsg, ct);
        foreach (var trigger in new[] { ApplicationWorkflow.Triggers.StartPreparation, ApplicationWorkflow.Triggers.ReferToLsg }) await Fire(waiting, Door.NextStep, trigger, kansli, ct);
        foreach (var (key, title, proposal) in CreateMeeting.Trailing)
            meeting.Items.Add(new AgendaItem { Position = position++, Kind = AgendaItemKind.Standing, StandingKey = key, Title = title, Proposal = [proposal] });
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
    }

    private async Task Fire(Applications.Application app, Door door, string trigger, Actor actor, CancellationToken ct)
    {
        var outcome = await workflow.ApplyAsync(app, door, trigger, actor, "Demodata", ct);
        if (!outcome.IsOk) throw new InvalidOperationException($"Demo workflow step {trigger} for {app.ProjectName} refused: {outcome.Message}");
    }
}
