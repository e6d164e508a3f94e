using System.Diagnostics;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Minutes;
using Grants.Shared;
using Grants.Tests.Infrastructure;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Grants.Tests.Minutes.Documents;

/// <summary>
/// The beslutsmeddelande end to end: the adjustment's listener records the notice, the sweep builds the extract
/// and the mail, Hangfire delivers it to a real SMTP server (aiosmtpd) — once, however often the sweep runs.
/// </summary>
public sealed class DecisionNoticeTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private static readonly DateTimeOffset AdjustedAt = new(2015, 4, 30, 13, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task The_applicant_gets_the_decision_with_the_extract_attached_exactly_once()
    {
        await using var app = new DocumentsApp();
        foreach (var (key, value) in smtp.Settings()) app.With(key, value);
        var via = await ApplicationAsync(app, "VIA – Validering.Innovativt.Arbeta.");
        var solen = await ApplicationAsync(app, "Solen");

        // As the board's adjustment does it: every decision to the listener, the same decision twice
        // (a retried adjustment), one save.
        await AdjustAsync(app, ViaDecision(via.Id), SolenDecision(solen.Id), ViaDecision(via.Id));
        // Two sweeps overlapping (the recurring job and a kick), then one more after delivery.
        await Task.WhenAll(SweepAsync(app), SweepAsync(app));
        // Delivered now as well as by the queued jobs (in the full suite this host's workers may be busy with the demo's
        // sweep work); the outbox's claim keeps it to one copy either way.
        await FollowUp.FollowUpArrange.DeliverAsync(app);
        await DeliveredAsync(app, 2);
        await SweepAsync(app);

        // Only the decision notices: the demo's workflow steps (to the LSG, to the board) also mail the applicant.
        var viaMails = smtp.Messages().Where(m => (m.Subject ?? "").StartsWith("Beslut om er ansökan: VIA", StringComparison.Ordinal)).ToList();
        viaMails.Should().ContainSingle("the sweep ran three times (two at once), the decision was published twice");
        var mail = viaMails[0];
        await mail.WriteToAsync(Artifacts.PathFor("beslutsmeddelande-602.eml"));
        mail.To.Mailboxes.Select(m => m.Address).Should().BeEquivalentTo(
            new[] { via.Form.Organisation.Contact.Email, via.Form.FollowUp.ResponsibleEmail }.Distinct());
        mail.Subject.Should().Be("Beslut om er ansökan: VIA – Validering.Innovativt.Arbeta. (SKN 2015/2)");
        var body = mail.TextBody;
        body.Should().Contain("§ 602").And.Contain("2015-04-23")
            .And.Contain("Styrelsen har beviljat er ansökan med 600 000 kronor under villkor.")
            .And.Contain("- 2015: 600 000 kronor")
            .And.Contain("Europeiska socialfonden och Skellefteå kommun (väntar på beslut från Europeiska socialfonden). Villkoret ska vara uppfyllt senast 2015-09-30.")
            .And.Contain("lägesrapport").And.Contain("slutrapport").And.Contain("ekonomisk redovisning")
            .And.Contain("2015-05-25", "the appeal period ends when the posting is taken down");
        var attachment = mail.Attachments.OfType<MimePart>().Should().ContainSingle().Subject;
        attachment.FileName.Should().Be("Protokollsutdrag § 602.pdf");
        attachment.ContentType.MimeType.Should().Be("application/pdf");
        var text = DocumentText.Squeeze(DocumentText.Pdf(Content(attachment)));
        text.Should().Contain(DocumentText.Squeeze("§ 602 Projekt VIA")).And.Contain("Utdragsbestyrkande")
            .And.Contain(DocumentText.Squeeze(SeedMinutes.Paragraphs.Single(p => p.Number == 602).Clauses[1]))
            .And.NotContain("§605").And.NotContain("§601");

        var solenMail = smtp.Messages().Where(m => (m.Subject ?? "").StartsWith("Beslut om er ansökan: Solen", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        solenMail.TextBody.Should().Contain("Styrelsen har avslagit er ansökan om 820 000 kronor.")
            .And.Contain("tillhör Migrationsverket").And.Contain("laglighetsprövning");
        solenMail.Attachments.OfType<MimePart>().Single().FileName.Should().Be("Protokollsutdrag § 605.pdf");

        await using var scope = app.Services.CreateAsyncScope();
        var notices = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().DecisionNotices.ToListAsync();
        notices.Should().HaveCount(2).And.OnlyContain(n => n.QueuedAt != null && n.MailKey == n.Key && n.LastError == null);
    }

    [Fact]
    public async Task Without_libreoffice_the_extract_goes_as_docx()
    {
        await using var app = new DocumentsAppWithoutSoffice();
        var aktiv = await ApplicationAsync(app, "Aktiv uppföljning");
        await AdjustAsync(app, new ApplicationDecisionTaken(aktiv.Id, SeedMinutes.AdjustedMeetingId, SeedMinutes.MeetingDate, 604,
            DecisionKind.PartlyGranted, [new GrantedAmount(2015, 200_000)], [], new DateOnly(2015, 5, 1), new DateOnly(2015, 12, 31),
            null, AdjustedAt, Actor.System));
        await SweepAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var mail = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails
            .SingleAsync(m => m.Key == Grants.Minutes.DecisionNotice.KeyOf(aktiv.Id, 604));
        mail.Body.Should().Contain("Styrelsen har beviljat en del av det ni sökte. Ni får 200 000 kronor av sökta 400 000 kronor.")
            .And.Contain("Beslutet har inga villkor.").And.Contain("Projekttid: 2015-05-01 – 2015-12-31");
        var attachment = mail.Attachments.Should().ContainSingle().Subject;
        attachment.FileName.Should().Be("Protokollsutdrag § 604.docx");
        attachment.ContentType.Should().Be(MinutesDocx.ContentType);
        DocumentText.DocxParagraphs(attachment.Content).Should().Contain("att bevilja Skellefteå stadsmission 200 000 kronor under år 2015 till projektet Aktiv uppföljning.");
    }

    private static ApplicationDecisionTaken ViaDecision(Guid id) => new(id, SeedMinutes.AdjustedMeetingId, SeedMinutes.MeetingDate, 602,
        DecisionKind.ConditionallyGranted, [new GrantedAmount(2015, 600_000)],
        [new DecisionCondition(SeedMinutes.Paragraphs.Single(p => p.Number == 602).Clauses[1], "Europeiska socialfonden", new DateOnly(2015, 9, 30))],
        new DateOnly(2015, 6, 1), new DateOnly(2015, 12, 31), null, AdjustedAt, Actor.System);

    private static ApplicationDecisionTaken SolenDecision(Guid id) => new(id, SeedMinutes.AdjustedMeetingId, SeedMinutes.MeetingDate, 605,
        DecisionKind.Rejected, [], [], null, null,
        "Ansvaret för asylsökande ligger inte inom medlemmarnas samlade ansvarsområde utan tillhör Migrationsverket.", AdjustedAt, Actor.System);

    private static async Task<Grants.Applications.Application> ApplicationAsync(GrantsApp app, string project)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.AsNoTracking().SingleAsync(a => a.ProjectName == project);
    }

    /// <summary>
    /// Publishes to the notice listener and saves once. Only this feature's listener: the decisions are test input,
    /// not a real meeting's, and other listeners would act on applications that are not on an agenda.
    /// </summary>
    private static async Task AdjustAsync(GrantsApp app, params ApplicationDecisionTaken[] decisions)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var listener = scope.ServiceProvider.GetServices<IDecisionListener>().OfType<DecisionNoticeListener>().Single();
        foreach (var d in decisions) await listener.OnDecisionTakenAsync(d, default);
        await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().SaveChangesAsync();
    }

    private static async Task SweepAsync(GrantsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowSweep>().RunAsync(default);
    }

    /// <summary>Waits for Hangfire's delivery jobs (real background work, not a clock) to mark the rows sent.</summary>
    private static async Task DeliveredAsync(GrantsApp app, int count)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var mails = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails
                    .Where(m => m.Key.StartsWith("decision-notice:")).ToListAsync();
                if (mails.Count(m => m.SentAt != null) >= count) return;
                // Generous: on a loaded machine Hangfire's single test worker may first finish a recurring sweep.
                if (waited.Elapsed > TimeSpan.FromSeconds(180))
                    throw new TimeoutException($"Mail not delivered.\n{await MailWait.DiagnoseAsync(app)}");
            }
            await Task.Delay(100);
        }
    }

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        (part.Content ?? throw new InvalidOperationException("The attachment has no content.")).DecodeTo(stream);
        return stream.ToArray();
    }
}
