using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Set for Sökande: the one organisation whose applications the user sees.</summary>
    public Guid? OrganisationId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    /// <summary>Set while the account is deactivated: no sign-in, every open session ends. Records keep the name.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
    /// <summary>Set when the person has finished set-up (password and, for staff, the second factor).</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    public bool IsActive => DeactivatedAt is null;
}
