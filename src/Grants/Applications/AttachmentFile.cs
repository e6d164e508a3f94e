using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Grants.Shared;

namespace Grants.Applications;

/// <summary>
/// The one check for an uploaded bilaga (application attachments, evidence for a condition): document and
/// image types only, at most App:MaxAttachmentBytes, SHA-256 checksum. The content must be what the extension
/// says (the ZIP-based office formats are opened and must hold their main part), and no file may carry HTML
/// where a browser sniffs (a "%PDF" or "GIF89a" header followed by a page). The name keeps no folder and
/// no control characters.
/// </summary>
public static class AttachmentFile
{
    private sealed record FileType(string ContentType, Func<byte[], bool> Matches);

    private static readonly Dictionary<string, FileType> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", d => StartsWith(d, "%PDF"u8)),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", d => ZipHolds(d, "word/document.xml")),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", d => ZipHolds(d, "xl/workbook.xml")),
        [".odt"] = new("application/vnd.oasis.opendocument.text", d => ZipHolds(d, "mimetype", "application/vnd.oasis.opendocument.text")),
        [".png"] = new("image/png", d => StartsWith(d, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".jpg"] = new("image/jpeg", d => StartsWith(d, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = new("image/jpeg", d => StartsWith(d, [0xFF, 0xD8, 0xFF])),
        [".gif"] = new("image/gif", d => StartsWith(d, "GIF87a"u8) || StartsWith(d, "GIF89a"u8)),
    };

    /// <summary>Browsers sniff the first 512 bytes; twice that is searched for the start of a page or a script.</summary>
    private const int SniffBytes = 1024;

    private static readonly string[] MarkupSigns = ["<html", "<!doctype", "<script", "<body", "<head", "<iframe", "<svg", "<?xml-stylesheet"];

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
        var name = CleanName(file.FileName);
        var ext = Path.GetExtension(name);
        if (!Allowed.TryGetValue(ext, out var type))
        {
            errors.Add(field, $"Filtypen {(ext.Length == 0 ? "(saknas)" : ext)} är inte tillåten. Tillåtna är PDF, DOCX, XLSX, ODT och bilder (PNG, JPG, GIF).");
            return Outcome<Attachment>.Invalid(errors);
        }
        if (file.Length > maxBytes)
        {
            errors.Add(field, FormBody.TooLargeMessage(file.Length, maxBytes));
            return Outcome<Attachment>.Invalid(errors);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var data = buffer.ToArray();
        if (!type.Matches(data) || CarriesMarkup(data))
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

    /// <summary>"..\..\win.pdf" → "win.pdf": the last segment after either slash, control characters removed.</summary>
    public static string CleanName(string? raw)
    {
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        return name;
    }

    private static bool StartsWith(byte[] data, ReadOnlySpan<byte> magic) => data.AsSpan().StartsWith(magic);

    private static bool CarriesMarkup(byte[] data)
    {
        var head = Encoding.Latin1.GetString(data, 0, Math.Min(data.Length, SniffBytes));
        return MarkupSigns.Any(sign => head.Contains(sign, StringComparison.OrdinalIgnoreCase));
    }

    private static bool ZipHolds(byte[] data, string entryName, string? content = null)
    {
        if (!StartsWith(data, [0x50, 0x4B, 0x03, 0x04])) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data), ZipArchiveMode.Read);
            var entry = zip.GetEntry(entryName);
            if (entry is null) return false;
            if (content is null) return true;
            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim() == content;
        }
        catch (InvalidDataException)
        {
            return false; // not a readable ZIP: not the office file its name claims
        }
    }
}
