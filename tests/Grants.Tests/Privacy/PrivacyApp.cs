using Grants.Tests.Infrastructure;

namespace Grants.Tests.Privacy;

/// <summary>The demo host with a short retention period before anonymisation.</summary>
public sealed class PrivacyApp : GrantsApp
{
    public const int AnonymiseAfterDays = 30;

    public PrivacyApp() => With("Accounts:AnonymiseAfterDays", AnonymiseAfterDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
