using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Grants.Identity;

/// <summary>
/// ASP.NET Core's rate limiter on every sign-in form and endpoint, per client address: a fixed window of
/// <see cref="AccountOptions.ClientPermitLimit"/> POSTs. Answers 429 with problem details and Retry-After.
/// Per-address delays are SignInThrottle's job; together they slow both wide and narrow guessing.
/// </summary>
public static class SignInRateLimit
{
    /// <summary>Pages and endpoints whose POST tries a secret (password, code, link) or sends mail.</summary>
    private static readonly string[] Paths =
    [
        "/Account/Login", "/Account/TwoFactor", "/Account/ForgotPassword", "/Account/Setup", "/Account/Register",
        "/api/auth/token", "/api/auth/refresh",
    ];

    public static IServiceCollection AddSignInRateLimiter(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountOptions>>((o, accounts) =>
        {
            var a = accounts.Value;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                IsSignIn(ctx.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter($"sign-in:{ctx.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = a.ClientPermitLimit,
                        Window = TimeSpan.FromSeconds(a.ClientWindowSeconds),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && Paths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        const string title = "För många försök";
        var detail = $"För många inloggningsförsök från din anslutning. Vänta {seconds} sekunder och försök igen.";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: title).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main><h1>{title}</h1><p>{detail}</p><p><a href=\"/Account/Login\">Till inloggningen</a></p></main></body></html>", ct);
    }
}
