using Grants.Tests.Infrastructure;

namespace Grants.Tests.Hosting;

/// <summary>A missing or wrong setting stops the start with a message naming the key.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Mail:From", "", "Mail:From")]
    [InlineData("Mail:From", "inte-en-adress", "Mail:From")]
    [InlineData("Mail:SmtpPort", "70000", "Mail:SmtpPort")]
    [InlineData("Mail:Tls", "Kanske", "Mail:Tls")]
    [InlineData("Mail:PickupFolder", "", "Mail:PickupFolder")]
    [InlineData("App:PublicBaseUrl", "inte en adress", "App:PublicBaseUrl")]
    [InlineData("App:PublicBaseUrl", "ftp://example.se", "App:PublicBaseUrl")]
    [InlineData("App:PublicBaseUrl", "", "App:PublicBaseUrl")]
    [InlineData("App:TimeZone", "Europe/Atlantis", "App:TimeZone")]
    [InlineData("App:MaxAttachmentBytes", "0", "App:MaxAttachmentBytes")]
    [InlineData("Database:ConnectionString", "", "Database:ConnectionString")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Hangfire:Storage", "Redis", "Hangfire:Storage")]
    [InlineData("Association:Members:0:OrganisationNumber", "212000-2644", "Association:Members:0:OrganisationNumber")]
    [InlineData("Association:Members:1:Key", "", "Association:Members:1:Key")]
    [InlineData("Documents:SofficePath", "", "Documents:SofficePath")]
    [InlineData("Documents:ConversionTimeoutSeconds", "0", "Documents:ConversionTimeoutSeconds")]
    public async Task A_bad_setting_stops_the_start_naming_the_key(string key, string value, string named)
    {
        await using var app = new GrantsApp().With(key, value);
        var start = () => app.CreateClient();
        var thrown = start.Should().Throw<Exception>().Which;
        Messages(thrown).Should().Contain(m => m.Contains(named, StringComparison.Ordinal),
            "the message should name {0}; got: {1}", named, string.Join(" | ", Messages(thrown)));
    }

    [Fact]
    public async Task The_test_configuration_itself_starts()
    {
        await using var app = new GrantsApp();
        var start = () => app.CreateClient();
        start.Should().NotThrow();
    }

    private static IEnumerable<string> Messages(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x.Message;
            if (x is AggregateException agg)
                foreach (var inner in agg.InnerExceptions.SelectMany(Messages)) yield return inner;
        }
    }
}
