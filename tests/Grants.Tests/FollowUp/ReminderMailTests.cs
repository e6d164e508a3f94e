using Grants.FollowUp;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Grants.Tests.FollowUp.FollowUpArrange;

namespace Grants.Tests.FollowUp;

/// <summary>Report plans from a decision and reminders through the outbox to a real SMTP server (aiosmtpd), on a clock the test moves.</summary>
public sealed class ReminderMailTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private const string Responsible = "maja.holmqvist@exempel.se";
    private static readonly DateOnly StatusDue = new(2026, 6, 30);

    private async Task<(GrantsApp App, Guid ApplicationId, Report Status)> GrantedReadyAsync()
    {
        var app = WithSmtp(smtp);
        var id = await DemoApplicationAsync(app, "READY");
        await PublishAsync(app, id, DecisionKind.Granted, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [new GrantedAmount(2026, 430_000)]);
        var reports = await ReportsAsync(app, id);
        return (app, id, reports.First());
    }

    private List<MimeMessage> MailsFor(Guid reportId) =>
        smtp.Messages().Where(m => m.TextBody?.Contains(ReportLink(reportId), StringComparison.Ordinal) == true).ToList();

    [Fact]
    public async Task A_granted_decision_gets_a_plan_with_status_reports_in_the_period_and_a_final_report_after_the_end()
    {
        var (app, id, _) = await GrantedReadyAsync();
        await using var _app = app;
        var reports = await ReportsAsync(app, id);
        reports.Select(r => (r.Kind, r.DueDate)).Should().Equal(
            (ReportKind.StatusReport, new DateOnly(2026, 6, 30)),
            (ReportKind.FinalReport, new DateOnly(2027, 3, 1)));
        reports.Should().OnlyContain(r => r.State == ReportStates.Planned && r.WorkflowHash != null);
        var plan = reports[0].Plan!;
        plan.ResponsibleEmail.Should().Be(Responsible);
        plan.ParagraphNumber.Should().Be(700);
        plan.TotalGranted.Should().Be(430_000);
        plan.ActivatedAt.Should().NotBeNull();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.Applications.SingleAsync(a => a.Id == id)).State.Should().Be("beviljad");
        (await db.WorkflowTransitions.CountAsync(t => t.SubjectType == Report.SubjectType && t.SubjectId == reports[0].Id.ToString())).Should().Be(1);
    }

    [Fact]
    public async Task Reminders_go_out_at_each_offset_on_the_day_and_weekly_when_overdue_each_exactly_once()
    {
        var (app, _, status) = await GrantedReadyAsync();
        await using var _app = app;

        await RemindAsync(app, new DateOnly(2026, 6, 15));
        await DeliverAsync(app);
        MailsFor(status.Id).Should().BeEmpty("15 days before is before the first offset");

        await RemindAsync(app, new DateOnly(2026, 6, 16));
        await RemindAsync(app, new DateOnly(2026, 6, 16), hour: 15); // the job re-runs the same day
        await DeliverAsync(app);
        var first = MailsFor(status.Id).Should().ContainSingle().Subject;
        first.To.Mailboxes.Select(m => m.Address).Should().Equal([Responsible]);
        first.Cc.Mailboxes.Should().BeEmpty();
        first.Subject.Should().Be("Påminnelse: Lägesrapport 2026-06-30 ska lämnas senast 2026-06-30");
        first.TextBody.Should().Contain("om 14 dagar").And.Contain(ReportLink(status.Id)).And.Contain("READY (SKN 2015/6)");
        (await ReportsAsync(app, status.ApplicationId))[0].State.Should().Be(ReportStates.Reminded);

        await RemindAsync(app, new DateOnly(2026, 6, 27));
        await DeliverAsync(app);
        MailsFor(status.Id).Should().HaveCount(2);
        MailsFor(status.Id)[1].TextBody.Should().Contain("om 3 dagar");

        await RemindAsync(app, new DateOnly(2026, 6, 30));
        await DeliverAsync(app);
        MailsFor(status.Id).Should().HaveCount(3);
        MailsFor(status.Id)[2].Subject.Should().Be("Sista dag för Lägesrapport 2026-06-30: 2026-06-30");

        await RemindAsync(app, new DateOnly(2026, 7, 1));
        await DeliverAsync(app);
        MailsFor(status.Id).Should().HaveCount(3, "the day after turns the report late, the next reminder is a week after the due date");
        (await ReportsAsync(app, status.ApplicationId))[0].State.Should().Be(ReportStates.Late);

        await RemindAsync(app, new DateOnly(2026, 7, 7));
        await RemindAsync(app, new DateOnly(2026, 7, 7), hour: 18);
        await DeliverAsync(app);
        var overdue = MailsFor(status.Id).Should().HaveCount(4).And.Subject.Last();
        overdue.Subject.Should().Be("Försenad återrapport: Lägesrapport 2026-06-30");
        overdue.To.Mailboxes.Select(m => m.Address).Should().Equal([Responsible]);
        overdue.Cc.Mailboxes.Select(m => m.Address).Should().Contain("kansli@demo.grants.se");

        await RemindAsync(app, new DateOnly(2026, 7, 14));
        await DeliverAsync(app);
        MailsFor(status.Id).Should().HaveCount(5);
        MailsFor(status.Id).Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_reminder_missed_while_the_app_was_down_goes_out_once_as_the_latest_occasion_only()
    {
        var (app, _, status) = await GrantedReadyAsync();
        await using var _app = app;
        await RemindAsync(app, new DateOnly(2026, 6, 28)); // both the 14-day and the 3-day occasions have passed unseen
        await DeliverAsync(app);
        var mail = MailsFor(status.Id).Should().ContainSingle().Subject;
        mail.TextBody.Should().Contain("om 2 dagar");
        await RemindAsync(app, new DateOnly(2026, 6, 29));
        await DeliverAsync(app);
        MailsFor(status.Id).Should().ContainSingle();
    }

    [Fact]
    public async Task While_SMTP_is_down_the_delivery_job_fails_and_after_restart_the_reminder_arrives_once()
    {
        var (app, _, status) = await GrantedReadyAsync();
        await using var _app = app;
        await smtp.StopAsync();
        try
        {
            await RemindAsync(app, new DateOnly(2026, 6, 16));
            long id;
            await using (var scope = app.Services.CreateAsyncScope())
                id = (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.SingleAsync(m => m.Key.StartsWith($"report-reminder:{status.Id}:"))).Id;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var whileDown = () => scope.ServiceProvider.GetRequiredService<Grants.Mail.OutboxDelivery>().DeliverAsync(id, default);
                await whileDown.Should().ThrowAsync<Exception>("the delivery job throws so Hangfire retries it");
            }
            await RemindAsync(app, new DateOnly(2026, 6, 16), hour: 12);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var rows = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails
                    .Where(m => m.Key.StartsWith($"report-reminder:{status.Id}:")).ToListAsync();
                var row = rows.Should().ContainSingle("a re-run while SMTP is down queues nothing new").Subject;
                row.SentAt.Should().BeNull();
                row.Attempts.Should().BeGreaterThan(0);
                row.LastError.Should().NotBeNullOrEmpty();
            }
        }
        finally
        {
            await smtp.StartAsync();
        }
        await DeliverAsync(app);
        await DeliverAsync(app);
        MailsFor(status.Id).Should().ContainSingle();
    }

    [Fact]
    public async Task Two_sweeps_at_once_queue_the_reminder_once()
    {
        var (app, _, status) = await GrantedReadyAsync();
        await using var _app = app;
        app.Time.SetUtcNow(At(new DateOnly(2026, 6, 16)));
        async Task RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReportReminderStep>().RunAsync(app.Time.GetUtcNow(), default);
        }
        await Task.WhenAll(RunAsync(), RunAsync());
        await DeliverAsync(app);
        MailsFor(status.Id).Should().ContainSingle();
        await using var check = app.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<GrantsDbContext>().WorkflowTransitions
            .CountAsync(t => t.SubjectId == status.Id.ToString() && t.ToState == ReportStates.Reminded)).Should().Be(1);
    }

    [Fact]
    public async Task A_handed_in_report_gets_no_further_reminders()
    {
        var (app, _, status) = await GrantedReadyAsync();
        await using var _app = app;
        await RemindAsync(app, new DateOnly(2026, 6, 16));
        await DeliverAsync(app);
        MailsFor(status.Id).Should().ContainSingle();

        var client = await app.BearerClientAsync(Login.Applicant);
        var response = await client.PostJsonAsync($"/api/follow-up/reports/{status.Id}/submit", ReportForms.Status());
        await response.ExpectJsonAsync(System.Net.HttpStatusCode.OK);

        foreach (var day in new[] { new DateOnly(2026, 6, 27), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 7) })
            await RemindAsync(app, day);
        await DeliverAsync(app);
        MailsFor(status.Id).Should().ContainSingle();
        var report = (await ReportsAsync(app, status.ApplicationId))[0];
        report.State.Should().Be(ReportStates.Submitted);
        report.NextActionOn.Should().BeNull();
    }
}
