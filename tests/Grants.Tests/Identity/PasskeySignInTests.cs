using System.Net;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Identity;

/// <summary>The login page's passkey answer from a client that skipped the options step or sent garbage: a refusal, never a 500.</summary>
public sealed class PasskeySignInTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Theory]
    [InlineData("x")]
    [InlineData("{")]
    [InlineData("{\"id\":null,\"response\":{}}")]
    public async Task A_malformed_passkey_sign_in_is_refused_on_the_page(string credential)
    {
        foreach (var startCeremony in new[] { false, true })
        {
            var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var form = await client.GetStringAsync("/Account/Login");
            var token = Login.AntiforgeryToken(form);
            if (startCeremony)
                (await client.PostAsync("/Account/Login?handler=PasskeyOptions", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                }))).StatusCode.Should().Be(HttpStatusCode.OK);
            var answer = await client.PostAsync("/Account/Login?handler=Passkey", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Credential"] = credential + new string(' ', 10_000),
                ["__RequestVerificationToken"] = token,
            }));
            answer.StatusCode.Should().Be(HttpStatusCode.OK, $"ceremony started: {startCeremony}");
            WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()).Should().Contain("Inloggningen med nyckeln misslyckades");
        }
    }
}
