using Grants.Tests.Infrastructure;

namespace Grants.Tests.Identity.External;

/// <summary>
/// Grants in Chromium with two providers configured against the running <see cref="TestIdentityProvider"/>: one for
/// staff, one standing in for an applicants' e-legitimation broker. The fake clock starts at the wall clock's time
/// because the provider signs its tokens and the browser keeps the correlation cookies by real time.
/// </summary>
public sealed class ExternalSignInApp : BrowserApp
{
    public const string StaffScheme = "testidp";
    public const string StaffProvider = "Testleverantören";
    public const string ApplicantScheme = "testbroker";
    public const string ApplicantProvider = "Testlegitimering";

    private TestIdentityProvider? _idp;

    public TestIdentityProvider Idp => _idp ?? throw new InvalidOperationException("The provider starts in InitializeAsync.");

    public override async Task InitializeAsync()
    {
        Time.SetUtcNow(DateTimeOffset.UtcNow);
        _idp = await TestIdentityProvider.StartAsync();
        Provider(0, StaffScheme, StaffProvider, "Staff");
        Provider(1, ApplicantScheme, ApplicantProvider, "Applicant");
        await base.InitializeAsync();
        await _idp.RegisterClientAsync($"{BaseUrl}/signin-oidc-{StaffScheme}", $"{BaseUrl}/signin-oidc-{ApplicantScheme}");
    }

    private void Provider(int i, string scheme, string name, string audience)
    {
        var at = $"Accounts:ExternalProviders:{i}:";
        With(at + "Scheme", scheme);
        With(at + "DisplayName", name);
        With(at + "Authority", Idp.Authority);
        With(at + "ClientId", TestIdentityProvider.ClientId);
        With(at + "ClientSecret", TestIdentityProvider.ClientSecret);
        With(at + "Audience", audience);
        With(at + "AllowHttpMetadata", "true");
    }

    protected override async Task DisposeResourcesAsync()
    {
        await base.DisposeResourcesAsync();
        if (_idp is not null) await _idp.DisposeAsync();
    }
}
