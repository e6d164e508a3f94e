using System.Net;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Identity;

/// <summary>
/// The demo host with a small per-client sign-in limit. The in-memory test server has no client address, so a
/// test header stands in for it (set first in the pipeline, before the rate limiter reads it).
/// </summary>
public sealed class AccountsApp : GrantsApp
{
    public const string ClientIpHeader = "X-Test-Client-Ip";
    public const int ClientPermitLimit = 6;
    private int _nextClient;

    public AccountsApp() => With("Accounts:ClientPermitLimit", ClientPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    /// <summary>A client of its own address (its own limiter partition), optionally keeping cookies.</summary>
    public HttpClient Client(bool cookies = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        client.DefaultRequestHeaders.Add(ClientIpHeader, $"10.0.0.{Interlocked.Increment(ref _nextClient)}");
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext ctx, Func<Task> nextMiddleware) =>
            {
                if (IPAddress.TryParse(ctx.Request.Headers[ClientIpHeader].ToString(), out var ip)) ctx.Connection.RemoteIpAddress = ip;
                return nextMiddleware();
            });
            next(app);
        };
    }
}
