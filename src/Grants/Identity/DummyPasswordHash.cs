using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Grants.Identity;

/// <summary>
/// A hash of a random password, verified for unknown addresses so that a sign-in costs the same whether or not the
/// address has an account. Made with the configured <see cref="PasswordHasherOptions"/>: the same format and cost as real hashes.
/// </summary>
public sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    public static readonly AppUser Nobody = new() { Id = "unknown", UserName = "unknown" };

    private readonly Lazy<string> _hash = new(() => new PasswordHasher<AppUser>(options).HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public string Hash => _hash.Value;
}
