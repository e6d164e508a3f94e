using System.Globalization;
using System.Text;

namespace Grants.Applications;

/// <summary>Swedish identifiers: organisationsnummer, bankgiro, plusgiro and postnummer (Luhn / format).</summary>
public static class SwedishIdentifiers
{
    public static string Digits(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9') sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Only digits, spaces and one dash may appear in a typed number.</summary>
    private static bool OnlyNumberCharacters(string value) =>
        value.All(c => char.IsAsciiDigit(c) || c == '-' || c == ' ') && value.Count(c => c == '-') <= 1;

    public static bool LuhnValid(string digits)
    {
        if (digits.Length == 0) return false;
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>10 digits (NNNNNN-NNNN), Luhn over all ten; the third digit is at least 2 for a legal person.</summary>
    public static bool IsValidOrganisationNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !OnlyNumberCharacters(value)) return false;
        var d = Digits(value);
        if (d.Length != 10 || !LuhnValid(d)) return false;
        // The dash, when typed, separates the first six digits from the last four.
        var typed = value.Trim();
        var dash = typed.IndexOf('-');
        return dash < 0 || Digits(typed[..dash]).Length == 6;
    }

    public static string FormatOrganisationNumber(string value)
    {
        var d = Digits(value);
        return d.Length == 10 ? $"{d[..6]}-{d[6..]}" : value;
    }

    /// <summary>Bankgiro: 7–8 digits with Luhn.</summary>
    public static bool IsValidBankgiro(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !OnlyNumberCharacters(value)) return false;
        var d = Digits(value);
        return d.Length is 7 or 8 && LuhnValid(d);
    }

    public static string FormatBankgiro(string value)
    {
        var d = Digits(value);
        return d.Length switch
        {
            7 => $"{d[..3]}-{d[3..]}",
            8 => $"{d[..4]}-{d[4..]}",
            _ => value,
        };
    }

    /// <summary>Plusgiro: 2–8 digits with Luhn, shown with a dash before the last digit.</summary>
    public static bool IsValidPlusgiro(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !OnlyNumberCharacters(value)) return false;
        var d = Digits(value);
        return d.Length is >= 2 and <= 8 && LuhnValid(d);
    }

    public static string FormatPlusgiro(string value)
    {
        var d = Digits(value);
        return d.Length >= 2 ? $"{d[..^1]}-{d[^1]}" : value;
    }

    /// <summary>Postnummer: five digits, optionally "NNN NN".</summary>
    public static bool IsValidPostalCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var trimmed = value.Trim();
        if (!trimmed.All(c => char.IsAsciiDigit(c) || c == ' ')) return false;
        return Digits(trimmed).Length == 5;
    }

    public static string FormatPostalCode(string value)
    {
        var d = Digits(value);
        return d.Length == 5 ? $"{d[..3]} {d[3..]}" : value;
    }

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"430 000 kronor" with sv-SE grouping (a plain space, so texts copy cleanly).</summary>
    public static string Kronor(long amount) => Money(amount) + " kronor";

    public static string Money(long amount) =>
        amount.ToString("#,0", Swedish).Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
