using System.Globalization;
using Grants.Applications;
using Grants.Shared;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Grants.Identity;

/// <summary>
/// POST /api/auth/token exchanges e-mail and password (and the authenticator code when the account has a second
/// factor) for a short-lived bearer token and a refresh token; /refresh renews it, /logout revokes every token and
/// cookie of the account (the security stamp changes).
/// </summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode, string? TwoFactorRecoveryCode);
    public sealed record RefreshRequest(string? RefreshToken);

    public static void MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Inloggning");

        group.MapPost("/token", async Task<IResult> (HttpRequest http, PasswordSignIn passwords, UserManager<AppUser> users, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<TokenRequest>(http, FormJsonOptions.Options, ct);
                if (body.Kind != OutcomeKind.Ok) return ApiResults.Validation(body.Errors);
                var request = body.Value!;
                var errors = new ValidationErrors();
                if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "E-post måste fyllas i.");
                if (string.IsNullOrWhiteSpace(request.Password)) errors.Add("password", "Lösenord måste fyllas i.");
                if (!errors.IsEmpty) return ApiResults.Validation(errors);

                // The bearer scheme writes the token response itself when sign-in succeeds.
                var attempt = await passwords.PasswordAsync(request.Email!, request.Password!, IdentityConstants.BearerScheme, ct);
                if (attempt.Status == SignInStatus.RequiresTwoFactor)
                {
                    if (string.IsNullOrWhiteSpace(request.TwoFactorCode) && string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode))
                        return ApiResults.Problem(401, "Tvåstegsverifiering krävs", "Skicka också twoFactorCode från autentiseringsappen (eller twoFactorRecoveryCode).");
                    var user = await users.FindByEmailAsync(request.Email!.Trim()) ?? throw new InvalidOperationException("The user passed the password step.");
                    attempt = await passwords.SecondFactorAsync(user, request.TwoFactorCode, request.TwoFactorRecoveryCode, IdentityConstants.BearerScheme, ct);
                }
                return Answer(http, attempt);
            })
            .AllowAnonymous()
            .DisableAntiforgery();

        group.MapPost("/refresh", async Task<IResult> (HttpRequest http, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer,
                TimeProvider time, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<RefreshRequest>(http, FormJsonOptions.Options, ct);
                if (body.Kind != OutcomeKind.Ok) return ApiResults.Validation(body.Errors);
                if (string.IsNullOrWhiteSpace(body.Value!.RefreshToken))
                {
                    var errors = new ValidationErrors();
                    errors.Add("refreshToken", "refreshToken måste fyllas i.");
                    return ApiResults.Validation(errors);
                }
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.Value.RefreshToken);
                // Expired, forged, or issued before a logout/deactivation/password change (stamp differs): refused.
                if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                    || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsActive: true } user)
                    return ApiResults.Problem(401, "Förnyelsen misslyckades", "Refresh-token är ogiltig eller har gått ut. Logga in igen.");
                var principal = await signIn.CreateUserPrincipalAsync(user);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .DisableAntiforgery();

        group.MapPost("/logout", async (System.Security.Claims.ClaimsPrincipal principal, UserManager<AppUser> users, AccountAudit audit,
                Infrastructure.GrantsDbContext db, CancellationToken ct) =>
            {
                if (await users.GetUserAsync(principal) is not { } user) return Results.NoContent();
                await users.UpdateSecurityStampAsync(user);
                audit.Add(Actor.From(principal), user.Id, AccountAudit.SignedOut, "Alla sessioner och token avslutade (API)");
                await db.SaveChangesAsync(ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.SignedIn)
            .DisableAntiforgery();

        group.MapGet("/me", (System.Security.Claims.ClaimsPrincipal user) => Results.Ok(new
            {
                name = user.FindFirst(GrantsClaims.DisplayName)?.Value,
                email = user.Identity?.Name,
                roles = Roles.All.Where(user.IsInRole).ToArray(),
                organisationId = user.OrganisationId(),
            }))
            .RequireAuthorization(Policies.SignedIn);
    }

    private static IResult Answer(HttpRequest http, SignInAttempt attempt)
    {
        switch (attempt.Status)
        {
            case SignInStatus.Succeeded:
                return Results.Empty;
            case SignInStatus.Delayed:
                http.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(attempt.RetryAfter!.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ApiResults.Problem(429, "Vänta innan nästa försök", attempt.Message);
            case SignInStatus.NotAllowed:
                return ApiResults.Problem(403, "Inloggningen är inte tillåten", attempt.Message);
            default:
                return ApiResults.Problem(401, "Inloggningen misslyckades", attempt.Message);
        }
    }
}
