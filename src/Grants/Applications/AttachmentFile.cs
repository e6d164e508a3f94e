using System.Security.Cryptography;
using Grants.Shared;

namespace Grants.Applications;

/// <summary>
/// The one check for an uploaded bilaga (application attachments, evidence for a condition): document and
/// image types only, checked by extension and by content, at most App:MaxAttachmentBytes, SHA-256 checksum.
/// </summary>
public static class AttachmentFile
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

    /// <summary>Reads and checks the file; field errors under <paramref name="field"/>. The attachment is not added to any context.</summary>
    public static async Task<Outcome<Attachment>> ReadAsync(IFormFile? file, string field, long maxBytes, Guid applicationId, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (file is null || file.Length == 0)
        {
            errors.Add(field, "Välj en fil att bifoga.");
            return Outcome<Attachment>.Invalid(errors);
        }
        var name = Path.GetFileName(file.FileName);
        var ext = Path.GetExtension(name);
        if (!Allowed.TryGetValue(ext, out var type))
        {
            errors.Add(field, $"Filtypen {(ext.Length == 0 ? "(saknas)" : ext)} är inte tillåten. Tillåtna är PDF, DOCX, XLSX, ODT och bilder (PNG, JPG, GIF).");
            return Outcome<Attachment>.Invalid(errors);
        }
        if (file.Length > maxBytes)
        {
            errors.Add(field, $"Filen är för stor ({file.Length / 1024 / 1024} MB). Största tillåtna storlek är {maxBytes / 1024 / 1024} MB.");
            return Outcome<Attachment>.Invalid(errors);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var data = buffer.ToArray();
        if (!type.Magic.Any(m => data.AsSpan().StartsWith(m)))
        {
            errors.Add(field, $"Filens innehåll stämmer inte med filtypen {ext}.");
            return Outcome<Attachment>.Invalid(errors);
        }
        return new Attachment
        {
            ApplicationId = applicationId,
            FileName = name.Length > 200 ? name[^200..] : name,
            ContentType = type.ContentType,
            Size = data.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
            UploadedAt = now,
            UploadedBy = actor.Name,
            Content = new AttachmentContent { Data = data },
        };
    }
}
