namespace Grants.Identity.External;

/// <summary>Whom a provider signs in: the förbund's staff (their organisation's IdP) or applicants (an e-legitimation broker).</summary>
public enum ExternalAudience { Staff, Applicant }

/// <summary>One OpenID Connect provider under Accounts:ExternalProviders (a list). The client secret comes from configuration only.</summary>
public sealed class ExternalProviderOptions
{
    public const string Section = "Accounts:ExternalProviders";

    /// <summary>The authentication scheme, also the provider name stored with each linked login (letters, digits, '-').</summary>
    public string Scheme { get; set; } = "";
    /// <summary>Shown on the login button: "Logga in med {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>The issuer; its /.well-known/openid-configuration is read.</summary>
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>Empty for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; set; }
    public ExternalAudience Audience { get; set; } = ExternalAudience.Staff;
    /// <summary>Only for a provider on loopback in tests: metadata over plain http.</summary>
    public bool AllowHttpMetadata { get; set; }

    /// <summary>
    /// "amr" values that show the provider checked a second factor (RFC 8176: "mfa", "hwk", "otp", ...).
    /// A staff sign-in without one of these (or an <see cref="MfaAcrValues"/> match) must also pass the local authenticator app.
    /// </summary>
    public List<string> MfaAmrValues { get; set; } = ["mfa"];
    /// <summary>"acr" values that mean multi-factor at this provider (e.g. the broker's LoA 3 URI).</summary>
    public List<string> MfaAcrValues { get; set; } = [];

    /// <summary>The callback path the provider must have registered for this client.</summary>
    public string CallbackPath => $"/signin-oidc-{Scheme.ToLowerInvariant()}";
}
