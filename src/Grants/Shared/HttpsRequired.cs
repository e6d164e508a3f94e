using System.Net;

namespace Grants.Shared;

/// <summary>
/// With App:SecureCookies on (every production setting), a browser over plain http never returns the sign-in and
/// antiforgery cookies, and ASP.NET Core's antiforgery throws on such a request. So a misrouted request (Kestrel opened
/// directly, or a proxy that does not send X-Forwarded-Proto) gets a clear answer saying what to fix instead of a 500.
/// /health stays open for load balancers that probe over http on loopback.
/// </summary>
public static class HttpsRequired
{
    public const string Title = "Grants kräver HTTPS";
    public const string Detail = "Öppna adressen med https://. Står Grants bakom en omvänd proxy ska proxyn skicka X-Forwarded-Proto " +
        "(se docs/deployment.md). Bara för en lokal provkörning utan TLS kan App:SecureCookies sättas till false.";

    public static IApplicationBuilder UseHttpsRequired(this IApplicationBuilder app, bool secureCookies)
    {
        if (!secureCookies) return app;
        var warned = 0;
        return app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health"))
            {
                await next(context);
                return;
            }
            if (Interlocked.Exchange(ref warned, 1) == 0)
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsRequired))
                    .LogWarning("A request arrived over plain http while App:SecureCookies is on; it was refused with 400 (see docs/deployment.md)");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(title: Title, detail: Detail, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"""
                <!DOCTYPE html>
                <html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{Title}</title></head>
                <body><main><h1>{Title}</h1><p>{WebUtility.HtmlEncode(Detail)}</p></main></body></html>
                """);
        });
    }
}
