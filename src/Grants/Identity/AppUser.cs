using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Set for Sökande: the one organisation whose applications the user sees.</summary>
    public Guid? OrganisationId { get; set; }
}
