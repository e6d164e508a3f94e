using Grants.Infrastructure;
using Grants.Mail;
using Grants.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Grants.Minutes;

/// <summary>
/// Sweep step: for each pending <see cref="DecisionNotice"/>, builds the protokollsutdrag from the adjusted minutes,
/// renders it (PDF/A when LibreOffice is there, else DOCX) and writes the mail row and the notice's "done" mark in
/// one save. The outbox key "decision-notice:{application}:{§}" is unique, so a re-run, a restart or an overlapping
/// sweep never writes a second mail.
/// </summary>
public sealed class DecisionNoticeStep(
    GrantsDbContext db,
    MinutesDocuments documents,
    DecisionNoticeMail mail,
    MailOutbox outbox,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<DecisionNoticeStep> log) : ISweepStep
{
    /// <summary>After this many failed attempts (a conversion that keeps failing) the extract goes as DOCX rather than not at all.</summary>
    public const int PdfAttempts = 3;

    /// <summary>
    /// How long a claim holds: longer than the slowest allowed conversion, so only a crashed sweep's claim runs out
    /// (and the notice is then built by a later sweep).
    /// </summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(15);

    public string Name => "decision-notice";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var ids = await db.DecisionNotices.Where(n => n.QueuedAt == null).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var at = time.GetUtcNow();
            // Claim first, atomically: an overlapping sweep skips the notice instead of rendering it a second time.
            if (!await db.DecisionNotices.Where(n => n.Id == id && n.QueuedAt == null).ClaimAsync(at, at + ClaimFor, ct)) continue;
            var notice = await db.DecisionNotices.SingleAsync(n => n.Id == id, ct);
            try
            {
                if (await QueueAsync(notice, ct)) queued++;
            }
            catch (Exception e) when (e is DocumentConversionException or InvalidOperationException)
            {
                // Recorded on the row and logged; the next sweep tries again (one bad notice must not hold up the rest).
                log.LogError(e, "Decision notice {Key} could not be built (attempt {Attempt})", notice.Key, notice.Attempts + 1);
                db.ChangeTracker.Clear();
                await db.DecisionNotices.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                    .SetProperty(n => n.LastError, e.Message)
                    .SetProperty(n => n.ClaimedUntil, (DateTimeOffset?)null), ct);
            }
        }
        // Deliver now rather than at the next sweep.
        if (queued > 0) OutboxSweepStep.Kick(jobs);
        return queued;
    }

    private async Task<bool> QueueAsync(DecisionNotice notice, CancellationToken ct)
    {
        if (await db.OutboxMails.AnyAsync(m => m.Key == notice.Key, ct)) return await MarkQueuedAsync(notice, notice.Key, ct);

        var minutes = await documents.FindAsync(notice.MeetingId, ct)
            ?? throw new InvalidOperationException($"Protokollet för sammanträdet {notice.MeetingId} finns inte.");
        // The listener runs inside the adjustment, so committed minutes are adjusted; anything else waits.
        if (!minutes.Adjusted) throw new InvalidOperationException("Protokollet är inte justerat ännu.");
        var layout = MinutesLayout.Extract(minutes, notice.ParagraphNumber)
            ?? throw new InvalidOperationException($"Protokollet saknar § {notice.ParagraphNumber}.");
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == notice.ApplicationId, ct);

        var format = documents.PdfAvailable && notice.Attempts < PdfAttempts ? FileFormat.Pdf : FileFormat.Docx;
        var file = await documents.RenderAsync(layout, minutes.AssociationName, format, ct);
        var (subject, body) = mail.Compose(notice, minutes, application, file.FileName);
        var to = new[] { application.Form.Organisation.Contact.Email, application.Form.FollowUp.ResponsibleEmail }
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim());
        var written = await outbox.EnqueueAsync(notice.Key, to, subject, body,
            attachments: [new OutboxAttachment(file.FileName, file.ContentType, file.Content)], ct: ct);
        if (!written)
        {
            log.LogWarning("Decision notice {Key}: the application has no valid e-mail address; nothing was sent", notice.Key);
            notice.LastError = "Ansökan har ingen giltig e-postadress till kontaktperson eller ansvarig; beslutsmeddelandet skickades inte.";
            await MarkQueuedAsync(notice, null, ct);
            return false;
        }
        return await MarkQueuedAsync(notice, notice.Key, ct);
    }

    /// <summary>Saves the mail row (if any) and the done mark together. Returns true when this sweep wrote them.</summary>
    private async Task<bool> MarkQueuedAsync(DecisionNotice notice, string? mailKey, CancellationToken ct)
    {
        var ours = db.OutboxMails.Local.Any(m => m.Key == notice.Key);
        notice.QueuedAt = time.GetUtcNow();
        notice.MailKey = mailKey;
        try
        {
            await db.SaveChangesAsync(ct);
            return ours;
        }
        catch (DbUpdateException) when (ours)
        {
            // An overlapping sweep wrote the same mail row between our check and our save: its row stands.
            db.ChangeTracker.Clear();
            if (!await db.OutboxMails.AnyAsync(m => m.Key == notice.Key, ct)) throw;
            await db.DecisionNotices.Where(n => n.Id == notice.Id).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.QueuedAt, time.GetUtcNow())
                .SetProperty(n => n.MailKey, notice.Key), ct);
            return false;
        }
    }
}
