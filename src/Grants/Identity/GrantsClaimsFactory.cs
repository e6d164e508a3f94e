using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Grants.Identity;

/// <summary>Adds the organisation and display name to the principal so handlers can scope queries.</summary>
public sealed class GrantsClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(GrantsClaims.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } org) identity.AddClaim(new Claim(GrantsClaims.Organisation, org.ToString()));
        return identity;
    }
}
