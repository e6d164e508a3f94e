using System.Diagnostics;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Tests.Infrastructure;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grants.Tests.Workflow;

/// <summary>Entry-action mails are outbox rows written with the transition; the texts come from workflows/mail/.</summary>
public sealed class EntryMailTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private static string KeyPrefix(Guid id) => $"workflow:mail-applicant:{Application.SubjectType}:{id}:";

    [Fact]
    public async Task A_transitions_mail_is_an_outbox_row_of_its_transaction_and_a_rolled_back_transition_leaves_none()
    {
        using var host = new WorkflowHost();
        _ = host.Server;
        var id = await WorkflowArrange.ApplicationInAsync(host, "under-beredning");

        await using (var scope = host.Scope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<GrantsDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var app = await db.Applications.SingleAsync(a => a.Id == id);
            var outcome = await sp.GetRequiredService<IWorkflowEngine>()
                .FireAsync(app, Door.NextStep, "remittera-lsg", new Grants.Shared.Actor("k1", "Karin Kansli", "Kansli"), null, default);
            outcome.IsOk.Should().BeTrue(outcome.Message);
            // Inside the transaction the row is there beside the transition ...
            (await db.OutboxMails.CountAsync(m => m.Key.StartsWith(KeyPrefix(id)))).Should().Be(1);
            await tx.RollbackAsync();
        }
        await using (var scope = host.Scope())
        {
            // ... and rolled back with it: no transition, no mail.
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await db.Applications.SingleAsync(a => a.Id == id)).State.Should().Be("under-beredning");
            (await db.OutboxMails.CountAsync(m => m.Key.StartsWith(KeyPrefix(id)))).Should().Be(0);
            (await db.WorkflowPendingActions.CountAsync(a => a.SubjectId == id.ToString())).Should().Be(0, "mails are not left to an after-commit action");
        }

        (await WorkflowArrange.FireAsync(host, Application.SubjectType, id, "remittera-lsg", "Kansli")).State.Should().Be("hos-lsg");
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var mail = await db.OutboxMails.SingleAsync(m => m.Key.StartsWith(KeyPrefix(id)));
            mail.To.Should().Be("kim.kontakt@test.example");
            mail.Subject.Should().NotContain("{").And.NotBeEmpty();
        }
    }

    [Fact]
    public async Task The_entry_mail_is_delivered_once_even_when_delivery_runs_twice()
    {
        using var host = new WorkflowHost();
        _ = host.Server;
        var id = await WorkflowArrange.ApplicationInAsync(host, "under-beredning");
        (await WorkflowArrange.FireAsync(host, Application.SubjectType, id, "remittera-lsg", "Kansli")).State.Should().Be("hos-lsg");

        long mailId;
        string subject;
        await using (var scope = host.Scope())
        {
            var mail = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.SingleAsync(m => m.Key.StartsWith(KeyPrefix(id)));
            (mailId, subject) = (mail.Id, mail.Subject);
        }
        var sender = new SmtpMailSender(Options.Create(new MailOptions { SmtpHost = smtp.Host, SmtpPort = smtp.Port, Tls = "None" }), NullLogger<SmtpMailSender>.Instance);
        // Twice, as after a crash between send and mark the sweep would queue it again: the second finds it sent.
        for (var i = 0; i < 2; i++)
        {
            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            await new OutboxDelivery(db, sender, host.Time, NullLogger<OutboxDelivery>.Instance).DeliverAsync(mailId, default);
        }

        // The transition also kicked the host's own delivery (to its pickup folder), which may have won the claim first:
        // either way the row is delivered exactly once over both senders.
        var messageId = OutboxDelivery.MessageIdOf(mailId).Trim('<', '>');
        int Copies() => smtp.Messages().Count(m => m.MessageId == messageId)
            + (Directory.Exists(host.MailDir) ? Directory.GetFiles(host.MailDir).Count(f => File.ReadAllText(f).Contains(messageId, StringComparison.Ordinal)) : 0);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && Copies() == 0) await Task.Delay(50);
        Copies().Should().Be(1);
        foreach (var copy in smtp.Messages().Where(m => m.MessageId == messageId)) copy.Subject.Should().Be(subject);
        // The host's delivery marks the row just after writing its copy: wait for the mark, not for a fixed time.
        DateTimeOffset? sentAt = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && sentAt is null)
        {
            await using var scope = host.Scope();
            sentAt = (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.AsNoTracking().SingleAsync(m => m.Id == mailId)).SentAt;
            if (sentAt is null) await Task.Delay(50);
        }
        sentAt.Should().NotBeNull();
        Copies().Should().Be(1, "the mark came after the one copy; no second delivery followed");
    }

    [Fact]
    public void The_app_refuses_to_start_with_an_unknown_placeholder_in_a_mail_template()
    {
        using var host = WorkflowHost.With(dir =>
        {
            var path = Path.Combine(dir, "mail", "till-lsg.txt");
            File.AppendAllText(path, "\nDiarienummer: {diarienumer}\n");
        });
        var start = () => host.Server;
        start.Should().Throw<WorkflowDefinitionException>()
            .Which.Message.Should().Contain("till-lsg.txt").And.Contain("{diarienumer}");
    }
}
