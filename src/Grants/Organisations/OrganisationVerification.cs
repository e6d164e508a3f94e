using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Organisations;

/// <summary>The kansli's mark that an organisation is what it says (checked against a register): who and when.</summary>
public sealed class OrganisationVerification
{
    public Guid OrganisationId { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }
    public string VerifiedById { get; set; } = "";
    public string VerifiedByName { get; set; } = "";
}

public sealed class OrganisationVerificationConfiguration : IEntityTypeConfiguration<OrganisationVerification>
{
    public void Configure(EntityTypeBuilder<OrganisationVerification> b)
    {
        b.HasKey(v => v.OrganisationId);
        b.Property(v => v.VerifiedById).HasMaxLength(450);
        b.Property(v => v.VerifiedByName).HasMaxLength(200);
    }
}
