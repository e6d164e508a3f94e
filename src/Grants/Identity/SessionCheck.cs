using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Grants.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Identity;

/// <summary>
/// Bearer tokens carry the security stamp but the bearer handler never compares it with the account.
/// This does, on every request, so a token stops working the moment its owner logs out, is deactivated,
/// changes password or gets other roles (cookies get the same from the security stamp validator).
/// </summary>
public static class SessionCheck
{
    /// <summary>
    /// The cookie's check. Identity's SecurityStampValidator skips the check until its interval has passed on the
    /// clock (zero still skips within the same tick), so this compares the stamp on every request instead.
    /// </summary>
    public static async Task ValidateCookieAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext ctx)
    {
        var signIn = ctx.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        var principal = ctx.Principal;
        var user = principal is null ? null : await signIn.ValidateSecurityStampAsync(principal);
        if (principal is not null && user is { IsActive: true })
        {
            // Joining an organisation (approval, invitation) changes what the person may see, not who they are:
            // the cookie takes the new organisation on the next request instead of ending the session.
            if (principal.OrganisationId() != user.OrganisationId)
            {
                var renewed = await signIn.CreateUserPrincipalAsync(user);
                if (principal.FindFirst("amr") is { } amr) ((ClaimsIdentity)renewed.Identity!).AddClaim(new Claim(amr.Type, amr.Value));
                ctx.ReplacePrincipal(renewed);
                ctx.ShouldRenew = true;
            }
            return;
        }
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true
            && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            if (!await StampHoldsAsync(ctx)) ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next();
    });

    /// <summary>
    /// What SignInManager.ValidateSecurityStampAsync checks (the account exists and its stamp is the token's), plus that it
    /// is active, in one indexed query reading two columns instead of loading and tracking the whole account.
    /// </summary>
    private static async Task<bool> StampHoldsAsync(HttpContext ctx)
    {
        var claims = ctx.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (ctx.User.FindFirstValue(claims.UserIdClaimType) is not { } userId) return false;
        var db = ctx.RequestServices.GetRequiredService<GrantsDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DeactivatedAt }).SingleOrDefaultAsync(ctx.RequestAborted);
        return account is { DeactivatedAt: null } && account.SecurityStamp == ctx.User.FindFirstValue(claims.SecurityStampClaimType);
    }
}
