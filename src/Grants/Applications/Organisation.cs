namespace Grants.Applications;

/// <summary>An applying organisation. Applicant users are bound to one; they see only its applications.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    /// <summary>Ten digits, no dash; unique.</summary>
    public string OrganisationNumber { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
