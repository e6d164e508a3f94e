using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.Extensions.Options;

namespace Grants.Applications;

/// <summary>Adds a bilaga. Only document and image types, checked by extension and by content (<see cref="AttachmentFile"/>).</summary>
public sealed class UploadAttachment(GrantsDbContext db, TimeProvider time, IOptions<AppOptions> options)
{
    public static string AcceptList => AttachmentFile.AcceptList;

    public async Task<Outcome<Attachment>> HandleAsync(ClaimsPrincipal user, Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!ApplicationAccess.MayWrite(user)) return Outcome<Attachment>.Forbidden("Din roll får inte lägga till bilagor.");
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return Outcome<Attachment>.NotFound();

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        var read = await AttachmentFile.ReadAsync(file, "file", options.Value.MaxAttachmentBytes, app.Id, actor, now, ct);
        if (!read.IsOk) return read;
        var attachment = read.Value!;
        db.Attachments.Add(attachment);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Application), app.Id.ToString(), "application.attachment-added", $"{attachment.FileName} sha256:{attachment.Sha256}"));
        await db.SaveChangesAsync(ct);
        return attachment;
    }
}
