using Grants.Infrastructure;
using Grants.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Grants.Mail;

/// <summary>
/// A mail to be sent, written in the same transaction as the change that caused it, so a rolled-back
/// change sends nothing and a committed one is never forgotten (Hangfire's storage is in memory).
/// <see cref="Key"/> is unique: enqueueing the same reminder twice writes one row.
/// </summary>
public sealed class OutboxMail : IClaimable
{
    public long Id { get; set; }
    /// <summary>Idempotency key, e.g. "report-reminder:42:due-14".</summary>
    public string Key { get; set; } = "";
    /// <summary>Comma-separated addresses.</summary>
    public string To { get; set; } = "";
    public string? Cc { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public List<OutboxAttachment> Attachments { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>The process that queued its delivery job; another process (after a restart) queues it again.</summary>
    public Guid? QueuedBy { get; set; }
    /// <summary>
    /// A delivery in progress holds the row until then, so two deliveries of one row never both send. A claim still
    /// set after that time belongs to a delivery that died (between claim and send, or between send and mark).
    /// </summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}

/// <summary>An attachment carried with the row (decision extracts are small documents).</summary>
public sealed record OutboxAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One process lifetime: jobs queued by an earlier process were lost with its in-memory storage.</summary>
public sealed class ProcessInstance
{
    public Guid Id { get; } = Guid.NewGuid();
}

/// <summary>Writes mail rows into the caller's unit of work; the caller saves, then the sweep or <see cref="QueueAsync"/> delivers.</summary>
public sealed class MailOutbox(GrantsDbContext db, TimeProvider time)
{
    /// <summary>Adds the mail unless a row with <paramref name="key"/> exists already. Returns false when it did.</summary>
    public async Task<bool> EnqueueAsync(string key, IEnumerable<string> to, string subject, string body,
        IEnumerable<string>? cc = null, IEnumerable<OutboxAttachment>? attachments = null, CancellationToken ct = default)
    {
        var recipients = Clean(to);
        if (recipients.Count == 0) return false;
        if (db.OutboxMails.Local.Any(m => m.Key == key) || await db.OutboxMails.AnyAsync(m => m.Key == key, ct)) return false;
        db.OutboxMails.Add(new OutboxMail
        {
            Key = key,
            To = string.Join(", ", recipients),
            Cc = cc is null ? null : string.Join(", ", Clean(cc)) is { Length: > 0 } c ? c : null,
            Subject = subject,
            Body = body,
            Attachments = attachments?.ToList() ?? [],
            CreatedAt = time.GetUtcNow(),
        });
        return true;
    }

    private static List<string> Clean(IEnumerable<string> addresses) =>
        addresses.Where(a => MailboxAddress.TryParse(a, out _)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>
/// Delivers outbox rows. A failed send throws, so Hangfire retries the job with its back-off and the
/// failure shows on the dashboard (Admin only); the row stays unsent until a send succeeds.
/// </summary>
public sealed class OutboxDelivery(GrantsDbContext db, IMailSender sender, TimeProvider time, ILogger<OutboxDelivery> log)
{
    /// <summary>
    /// Mail has a Hangfire queue and worker of its own (<see cref="MailSetup"/>): a password-reset link or a receipt
    /// is not held back behind a sweep or a PDF rendering that occupies the general workers.
    /// </summary>
    public const string Queue = "mail";

    /// <summary>Longer than any send takes; after it a held row is taken to belong to a dead delivery.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    [AutomaticRetry(Attempts = 25), Queue(Queue)]
    public async Task DeliverAsync(long id, CancellationToken ct)
    {
        // Claim the row first: a concurrent delivery (a retry overlapping a re-queue) finds it held and leaves it.
        var now = time.GetUtcNow();
        if (!await db.OutboxMails.Where(m => m.Id == id && m.SentAt == null).ClaimAsync(now, now + ClaimFor, ct)) return;
        var mail = await db.OutboxMails.SingleAsync(m => m.Id == id, ct);
        mail.Attempts++;
        try
        {
            await sender.SendAsync(ToMessage(mail), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            mail.ClaimedUntil = null;
            mail.LastError = e.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogWarning(e, "Mail {MailId} could not be sent (attempt {Attempts})", mail.Id, mail.Attempts);
            throw;
        }
        mail.SentAt = time.GetUtcNow();
        mail.ClaimedUntil = null;
        mail.LastError = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public static MimeMessage ToMessage(OutboxMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.To.AddRange(Split(mail.To));
        if (mail.Cc is { Length: > 0 }) message.Cc.AddRange(Split(mail.Cc));
        var body = new BodyBuilder { TextBody = mail.Body };
        foreach (var a in mail.Attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = body.ToMessageBody();
        // Stable across retries and restarts, so a receiving server can recognise a resend (delivery is at least once).
        message.MessageId = MessageIdOf(mail.Id);
        return message;
    }

    public static string MessageIdOf(long id) => $"outbox-{id}@grants";

    private static IEnumerable<MailboxAddress> Split(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(MailboxAddress.Parse);
}

/// <summary>
/// Sweep step: queues a delivery job for every unsent row this process has not queued yet (new rows, and
/// rows whose job was lost with an earlier process), and for every row whose claim expired (its delivery
/// died between claim and mark, in this process or another). Within one process a live row is queued once;
/// Hangfire's retries take it from there.
/// </summary>
public sealed class OutboxSweepStep(GrantsDbContext db, ProcessInstance instance, IBackgroundJobClient jobs, TimeProvider time) : ISweepStep
{
    public string Name => "mail-outbox";

    private System.Linq.Expressions.Expression<Func<OutboxMail, bool>> Due(DateTimeOffset at) =>
        m => m.SentAt == null
            // A live claim is a delivery under way (here or in another process): never queue beside it.
            && (m.ClaimedUntil == null || m.ClaimedUntil < at)
            // Not queued by this process, or its claim expired (the delivery died): the expired claim is dropped when queued.
            && (m.QueuedBy == null || m.QueuedBy != instance.Id || m.ClaimedUntil != null);

    [Queue(OutboxDelivery.Queue)]
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        // The clock, not the sweep's "now": Kick passes DateTimeOffset.MinValue.
        var at = time.GetUtcNow();
        var ids = await db.OutboxMails.Where(Due(at)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var id in ids)
        {
            // Only the sweep whose update matches queues the job; an expired claim is dropped with it.
            var taken = await db.OutboxMails.Where(m => m.Id == id).Where(Due(at))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.QueuedBy, instance.Id).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct);
            if (taken != 1) continue;
            jobs.Enqueue<OutboxDelivery>(d => d.DeliverAsync(id, CancellationToken.None));
            queued++;
        }
        return queued;
    }

    /// <summary>Delivers soon after a commit instead of waiting for the next sweep.</summary>
    public static void Kick(IBackgroundJobClient jobs) =>
        jobs.Enqueue<OutboxSweepStep>(s => s.RunAsync(DateTimeOffset.MinValue, CancellationToken.None));
}
