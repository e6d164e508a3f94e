using Grants.Infrastructure;
using Grants.Mail;
using Grants.Tests.Infrastructure;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Grants.Tests.Mail;

/// <summary>
/// The outbox delivers at least once and never stalls: a delivery that dies between claim and send, or between
/// send and mark, is taken up by the next sweep after its claim expires, in a fresh process, and every copy
/// carries the row's one Message-ID so a resend is recognisable.
/// </summary>
public sealed class OutboxCrashTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task A_delivery_killed_between_claim_and_send_is_sent_by_the_next_sweep_after_the_claim_expires()
    {
        var id = await EnqueueAsync("crash:claim-send");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dying = Delivery(scope, new DiesBeforeSending());
            await dying.Invoking(d => d.DeliverAsync(id, default)).Should().ThrowAsync<OperationCanceledException>();
        }
        (await RowAsync(id)).ClaimedUntil.Should().NotBeNull("the dead delivery still holds the row");

        // A fresh process: while the claim is live its sweep leaves the row alone (the holder might be alive).
        var restarted = new ProcessInstance();
        (await SweepAsync(restarted)).Should().Be(0);
        app.Time.Advance(OutboxDelivery.ClaimFor + TimeSpan.FromMinutes(1));
        (await SweepAsync(restarted)).Should().Be(1, "an expired claim belongs to a delivery that died");
        (await SweepAsync(restarted)).Should().Be(0, "queued once per process");
        await DeliverAsync(id);

        var copies = CopiesOf(id);
        copies.Should().ContainSingle();
        (await RowAsync(id)).SentAt.Should().NotBeNull();
    }

    [Fact]
    public async Task A_delivery_killed_between_send_and_mark_is_sent_again_with_the_same_Message_ID()
    {
        var id = await EnqueueAsync("crash:send-mark");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dying = Delivery(scope, new DiesAfterSending(scope.ServiceProvider.GetRequiredService<IMailSender>()));
            await dying.Invoking(d => d.DeliverAsync(id, default)).Should().ThrowAsync<OperationCanceledException>();
        }
        CopiesOf(id).Should().ContainSingle("it was handed over before the process died");
        (await RowAsync(id)).SentAt.Should().BeNull("the mark never happened");

        // While the claim is live nobody queues the row (its holder might still be sending), and a retry finds it held.
        (await SweepAsync(new ProcessInstance())).Should().Be(0);
        await DeliverAsync(id);
        CopiesOf(id).Should().ContainSingle();

        app.Time.Advance(OutboxDelivery.ClaimFor + TimeSpan.FromMinutes(1));
        (await SweepAsync(new ProcessInstance())).Should().Be(1);
        await DeliverAsync(id);
        var copies = CopiesOf(id);
        copies.Should().HaveCount(2, "at least once: the crash after sending costs one duplicate");
        copies.Select(m => m.MessageId).Distinct().Should().Equal(OutboxDelivery.MessageIdOf(id).Trim('<', '>'));
        (await RowAsync(id)).SentAt.Should().NotBeNull();
        (await SweepAsync(new ProcessInstance())).Should().Be(0, "sent rows are never queued again");
    }

    private async Task<long> EnqueueAsync(string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        // The demo's workflow mails are outbox rows too; these tests count what the sweep picks of their own row.
        await db.OutboxMails.Where(m => m.Key != key).ExecuteDeleteAsync();
        await scope.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync(key, ["mottagare@exempel.se"], $"Ämne {key}", "Hej.");
        await db.SaveChangesAsync();
        return (await db.OutboxMails.SingleAsync(m => m.Key == key)).Id;
    }

    private OutboxDelivery Delivery(AsyncServiceScope scope, IMailSender sender) =>
        new(scope.ServiceProvider.GetRequiredService<GrantsDbContext>(), sender, app.Time, NullLogger<OutboxDelivery>.Instance);

    /// <summary>A sweep of <paramref name="process"/>; returns how many deliveries it queued.</summary>
    private async Task<int> SweepAsync(ProcessInstance process)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = new BackgroundJobClient(new InMemoryStorage());
        return await new OutboxSweepStep(scope.ServiceProvider.GetRequiredService<GrantsDbContext>(), process, jobs, app.Time).RunAsync(app.Time.GetUtcNow(), default);
    }

    /// <summary>What the queued Hangfire job does.</summary>
    private async Task DeliverAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(id, default);
    }

    private async Task<OutboxMail> RowAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private List<MimeMessage> CopiesOf(long id) =>
        (Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [])
            .Select(f => MimeMessage.Load(f)).Where(m => m.MessageId == OutboxDelivery.MessageIdOf(id).Trim('<', '>')).ToList();

    /// <summary>The process dies after the claim, before anything is handed over (cancellation is never caught).</summary>
    private sealed class DiesBeforeSending : IMailSender
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) => throw new OperationCanceledException("killed");
    }

    /// <summary>The message is handed over, then the process dies before the row is marked sent.</summary>
    private sealed class DiesAfterSending(IMailSender real) : IMailSender
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
        {
            await real.SendAsync(message, cancellationToken);
            throw new OperationCanceledException("killed after sending");
        }
    }
}
