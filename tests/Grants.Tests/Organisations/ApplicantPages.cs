using System.Net;
using System.Text.RegularExpressions;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Organisations;

/// <summary>Drives the account and organisation pages as a browser without JavaScript would: GET the form, POST it with its antiforgery token.</summary>
public static partial class ApplicantPages
{
    public const string Password = "Sokande-losen-2026!";

    public static HttpClient Browser(GrantsApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs <paramref name="page"/> for its token and POSTs the fields to <paramref name="action"/> (the page itself by default).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Login.AntiforgeryToken(html) };
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    public static async Task<string> RegisterAsync(HttpClient client, string name, string email, string organisationNumber, string organisationName,
        string password = Password)
    {
        var response = await PostAsync(client, "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Password"] = password, ["Input.Confirm"] = password,
            ["Input.OrganisationNumber"] = organisationNumber, ["Input.OrganisationName"] = organisationName,
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens a confirmation link and presses "Bekräfta"; returns the page after the POST.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string link)
    {
        var path = new Uri(link).PathAndQuery;
        var token = path[(path.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        return await PostAsync(client, path, new Dictionary<string, string> { ["Token"] = token });
    }

    public static async Task SignInAsync(HttpClient client, string email, string password = Password)
    {
        var response = await PostAsync(client, "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} gave {(int)response.StatusCode}: {Text(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>The newest outbox mail to the address whose key starts with <paramref name="keyPrefix"/>.</summary>
    public static async Task<OutboxMail?> MailAsync(GrantsApp app, string to, string keyPrefix)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        return (await db.OutboxMails.AsNoTracking().Where(m => m.Key.StartsWith(keyPrefix)).ToListAsync())
            .Where(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase)).OrderByDescending(m => m.Id).FirstOrDefault();
    }

    public static async Task<string> LinkMailedAsync(GrantsApp app, string to, string keyPrefix)
    {
        var mail = await MailAsync(app, to, keyPrefix) ?? throw new InvalidOperationException($"No mail {keyPrefix} to {to}.");
        return LinkIn(mail.Body);
    }

    public static string LinkIn(string text) =>
        TokenLink().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException($"No link in: {text}");

    /// <summary>The page's text without tags (answers compared without antiforgery tokens).</summary>
    public static string Text(string html) => Regex.Replace(Tags().Replace(html, " "), @"\s+", " ").Trim();

    [GeneratedRegex(@"https?://\S+\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex TokenLink();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
