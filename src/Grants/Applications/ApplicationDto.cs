namespace Grants.Applications;

public sealed record OrganisationDto(Guid Id, string Name, string OrganisationNumber);

public sealed record VersionDto(int Number, DateTimeOffset CreatedAt, string CreatedBy, string CreatedByRole, string? Comment, string ContentHash);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record ApplicationSummaryDto(
    Guid Id, string State, string? RegistrationNumber, DateOnly? ArrivalDate, string OrganisationName,
    string ProjectName, long AmountApplied, DateTimeOffset UpdatedAt);

public sealed record ApplicationDto(
    Guid Id,
    string State,
    string? RegistrationNumber,
    DateOnly? ArrivalDate,
    DateTimeOffset? ReceivedAt,
    bool RegisteredOnBehalf,
    OrganisationDto? Organisation,
    string ProjectName,
    long AmountApplied,
    int Version,
    ApplicationForm Form,
    BudgetTotals Totals,
    IReadOnlyList<VersionDto> Versions,
    IReadOnlyList<AttachmentDto> Attachments)
{
    public static ApplicationDto From(Application a) => new(
        a.Id, a.State, a.RegistrationNumber, a.ArrivalDate, a.ReceivedAt, a.RegisteredOnBehalf,
        a.Organisation is { } o ? new OrganisationDto(o.Id, o.Name, SwedishIdentifiers.FormatOrganisationNumber(o.OrganisationNumber)) : null,
        a.ProjectName, a.AmountApplied, a.Version, a.Form, a.Form.Totals,
        a.Versions.OrderBy(v => v.Number).Select(v => new VersionDto(v.Number, v.CreatedAt, v.CreatedBy, v.CreatedByRole, v.Comment, v.ContentHash)).ToList(),
        a.Attachments.OrderBy(x => x.UploadedAt).Select(AttachmentDtoOf).ToList());

    public static AttachmentDto AttachmentDtoOf(Attachment x) => new(x.Id, x.FileName, x.ContentType, x.Size, x.Sha256, x.UploadedAt, x.UploadedBy);
}
