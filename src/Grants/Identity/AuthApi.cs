using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>POST /api/auth/token: exchanges e-mail and password for a bearer token (same users as the pages).</summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? Email, string? Password);

    public static void MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Inloggning");

        group.MapPost("/token", async (TokenRequest? request, SignInManager<AppUser> signIn) =>
            {
                var errors = new ValidationErrors();
                if (string.IsNullOrWhiteSpace(request?.Email)) errors.Add("email", "E-post måste fyllas i.");
                if (string.IsNullOrWhiteSpace(request?.Password)) errors.Add("password", "Lösenord måste fyllas i.");
                if (!errors.IsEmpty) return ApiResults.Validation(errors);

                // The bearer scheme writes the token response itself when sign-in succeeds.
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(request!.Email!, request.Password!, isPersistent: false, lockoutOnFailure: true);
                if (result.IsLockedOut) return ApiResults.Problem(429, "Kontot är låst", "För många misslyckade inloggningar. Försök igen om en stund.");
                return result.Succeeded ? Results.Empty : ApiResults.Problem(401, "Inloggningen misslyckades", "Fel e-post eller lösenord.");
            })
            .AllowAnonymous()
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
}
