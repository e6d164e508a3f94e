namespace Grants.Association;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MemberKind>))]
public enum MemberKind
{
    Forsakringskassan,
    Arbetsformedlingen,
    Region,
    Kommun,
}

/// <summary>A huvudman of the förbund. Each member kommun is a member of its own.</summary>
public sealed record Member(string Key, string Name, string GenitiveName, MemberKind Kind, string? OrganisationNumber)
{
    public static string KindLabel(MemberKind kind) => kind switch
    {
        MemberKind.Forsakringskassan => "Försäkringskassan",
        MemberKind.Arbetsformedlingen => "Arbetsförmedlingen",
        MemberKind.Region => "Region",
        MemberKind.Kommun => "Kommun",
        _ => kind.ToString(),
    };
}

/// <summary>The stored förbund profile (one row). Everything that names members reads it.</summary>
public sealed class AssociationProfile
{
    public int Id { get; set; } = 1;
    public string Name { get; set; } = "";
    public string RegistrationPrefix { get; set; } = "";
    public int FirstParagraphNumber { get; set; }
    public string? OrganisationNumber { get; set; }
    public List<Member> Members { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public Member? FindMember(string key) => Members.FirstOrDefault(m => m.Key == key);

    /// <summary>The applicant counts as a member when its organisationsnummer is a member's.</summary>
    public Member? MemberByOrganisationNumber(string? organisationNumber)
    {
        var digits = Applications.SwedishIdentifiers.Digits(organisationNumber);
        return digits.Length == 0
            ? null
            : Members.FirstOrDefault(m => Applications.SwedishIdentifiers.Digits(m.OrganisationNumber) == digits);
    }

    /// <summary>"Försäkringskassans, Arbetsförmedlingens, ... och Region Västerbottens".</summary>
    public string MembersGenitiveList() => SwedishText.JoinWithOch(Members.Select(m => m.GenitiveName));

    public static AssociationProfile FromOptions(AssociationOptions o) => new()
    {
        Name = o.Name,
        RegistrationPrefix = o.RegistrationPrefix,
        FirstParagraphNumber = o.FirstParagraphNumber,
        OrganisationNumber = o.OrganisationNumber,
        Members = o.Members.Select(m => new Member(m.Key, m.Name, m.GenitiveName, m.Kind, m.OrganisationNumber)).ToList(),
        UpdatedBy = "konfiguration",
    };
}

public static class SwedishText
{
    /// <summary>"a, b och c" — Swedish list joining.</summary>
    public static string JoinWithOch(IEnumerable<string> parts)
    {
        var list = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " och " + list[^1],
        };
    }
}
