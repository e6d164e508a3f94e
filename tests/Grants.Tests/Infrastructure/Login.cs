using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Grants.Demo;
using Grants.Identity;

namespace Grants.Tests.Infrastructure;

/// <summary>The demo users (src/Grants/Demo/DemoData.cs) and the two ways of logging in.</summary>
public static partial class Login
{
    public const string Applicant = "sokande@demo.grants.se";
    /// <summary>An applicant of another organisation (Norsjö kommun).</summary>
    public const string OtherApplicant = "sokande.norsjo@demo.grants.se";
    public const string Secretariat = "kansli@demo.grants.se";
    public const string Lsg = "lsg@demo.grants.se";
    public const string Board = "styrelse@demo.grants.se";
    public const string Admin = "admin@demo.grants.se";

    /// <summary>The demo user holding the role.</summary>
    public static string EmailOf(string role) =>
        DemoData.Users.First(u => u.Role == role).Email;

    public static readonly string[] AllRoles = Roles.All;

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    public static async Task<HttpClient> BearerAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = DemoData.Password });
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Login as {email} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>()
            ?? throw new InvalidOperationException("Empty token response.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>GET the login page, POST its form with the antiforgery token; expects the redirect that follows success.</summary>
    public static async Task CookieAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = DemoData.Password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Cookie login as {email} gave {(int)response.StatusCode}.");
    }

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
