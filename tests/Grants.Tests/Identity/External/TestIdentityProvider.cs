using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Grants.Tests.Identity.External;

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on a loopback port with its EF Core stores in an
/// in-memory SQLite database, its own login form and cookie. It issues authorization codes (PKCE required) and signed
/// ID tokens for the people the test registers, with or without a verified e-mail and a multi-factor "amr".
/// Served as http://localhost:port so it is another site than Grants on 127.0.0.1 (SameSite rules apply as in production).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "grants";
    public const string ClientSecret = "test-client-secret-from-configuration";
    private const string CookieScheme = "idp";

    public sealed record Person(string Subject, string Email, bool EmailVerified, string Password, string Name, bool Mfa);

    private readonly ConcurrentDictionary<string, Person> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly WebApplication _app;
    private readonly SqliteConnection _store;

    private TestIdentityProvider(WebApplication app, SqliteConnection store)
    {
        _app = app;
        _store = store;
    }

    /// <summary>http://localhost:port/ — the issuer.</summary>
    public string Authority { get; private set; } = "";

    public void Add(Person person) => _people[person.Email] = person;

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDbContext<IdpDb>(o => o.UseSqlite(store).UseOpenIddict());
        builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "idp.session";
            o.LoginPath = "/login";
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // Plain http on loopback: in this test host only.
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var idp = new TestIdentityProvider(app, store);
        app.UseAuthentication();
        app.MapGet("/login", (HttpContext ctx) => LoginForm(ctx.Request.Query["ReturnUrl"].ToString(), null));
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)idp.SignInAsync);
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)idp.AuthorizeAsync);

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IdpDb>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        idp.Authority = $"http://localhost:{port}/";
        return idp;
    }

    /// <summary>Registers Grants as a confidential client with its callback address.</summary>
    public async Task RegisterClientAsync(params string[] redirectUris)
    {
        using var scope = _app.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Grants",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris) client.RedirectUris.Add(new Uri(uri));
        await manager.CreateAsync(client);
    }

    private async Task<IResult> SignInAsync(HttpContext ctx)
    {
        var form = await ctx.Request.ReadFormAsync();
        var returnUrl = form["ReturnUrl"].ToString();
        // Only back into this provider's own authorization endpoint.
        if (!returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal)) return Results.BadRequest();
        if (!_people.TryGetValue(form["Email"].ToString(), out var person) || person.Password != form["Password"].ToString())
            return LoginForm(returnUrl, "Fel e-post eller lösenord.");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, person.Email)], CookieScheme);
        await ctx.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    private async Task<IResult> AuthorizeAsync(HttpContext ctx)
    {
        var request = ctx.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await ctx.AuthenticateAsync(CookieScheme);
        if (!session.Succeeded || session.Principal.Identity?.Name is not { } email || !_people.TryGetValue(email, out var person))
            return Results.Challenge(new AuthenticationProperties { RedirectUri = ctx.Request.Path + ctx.Request.QueryString }, [CookieScheme]);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject)
            .SetClaim(Claims.Email, person.Email)
            .SetClaim(Claims.EmailVerified, person.EmailVerified)
            .SetClaim(Claims.Name, person.Name)
            .SetClaims(Claims.AuthenticationMethodReference, person.Mfa ? ["pwd", "otp", "mfa"] : ["pwd"]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult LoginForm(string returnUrl, string? error)
    {
        var encoder = HtmlEncoder.Default;
        var html = $"""
            <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Testleverantören</title></head><body><main>
            <h1>Testleverantören</h1>
            {(error is null ? "" : $"<p role=\"alert\">{encoder.Encode(error)}</p>")}
            <form method="post" action="/login">
            <input type="hidden" name="ReturnUrl" value="{encoder.Encode(returnUrl)}">
            <label for="idp-email">Användare</label><input id="idp-email" name="Email" type="email">
            <label for="idp-password">Lösenord hos leverantören</label><input id="idp-password" name="Password" type="password">
            <button type="submit">Fortsätt till tjänsten</button>
            </form></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    private sealed class IdpDb(DbContextOptions<IdpDb> options) : DbContext(options);
}
