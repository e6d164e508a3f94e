using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>
/// Bearer tokens carry the security stamp but the bearer handler never compares it with the account.
/// This does, on every request, so a token stops working the moment its owner logs out, is deactivated,
/// changes password or gets other roles (cookies get the same from the security stamp validator).
/// </summary>
public static class SessionCheck
{
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true
            && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var signIn = ctx.RequestServices.GetRequiredService<SignInManager<AppUser>>();
            var user = await signIn.ValidateSecurityStampAsync(ctx.User);
            if (user is null || !user.IsActive) ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next();
    });
}
