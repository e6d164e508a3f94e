using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>The Identity schema this database uses: Version3 has the passkeys table (AspNetUserPasskeys).</summary>
public static class IdentitySchema
{
    public static readonly Version Version = IdentitySchemaVersions.Version3;
}
