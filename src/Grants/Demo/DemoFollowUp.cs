using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grants.Applications;
using Grants.FollowUp;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Demo;

/// <summary>
/// Follow-up in the demo förbund: Aktiv uppföljning (Skellefteå Stadsmission), granted 200 000 kronor for 2015 (minutes § 604;
/// here recorded as § 617 of the following meeting, 2015-06-16, after the application's demo arrival in May), published to the
/// decision listeners as the board's adjustment does. Its status report 2015-06-30 was handed in on paper and registered by the
/// kansli; its final report (due 2016-02-29) never came and is overdue. The report text is fictional, after the template in seeds/001.
/// </summary>
public sealed class DemoFollowUp(GrantsDbContext db, IWorkflowEngine engine, IEnumerable<IDecisionListener> listeners, TimeProvider time)
{
    public const string ProjectName = "Aktiv uppföljning";

    public async Task LoadAsync(CancellationToken ct = default)
    {
        var app = await db.Applications.SingleOrDefaultAsync(a => a.ProjectName == ProjectName, ct);
        if (app is null || app.State != "inkommen" || await db.ReportPlans.AnyAsync(p => p.ApplicationId == app.Id, ct)) return;
        var kansli = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "kansli@demo.grants.se", ct);
        var actor = new Actor(kansli.Id, kansli.DisplayName, Identity.Roles.Secretariat);
        var adjustedAt = new DateTimeOffset(2015, 6, 22, 10, 0, 0, TimeSpan.FromHours(2));

        // The beredning, LSG and agenda steps belong to their features; the demo starts at the agenda.
        app.State = "pa-foredragningslista";
        Check(await engine.ApplyAsync(app, Door.Adjustment, ApplicationWorkflow.Triggers.GrantPartly, actor, "§ 617 (demo)", ct));
        var decision = new ApplicationDecisionTaken(app.Id, Guid.NewGuid(), new DateOnly(2015, 6, 16), 617, DecisionKind.PartlyGranted,
            [new GrantedAmount(2015, 200_000)], [], new DateOnly(2015, 6, 1), new DateOnly(2015, 12, 31), null, adjustedAt, actor);
        // No minutes exist for this stand-in decision, so no decision notice (it would wait for them forever).
        foreach (var listener in listeners.Where(l => l is not Minutes.DecisionNoticeListener)) await listener.OnDecisionTakenAsync(decision, ct);
        await db.SaveChangesAsync(ct);

        var status = await db.Reports.Include(r => r.Plan).SingleAsync(r => r.ApplicationId == app.Id && r.Kind == ReportKind.StatusReport, ct);
        var form = new ReportForm
        {
            Organisation = "Projektet leds av Stadsmissionens verksamhetsledare. En styrgrupp med Arbetsförmedlingen, socialkontoret och beroendeenheten har träffats två gånger.",
            Personnel = "En arbetshandledare i second hand-butiken och en i snickeriet; verksamhetsledaren samordnar uppföljningen med myndigheterna.",
            Individual = "Sex deltagare har börjat under juni. Alla har en individuell handlingsplan; en har gått vidare till arbete och en vilar under sommaren.",
            Participants = new ParticipantFigures { Women = 2, Men = 4, Other = 0, New = 6, Ended = 1 },
            Outcomes = new ParticipantOutcomes { Work = 1, Studies = 0, OtherIntervention = 0, OwnRequest = 0, Dormant = 1 },
            Economy = [new EconomyYear { Year = 2015, Personnel = 28_000, Premises = 0, Other = 4_500, Evaluation = 0 }],
        };
        var json = JsonSerializer.Serialize(form, ReportJson.Options);
        var handedIn = new DateTimeOffset(2015, 7, 3, 11, 0, 0, TimeSpan.FromHours(2));
        Check(await engine.ApplyAsync(status, Door.ReportSubmission, SubmitReport.Trigger, actor, "Pappersrapport registrerad av kansliet", ct));
        status.Versions.Add(new ReportVersion
        {
            ReportId = status.Id, Number = 1, FormJson = json, ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            SubmittedAt = handedIn, SubmittedByUserId = actor.UserId, SubmittedBy = actor.Name, SubmittedByRole = actor.Role,
        });
        status.NextActionOn = null;
        db.AuditEntries.Add(AuditEntry.Of(actor, time.GetUtcNow(), Report.SubjectType, status.Id.ToString(), "follow-up.report-submitted", $"{status.Title}, version 1 (demo)"));
        await db.SaveChangesAsync(ct);
        await engine.RunPendingActionsAsync(ct);
    }

    private static void Check(Outcome<WorkflowTransition> outcome)
    {
        if (!outcome.IsOk) throw new InvalidOperationException($"Demo follow-up step refused: {outcome.Message}");
    }
}
