using System.Security.Claims;
using Grants.Identity;

namespace Grants.Shared;

/// <summary>Who did something, in which role: every change to a record is attributed to one.</summary>
public sealed record Actor(string UserId, string Name, string Role)
{
    public static Actor System { get; } = new("system", "Systemet", "System");

    public static Actor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user has no id claim.");
        var name = user.FindFirstValue(GrantsClaims.DisplayName) ?? user.Identity?.Name ?? id;
        return new Actor(id, name, Roles.PrimaryRole(user));
    }
}

/// <summary>A request that is well-formed but not allowed in the current state: answered 409.</summary>
public sealed class DomainConflictException(string message) : Exception(message);
