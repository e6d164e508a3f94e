using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grants.Identity;
using Grants.Tests.Identity;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Shared;

/// <summary>
/// Every response carries the security headers: every GET operation of the OpenAPI document (as a role allowed
/// to read it), every page of the authorisation matrix, the login page, static files and error answers.
/// API answers and pages are never cached; Kestrel does not name itself; cookies are Secure by default.
/// </summary>
public sealed partial class SecurityHeadersTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Every_API_GET_and_every_page_carries_CSP_nosniff_referrer_framing_permissions_and_no_store()
    {
        var kansli = await app.CookieClientAsync(Login.Secretariat);
        var admin = await app.BearerClientAsync(Login.Admin);
        var doc = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var apiPaths = doc["paths"]!.AsObject().Where(p => p.Value!["get"] is not null)
            .Select(p => ParameterPattern().Replace(p.Key, m => m.Value.Contains("year", StringComparison.OrdinalIgnoreCase) ? "2026" : Guid.NewGuid().ToString()))
            .ToList();
        apiPaths.Should().HaveCountGreaterThan(20);
        // The Hangfire dashboard (Admin only) has its own, looser script policy; it is checked by the static test below.
        var pages = AuthorizationMatrixTests.Pages.Select(row => (string)row[0]).Where(p => p != "/hangfire").Concat(["/", "/Account/Login", "/Tillganglighet", "/finns-inte"]).ToList();

        var checkedCount = 0;
        foreach (var path in apiPaths)
        {
            foreach (var client in new[] { admin, kansli })
            {
                using var response = await client.GetAsync(path);
                ExpectHeaders(response, path);
                response.Headers.CacheControl?.NoStore.Should().BeTrue($"{path} answers with data that may be personal");
                checkedCount++;
            }
        }
        foreach (var path in pages)
        {
            using var response = await kansli.GetAsync(path);
            ExpectHeaders(response, path);
            response.Headers.CacheControl?.NoStore.Should().BeTrue(path);
            checkedCount++;
        }
        checkedCount.Should().BeGreaterThan(60);
    }

    [Fact]
    public async Task Static_files_anonymous_refusals_and_errors_carry_the_headers_too()
    {
        var anonymous = app.Anonymous();
        foreach (var path in new[] { "/css/site.css", "/js/application-form.js", "/api/applications", "/api/finns-inte", "/health", "/openapi/v1.json" })
        {
            using var response = await anonymous.GetAsync(path);
            ExpectHeaders(response, path);
        }
        using var malformed = await anonymous.PostAsync("/api/auth/token", Api.Json("[1,2"));
        ExpectHeaders(malformed, "POST /api/auth/token");
    }

    [Fact]
    public void Secure_cookies_are_the_default_and_the_shipped_settings_do_not_turn_them_off()
    {
        new Grants.Infrastructure.AppOptions().SecureCookies.Should().BeTrue();
        var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Grants", "appsettings.json")))!;
        shipped["App"]?["SecureCookies"].Should().BeNull("only the local demo run (appsettings.Development.json) turns them off, explicitly");
    }

    [Fact]
    public async Task With_secure_cookies_on_every_cookie_is_Secure_and_HttpOnly_and_the_app_cookies_SameSite_strict()
    {
        await using var secure = new GrantsApp().With("App:SecureCookies", "true");
        var client = secure.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"),
        });
        var login = await client.GetAsync("/Account/Login");
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().NotBeEmpty();
        cookies.Should().OnlyContain(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        cookies.Where(c => c.StartsWith("grants.", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(c => c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        ExpectHeaders(login, "/Account/Login over https");
        await ((IAsyncLifetime)secure).DisposeAsync();
    }

    private static void ExpectHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";
        ((int)response.StatusCode).Should().BeLessThan(500, what);
        var csp = Header("Content-Security-Policy");
        csp.Should().Contain("default-src 'self'", what).And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'");
        Regex.Match(csp, "script-src [^;]*").Value.Should().NotContain("unsafe-inline", what);
        Header("X-Content-Type-Options").Should().Be("nosniff", what);
        Header("Referrer-Policy").Should().Be("strict-origin-when-cross-origin", what);
        Header("X-Frame-Options").Should().Be("DENY", what);
        Header("Permissions-Policy").Should().Contain("camera=()", what);
        Header("Server").Should().BeEmpty(what);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}
