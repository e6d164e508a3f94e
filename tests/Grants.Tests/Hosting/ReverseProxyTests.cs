using System.Net;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Hosting;

/// <summary>
/// Production behind the TLS proxy of docs/deployment.md: Secure cookies on, Kestrel on plain http on loopback. The proxy's
/// X-Forwarded-Proto tells the app the request was https, so the sign-in page (antiforgery cookie) works and its cookie is Secure.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private readonly GrantsApp _app = new();

    public Task InitializeAsync()
    {
        _app.With("App:SecureCookies", "true");
        _app.UseKestrel(0);
        _app.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Plain()
    {
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task A_page_with_a_form_behind_the_proxy_answers_with_a_secure_cookie()
    {
        using var http = Plain();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").Should().NotBeEmpty().And.OnlyContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Plain_http_without_the_proxy_gets_a_Swedish_explanation_not_a_500_and_health_stays_open()
    {
        using var http = Plain();
        foreach (var path in new[] { "/Account/Login", "/", "/Applications" })
        {
            using var page = await http.GetAsync(path);
            page.StatusCode.Should().Be(HttpStatusCode.BadRequest, path);
            (await page.Content.ReadAsStringAsync()).Should().Contain("Grants kräver HTTPS").And.Contain("X-Forwarded-Proto");
        }
        using var post = await http.PostAsync("/Account/Login", new FormUrlEncodedContent([new("Email", "a@b.se"), new("Password", "x")]));
        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using var api = await http.GetAsync("/api/applications");
        api.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await api.Content.ReadAsStringAsync()).Should().Contain("Grants kräver HTTPS");

        using var health = await http.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
