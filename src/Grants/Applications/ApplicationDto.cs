namespace Grants.Applications;

public sealed record OrganisationDto(Guid Id, string Name, string OrganisationNumber);

public sealed record VersionDto(int Number, DateTimeOffset CreatedAt, string CreatedBy, string CreatedByRole, string? Comment, string ContentHash);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record ApplicationSummaryDto(
    Guid Id, string State, string? RegistrationNumber, DateOnly? ArrivalDate, string OrganisationName,
    string ProjectName, long AmountApplied, DateTimeOffset UpdatedAt);

/// <summary>One page of the list: the rows, where they are in the whole, and the links to the pages beside it (null at the ends).</summary>
public sealed record ApplicationListDto(
    IReadOnlyList<ApplicationSummaryDto> Items, int Page, int PageSize, int Total, int TotalPages, string? Next, string? Previous)
{
    public static ApplicationListDto From(ApplicationPage p) => new(
        p.Items, p.Page, p.PageSize, p.Total, p.TotalPages,
        p.HasNext ? Link(p, p.Page + 1) : null,
        p.HasPrevious ? Link(p, p.Page - 1) : null);

    private static string Link(ApplicationPage p, int page)
    {
        var query = new Dictionary<string, string?> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture), ["pageSize"] = p.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (p.Status is not null) query["status"] = p.Status;
        if (p.Search is not null) query["search"] = p.Search;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/applications", query);
    }
}

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
