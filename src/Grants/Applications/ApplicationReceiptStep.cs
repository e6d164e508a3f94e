using Grants.Association;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Minutes;
using Grants.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>
/// Sweep step: for each owed <see cref="ApplicationReceipt"/>, renders the received application (PDF/A when
/// LibreOffice is there, else DOCX) and writes the kvittens to the outbox with the "done" mark in one save. The
/// outbox key is unique, so a re-run or an overlapping sweep never writes a second mail. The next sweep sends it: a
/// submit does not resolve Hangfire's client (intermittent failures when hosts share a process).
/// </summary>
public sealed class ApplicationReceiptStep(
    GrantsDbContext db, MinutesDocuments documents, ProfileStore profiles, MailOutbox outbox, Workflow.MailTemplates templates, IBackgroundJobClient jobs,
    LocalClock clock, ILogger<ApplicationReceiptStep> log) : ISweepStep
{
    /// <summary>After this many failed PDF conversions the application goes as DOCX rather than not at all.</summary>
    public const int PdfAttempts = 3;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(15);

    public string Name => "application-receipt";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var ids = await db.ApplicationReceipts.Where(r => r.QueuedAt == null).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var at = clock.Now;
            var claimed = await db.ApplicationReceipts
                .Where(r => r.Id == id && r.QueuedAt == null && (r.ClaimedUntil == null || r.ClaimedUntil < at))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, at + ClaimFor), ct);
            if (claimed == 0) continue;
            var receipt = await db.ApplicationReceipts.SingleAsync(r => r.Id == id, ct);
            try
            {
                if (await QueueAsync(receipt, ct)) queued++;
            }
            catch (DocumentConversionException e)
            {
                // Kept on the row and logged; the next sweep tries again, and after PdfAttempts sends the DOCX.
                log.LogError(e, "Receipt {Key} could not be rendered (attempt {Attempt})", receipt.Key, receipt.Attempts + 1);
                db.ChangeTracker.Clear();
                await db.ApplicationReceipts.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                    .SetProperty(r => r.LastError, e.Message)
                    .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), ct);
            }
        }
        if (queued > 0) OutboxSweepStep.Kick(jobs);
        return queued;
    }

    /// <summary>Runs the step soon after a submit commits, instead of at the next sweep.</summary>
    public static void Kick(IBackgroundJobClient jobs) =>
        jobs.Enqueue<ApplicationReceiptStep>(s => s.RunAsync(DateTimeOffset.MinValue, CancellationToken.None));

    private async Task<bool> QueueAsync(ApplicationReceipt receipt, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking().Include(a => a.Organisation).Include(a => a.Versions)
            .SingleAsync(a => a.Id == receipt.ApplicationId, ct);
        var written = false;
        if (!await db.OutboxMails.AnyAsync(m => m.Key == receipt.Key, ct))
        {
            var profile = await profiles.GetAsync(ct);
            var received = clock.ToLocal(app.ReceivedAt ?? clock.Now);
            var form = app.Versions.OrderBy(v => v.Number).FirstOrDefault()?.ReadForm() ?? app.Form;
            var layout = ApplicationReceipts.Layout(app, form, profile, received);
            var format = documents.PdfAvailable && receipt.Attempts < PdfAttempts ? FileFormat.Pdf : FileFormat.Docx;
            var file = await documents.RenderAsync(layout, profile.Name, format, ct);
            var (subject, body) = ApplicationReceipts.Compose(templates, app, profile.Name, file.FileName, received);
            written = await outbox.EnqueueAsync(receipt.Key, ApplicationReceipts.Recipients(app), subject, body,
                attachments: [new OutboxAttachment(file.FileName, file.ContentType, file.Content)], ct: ct);
            if (!written) receipt.LastError = "Ansökan har ingen giltig e-postadress; kvittensen skickades inte.";
        }
        receipt.QueuedAt = clock.Now;
        await db.SaveChangesAsync(ct);
        return written;
    }
}
