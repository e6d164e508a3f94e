using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Identity;

/// <summary>What a mailed or printed account link lets its holder do.</summary>
public enum AccountLinkPurpose
{
    /// <summary>First administrator or an invited person: set a password (and a second factor for staff).</summary>
    Setup = 1,
    /// <summary>Forgotten password: set a new one.</summary>
    PasswordReset = 2,
    /// <summary>A self-registered applicant confirms the address; the account and organisation step follow.</summary>
    ConfirmEmail = 3,
    /// <summary>A signed-in person changes address: the link goes to the new one (<see cref="AccountLink.NewEmail"/>).</summary>
    ChangeEmail = 4,
}

/// <summary>
/// A single-use, expiring link. Only the SHA-256 of the token is stored, so a copy of the database
/// does not hold usable links.
/// </summary>
public sealed class AccountLink
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public AccountLinkPurpose Purpose { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    /// <summary>For <see cref="AccountLinkPurpose.ChangeEmail"/>: the address that becomes the account's when the link is used.</summary>
    public string? NewEmail { get; set; }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed class AccountLinkConfiguration : IEntityTypeConfiguration<AccountLink>
{
    public void Configure(EntityTypeBuilder<AccountLink> b)
    {
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => l.UserId);
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.Property(l => l.UserId).HasMaxLength(450);
        b.Property(l => l.NewEmail).HasMaxLength(256);
    }
}

/// <summary>
/// Failed sign-ins per address (hashed, known or not): the delay before the next attempt grows with
/// each failure instead of locking the account, and unknown addresses are treated exactly alike.
/// </summary>
public sealed class SignInThrottleEntry
{
    /// <summary>SHA-256 of the normalised address.</summary>
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset NotBefore { get; set; }
}

public sealed class SignInThrottleEntryConfiguration : IEntityTypeConfiguration<SignInThrottleEntry>
{
    public void Configure(EntityTypeBuilder<SignInThrottleEntry> b)
    {
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(64);
    }
}
