using Grants.Infrastructure;
using Grants.Mail;
using Grants.Tests.Infrastructure;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Mail;

/// <summary>The outbox against a real SMTP server: one row per key, retried while the server is down, delivered once.</summary>
public sealed class MailOutboxTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    [Fact]
    public async Task A_key_is_written_once_a_send_fails_while_smtp_is_down_and_arrives_exactly_once_after_restart()
    {
        await using var app = new GrantsApp();
        foreach (var (key, value) in smtp.Settings()) app.With(key, value);

        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await outbox.EnqueueAsync("test:paminnelse:1", ["ansvarig@exempel.se"], "Påminnelse: lägesrapport", "Hej!",
                cc: ["kansli@exempel.se"], attachments: [new OutboxAttachment("utdrag.txt", "text/plain", "§ 602"u8.ToArray())])).Should().BeTrue();
            (await outbox.EnqueueAsync("test:paminnelse:1", ["ansvarig@exempel.se"], "Påminnelse: lägesrapport", "Hej igen!"))
                .Should().BeFalse("the same key within one unit of work is one mail");
            await db.SaveChangesAsync();
            (await outbox.EnqueueAsync("test:paminnelse:1", ["ansvarig@exempel.se"], "Påminnelse: lägesrapport", "Hej igen!"))
                .Should().BeFalse("a stored key is never written twice");
            id = (await db.OutboxMails.SingleAsync(m => m.Key == "test:paminnelse:1")).Id;
        }

        await smtp.StopAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var deliver = () => scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(id, CancellationToken.None);
            await deliver.Should().ThrowAsync<Exception>("Hangfire retries a failed send");
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.SingleAsync(m => m.Id == id);
            row.SentAt.Should().BeNull();
            row.Attempts.Should().Be(1);
            row.LastError.Should().NotBeNullOrEmpty();
        }

        await smtp.StartAsync();
        // Two deliveries at once (a Hangfire retry overlapping a re-queue after restart), then a third: one mail.
        async Task Deliver()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(id, CancellationToken.None);
        }
        await Task.WhenAll(Deliver(), Deliver());
        await Deliver();
        var arrived = smtp.Messages().Where(m => m.Subject == "Påminnelse: lägesrapport").ToList();
        arrived.Should().ContainSingle("a concurrent delivery finds the row claimed, a later one finds it sent");
        arrived[0].To.Mailboxes.Single().Address.Should().Be("ansvarig@exempel.se");
        arrived[0].Cc.Mailboxes.Single().Address.Should().Be("kansli@exempel.se");
        arrived[0].Attachments.Should().ContainSingle();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.SingleAsync(m => m.Id == id);
            row.SentAt.Should().Be(app.Time.GetUtcNow());
            row.LastError.Should().BeNull();
        }
    }

    [Fact]
    public async Task The_sweep_queues_an_unsent_row_once_per_process_and_again_after_a_restart()
    {
        await using var app = new GrantsApp();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        // The demo's own workflow mails are rows too; this test counts one row it writes itself.
        await db.OutboxMails.ExecuteDeleteAsync();
        await scope.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync("test:kallelse:1", ["ledamot@exempel.se"], "Kallelse", "Välkommen.");
        await db.SaveChangesAsync();

        // A Hangfire client over its own storage with no server: the queued jobs stay countable.
        var storage = new InMemoryStorage();
        var jobs = new BackgroundJobClient(storage);
        var first = new ProcessInstance();
        var step = new OutboxSweepStep(db, first, jobs, app.Time);
        (await step.RunAsync(app.Time.GetUtcNow(), default)).Should().Be(1);
        (await step.RunAsync(app.Time.GetUtcNow(), default)).Should().Be(0, "this process has queued it already");
        storage.GetMonitoringApi().EnqueuedCount(OutboxDelivery.Queue).Should().Be(1, "mail has a queue of its own");
        storage.GetMonitoringApi().EnqueuedCount("default").Should().Be(0, "no mail waits behind the general background work");

        // After a restart the in-memory job is gone: the new process queues the row again.
        var afterRestart = new OutboxSweepStep(db, new ProcessInstance(), jobs, app.Time);
        (await afterRestart.RunAsync(app.Time.GetUtcNow(), default)).Should().Be(1);
        storage.GetMonitoringApi().EnqueuedCount(OutboxDelivery.Queue).Should().Be(2);
        db.ChangeTracker.Clear();
        (await db.OutboxMails.SingleAsync()).QueuedBy.Should().NotBe(first.Id);
    }
}
