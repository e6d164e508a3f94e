namespace Grants.Applications;

/// <summary>A bilaga. Stored in the database with a SHA-256 checksum; never replaced, only added.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    public AttachmentContent? Content { get; set; }
}

/// <summary>The bytes, in their own table so listing attachments never loads them.</summary>
public sealed class AttachmentContent
{
    public Guid AttachmentId { get; set; }
    public byte[] Data { get; set; } = [];
}

public sealed class RegistrationCounter
{
    public int Year { get; set; }
    public int Last { get; set; }
}
