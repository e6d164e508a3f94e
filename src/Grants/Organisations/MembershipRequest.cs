using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Organisations;

public enum MembershipStatus
{
    /// <summary>Registered, e-mail not yet confirmed: the organisation is not touched yet.</summary>
    Unconfirmed = 0,
    /// <summary>Confirmed; the organisation existed, so a member or the kansli must approve.</summary>
    Pending = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>
/// A person's way into an organisation: named by organisationsnummer at registration, decided on confirmation
/// (a new organisation: approved as its first member) or by a member or the kansli. Kept after the decision, so
/// who let whom in, and when, stays on record.
/// </summary>
public sealed class MembershipRequest
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>Ten digits, as typed at registration (validated).</summary>
    public string OrganisationNumber { get; set; } = "";
    /// <summary>The name typed at registration; used when the organisation is created.</summary>
    public string OrganisationName { get; set; } = "";
    /// <summary>Set on confirmation.</summary>
    public Guid? OrganisationId { get; set; }
    public MembershipStatus Status { get; set; }
    /// <summary>The person created the organisation by confirming.</summary>
    public bool Founder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecidedByRole { get; set; }
}

public sealed class MembershipRequestConfiguration : IEntityTypeConfiguration<MembershipRequest>
{
    public void Configure(EntityTypeBuilder<MembershipRequest> b)
    {
        b.HasIndex(r => r.UserId);
        b.HasIndex(r => new { r.OrganisationId, r.Status });
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.OrganisationNumber).HasMaxLength(10);
        b.Property(r => r.OrganisationName).HasMaxLength(200);
        b.Property(r => r.DecidedById).HasMaxLength(450);
        b.Property(r => r.DecidedByName).HasMaxLength(200);
        b.Property(r => r.DecidedByRole).HasMaxLength(50);
    }
}
