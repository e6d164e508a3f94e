using Grants.Applications;

namespace Grants.Tests.Applications;

public sealed class SwedishIdentifiersTests
{
    [Theory]
    [InlineData("212000-2643")]
    [InlineData("212000-2858")]
    [InlineData("2120002643")]
    [InlineData("202100-5521")]
    public void Valid_organisation_numbers(string value) =>
        SwedishIdentifiers.IsValidOrganisationNumber(value).Should().BeTrue();

    [Theory]
    [InlineData("212000-2644")] // last digit changed
    [InlineData("212001-2643")] // a middle digit changed
    [InlineData("312000-2858")] // first digit changed
    [InlineData("212000-264")] // nine digits
    [InlineData("212000-26433")] // eleven digits
    [InlineData("21-2000-2643")] // two dashes
    [InlineData("21200-02643")] // dash in the wrong place
    [InlineData("212000/2643")]
    [InlineData("abcdef-ghij")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Invalid_organisation_numbers(string? value) =>
        SwedishIdentifiers.IsValidOrganisationNumber(value).Should().BeFalse();

    [Fact]
    public void Every_single_digit_change_of_a_valid_organisation_number_is_caught()
    {
        const string valid = "2120002643";
        for (var i = 0; i < valid.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == valid[i]) continue;
                var changed = valid[..i] + d + valid[(i + 1)..];
                SwedishIdentifiers.IsValidOrganisationNumber(changed).Should().BeFalse(changed);
            }
        }
    }

    [Theory]
    [InlineData("5741-0151")]
    [InlineData("57410151")]
    public void Valid_bankgiro(string value) => SwedishIdentifiers.IsValidBankgiro(value).Should().BeTrue();

    [Theory]
    [InlineData("5741-0152")]
    [InlineData("5741-0161")]
    [InlineData("574-01")]
    [InlineData("5741-01510")]
    [InlineData("5741-015X")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_bankgiro(string? value) => SwedishIdentifiers.IsValidBankgiro(value).Should().BeFalse();

    [Theory]
    [InlineData("126870-5")]
    [InlineData("1268705")]
    public void Valid_plusgiro(string value) => SwedishIdentifiers.IsValidPlusgiro(value).Should().BeTrue();

    [Theory]
    [InlineData("126870-6")]
    [InlineData("126871-5")]
    [InlineData("1")]
    [InlineData("123456789-0")]
    [InlineData(null)]
    public void Invalid_plusgiro(string? value) => SwedishIdentifiers.IsValidPlusgiro(value).Should().BeFalse();

    [Theory]
    [InlineData("931 85", true)]
    [InlineData("93185", true)]
    [InlineData(" 931 85 ", true)]
    [InlineData("9318", false)]
    [InlineData("931 855", false)]
    [InlineData("931-85", false)]
    [InlineData("SE-931 85", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Postal_codes_are_five_digits(string? value, bool valid) =>
        SwedishIdentifiers.IsValidPostalCode(value).Should().Be(valid);

    [Fact]
    public void Numbers_are_shown_in_their_usual_form()
    {
        SwedishIdentifiers.FormatOrganisationNumber("2120002643").Should().Be("212000-2643");
        SwedishIdentifiers.FormatBankgiro("57410151").Should().Be("5741-0151");
        SwedishIdentifiers.FormatBankgiro("1234566").Should().Be("123-4566");
        SwedishIdentifiers.FormatPlusgiro("1268705").Should().Be("126870-5");
        SwedishIdentifiers.FormatPostalCode("93185").Should().Be("931 85");
        SwedishIdentifiers.Kronor(430_000).Should().Be("430 000 kronor");
    }
}
