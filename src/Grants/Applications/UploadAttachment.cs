using System.Security.Claims;
using System.Security.Cryptography;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.Extensions.Options;

namespace Grants.Applications;

/// <summary>Adds a bilaga. Only document and image types, checked by extension and by content.</summary>
public sealed class UploadAttachment(GrantsDbContext db, TimeProvider time, IOptions<AppOptions> options)
{
    private static readonly Dictionary<string, (string ContentType, byte[][] Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
        [".odt"] = ("application/vnd.oasis.opendocument.text", [[0x50, 0x4B, 0x03, 0x04]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".gif"] = ("image/gif", [[0x47, 0x49, 0x46, 0x38]]),
    };

    public static string AcceptList => string.Join(",", Allowed.Keys);

    public async Task<Outcome<Attachment>> HandleAsync(ClaimsPrincipal user, Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!ApplicationAccess.MayWrite(user)) return Outcome<Attachment>.Forbidden("Din roll får inte lägga till bilagor.");
        var app = await ApplicationAccess.FindAsync(db, user, id, ct);
        if (app is null) return Outcome<Attachment>.NotFound();

        var errors = new ValidationErrors();
        var max = options.Value.MaxAttachmentBytes;
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Välj en fil att bifoga.");
            return Outcome<Attachment>.Invalid(errors);
        }
        var name = Path.GetFileName(file.FileName);
        var ext = Path.GetExtension(name);
        if (!Allowed.TryGetValue(ext, out var type))
        {
            errors.Add("file", $"Filtypen {(ext.Length == 0 ? "(saknas)" : ext)} är inte tillåten. Tillåtna är PDF, DOCX, XLSX, ODT och bilder (PNG, JPG, GIF).");
            return Outcome<Attachment>.Invalid(errors);
        }
        if (file.Length > max)
        {
            errors.Add("file", $"Filen är för stor ({file.Length / 1024 / 1024} MB). Största tillåtna storlek är {max / 1024 / 1024} MB.");
            return Outcome<Attachment>.Invalid(errors);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var data = buffer.ToArray();
        if (!type.Magic.Any(m => data.AsSpan().StartsWith(m)))
        {
            errors.Add("file", $"Filens innehåll stämmer inte med filtypen {ext}.");
            return Outcome<Attachment>.Invalid(errors);
        }

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        var attachment = new Attachment
        {
            ApplicationId = app.Id,
            FileName = name.Length > 200 ? name[^200..] : name,
            ContentType = type.ContentType,
            Size = data.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
            UploadedAt = now,
            UploadedBy = actor.Name,
            Content = new AttachmentContent { Data = data },
        };
        db.Attachments.Add(attachment);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Application), app.Id.ToString(), "application.attachment-added", $"{attachment.FileName} sha256:{attachment.Sha256}"));
        await db.SaveChangesAsync(ct);
        return attachment;
    }
}
