using System.Security.Claims;
using Grants.Identity;

namespace Grants.Shared;

/// <summary>Who did something, in which role: every change to a record is attributed to one.</summary>
public sealed record Actor(string UserId, string Name, string Role)
{
    /// <summary>Every role the user holds; <see cref="Role"/> is the one recorded on a change.</summary>
    public IReadOnlyCollection<string> Roles { get; init; } = [Role];

    public static Actor System { get; } = new("system", "Systemet", "System");

    public bool Has(string role) => Roles.Contains(role);

    /// <summary>The same user acting in the first of the allowed roles they hold (recorded as that role).</summary>
    public Actor ActingAs(IEnumerable<string> allowed) =>
        allowed.FirstOrDefault(Has) is { } role ? this with { Role = role } : this;

    public static Actor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user has no id claim.");
        var name = user.FindFirstValue(GrantsClaims.DisplayName) ?? user.Identity?.Name ?? id;
        return new Actor(id, name, Identity.Roles.PrimaryRole(user))
        {
            Roles = Identity.Roles.All.Where(user.IsInRole).ToArray(),
        };
    }
}

/// <summary>A request that is well-formed but not allowed in the current state: answered 409.</summary>
public sealed class DomainConflictException(string message) : Exception(message);
