using System.ComponentModel.DataAnnotations;

namespace Grants.Identity;

/// <summary>Settings under "Accounts".</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>How long an invitation or first-administrator link stays valid.</summary>
    [Range(1, 24 * 30, ErrorMessage = "Accounts:SetupLinkHours måste vara mellan 1 och 720.")]
    public int SetupLinkHours { get; set; } = 72;

    /// <summary>How long a password-reset link stays valid.</summary>
    [Range(5, 24 * 60, ErrorMessage = "Accounts:ResetLinkMinutes måste vara mellan 5 och 1440.")]
    public int ResetLinkMinutes { get; set; } = 60;

    /// <summary>How long the link confirming a registration or a new e-mail address stays valid.</summary>
    [Range(1, 24 * 14, ErrorMessage = "Accounts:ConfirmLinkHours måste vara mellan 1 och 336.")]
    public int ConfirmLinkHours { get; set; } = 24;

    /// <summary>How long a member's invitation of a colleague to the organisation stays valid.</summary>
    [Range(1, 24 * 30, ErrorMessage = "Accounts:ColleagueInvitationHours måste vara mellan 1 och 720.")]
    public int ColleagueInvitationHours { get; set; } = 72;

    /// <summary>Lifetime of a bearer access token; a refresh token (RefreshTokenHours) gets a new one.</summary>
    [Range(1, 60, ErrorMessage = "Accounts:AccessTokenMinutes måste vara mellan 1 och 60.")]
    public int AccessTokenMinutes { get; set; } = 10;

    [Range(1, 24 * 14, ErrorMessage = "Accounts:RefreshTokenHours måste vara mellan 1 och 336.")]
    public int RefreshTokenHours { get; set; } = 8;

    /// <summary>Failed sign-ins per address before each further attempt must wait (growing, never a lock-out).</summary>
    [Range(1, 100, ErrorMessage = "Accounts:FreeAttempts måste vara mellan 1 och 100.")]
    public int FreeAttempts { get; set; } = 5;

    /// <summary>The longest wait between attempts on one address, in seconds.</summary>
    [Range(1, 3600, ErrorMessage = "Accounts:MaxDelaySeconds måste vara mellan 1 och 3600.")]
    public int MaxDelaySeconds { get; set; } = 60;

    /// <summary>Sign-in requests (pages and API) allowed per client address and window.</summary>
    [Range(1, 100_000, ErrorMessage = "Accounts:ClientPermitLimit måste vara mellan 1 och 100000.")]
    public int ClientPermitLimit { get; set; } = 30;

    [Range(1, 3600, ErrorMessage = "Accounts:ClientWindowSeconds måste vara mellan 1 och 3600.")]
    public int ClientWindowSeconds { get; set; } = 60;

    /// <summary>Days after deactivation before an Admin may anonymise the person (docs/personal-data.md, retention).</summary>
    [Range(0, 3650, ErrorMessage = "Accounts:AnonymiseAfterDays måste vara mellan 0 och 3650.")]
    public int AnonymiseAfterDays { get; set; } = 1095;

    /// <summary>Days an unconfirmed registration that owns nothing is kept before the sweep deletes it.</summary>
    [Range(1, 365, ErrorMessage = "Accounts:UnconfirmedRetentionDays måste vara mellan 1 och 365.")]
    public int UnconfirmedRetentionDays { get; set; } = 7;

    /// <summary>
    /// The passkeys' relying-party id: the site's host name (e.g. "bidrag.forbundet.se"). Empty: the host of each request,
    /// which is right unless a proxy rewrites the host. A passkey works only under the name it was made for.
    /// </summary>
    public string? PasskeyServerDomain { get; set; }
}
