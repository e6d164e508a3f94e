using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Grants.Identity.External;

/// <summary>Registers one OpenID Connect handler (authorization code + PKCE) per configured provider.</summary>
public static class ExternalSignInSetup
{
    public static IServiceCollection AddExternalSignIn(this IServiceCollection services, IConfiguration configuration, bool secureCookies)
    {
        var providers = configuration.GetSection(ExternalProviderOptions.Section).Get<List<ExternalProviderOptions>>() ?? [];
        var errors = Validate(providers);
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors));
        services.AddSingleton(new ExternalProviders(providers));
        services.AddScoped<ExternalSignIn>();
        services.AddScoped<ExternalLinks>();
        if (providers.Count == 0) return services;

        var auth = new Microsoft.AspNetCore.Authentication.AuthenticationBuilder(services);
        foreach (var p in providers)
        {
            auth.AddOpenIdConnect(p.Scheme, p.DisplayName, o =>
            {
                o.Authority = p.Authority;
                o.ClientId = p.ClientId;
                o.ClientSecret = string.IsNullOrEmpty(p.ClientSecret) ? null : p.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be
                // SameSite=Lax (form_post would need SameSite=None, which browsers accept only over https).
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.CallbackPath = p.CallbackPath;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.RequireHttpsMetadata = !p.AllowHttpMetadata;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.Scope.Add("email");
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                // Keep "acr": the staff second-factor rule reads it.
                o.ClaimActions.Remove("acr");
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = o.CorrelationCookie.SecurePolicy;
                // A refused or failed sign-in at the provider lands on a Swedish page, not an exception.
                o.Events.OnRemoteFailure = ctx =>
                {
                    ctx.HandleResponse();
                    ctx.Response.Redirect($"/Account/External?handler=Failed&provider={Uri.EscapeDataString(p.Scheme)}");
                    return Task.CompletedTask;
                };
            });
        }
        return services;
    }

    private static List<string> Validate(List<ExternalProviderOptions> providers)
    {
        var errors = new List<string>();
        foreach (var (p, i) in providers.Select((p, i) => (p, i)))
        {
            var at = $"{ExternalProviderOptions.Section}:{i}";
            if (p.Scheme.Length is 0 or > 40 || !p.Scheme.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                errors.Add($"{at}:Scheme måste vara 1–40 bokstäver, siffror eller bindestreck.");
            if (string.IsNullOrWhiteSpace(p.DisplayName)) errors.Add($"{at}:DisplayName måste anges (visas på inloggningsknappen).");
            if (!Uri.TryCreate(p.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps && !p.AllowHttpMetadata)
                errors.Add($"{at}:Authority måste vara en https-adress.");
            if (string.IsNullOrWhiteSpace(p.ClientId)) errors.Add($"{at}:ClientId måste anges.");
        }
        foreach (var dup in providers.GroupBy(p => p.Scheme, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add($"{ExternalProviderOptions.Section}: Scheme \"{dup.Key}\" finns flera gånger.");
        return errors;
    }
}

/// <summary>The configured providers, for the login page and the sign-in use case.</summary>
public sealed class ExternalProviders(IReadOnlyList<ExternalProviderOptions> all)
{
    public IReadOnlyList<ExternalProviderOptions> All { get; } = all;

    public ExternalProviderOptions? Find(string? scheme) =>
        All.FirstOrDefault(p => string.Equals(p.Scheme, scheme, StringComparison.Ordinal));
}
