namespace Grants.Shared;

/// <summary>
/// Headers every response carries: a CSP without inline script or style (all scripts live under wwwroot/js),
/// no framing, no MIME sniffing, no referrer beyond the origin, no powerful browser features, and no caching
/// of anything but the fingerprinted static files (pages and API answers carry personal data).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    // The Hangfire dashboard (Admin only) writes its own inline scripts and styles; it gets them, nothing else does.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>
    /// Every cookie (sign-in, antiforgery, TempData) Secure unless App:SecureCookies is explicitly false (the local
    /// demo over plain http), HttpOnly, and at least SameSite=Lax.
    /// </summary>
    public static IServiceCollection AddCookieDefaults(this IServiceCollection services, bool secure) =>
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? DashboardPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Static assets set their own long-lived caching (fingerprinted URLs); everything else is personal or live.
            if (!(IsStatic(context) && headers.ContainsKey("Cache-Control")))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            headers.Remove("Server"); // Kestrel's own is switched off in Program.cs
            return Task.CompletedTask;
        });
        await next(context);
    });

    private static bool IsStatic(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js") || context.Request.Path.StartsWithSegments("/lib");
}
