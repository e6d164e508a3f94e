using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Organisations;

/// <summary>
/// A member's invitation of a colleague: a single-use, expiring link mailed to the colleague's address. Holding
/// the link proves the address, so the colleague joins without further approval. Only the token's hash is stored.
/// </summary>
public sealed class OrganisationInvitation
{
    public long Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string InvitedById { get; set; } = "";
    public string InvitedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? UsedByUserId { get; set; }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> b)
    {
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.OrganisationId);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.InvitedById).HasMaxLength(450);
        b.Property(i => i.InvitedByName).HasMaxLength(200);
        b.Property(i => i.UsedByUserId).HasMaxLength(450);
    }
}
