using System.ComponentModel.DataAnnotations;

namespace Grants.Association;

/// <summary>
/// The förbund's profile as configured under "Association". It seeds the stored profile at
/// first start; afterwards the admin page edits the stored copy.
/// </summary>
public sealed class AssociationOptions
{
    public const string Section = "Association";

    [Required(ErrorMessage = "Association:Name saknas.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Association:RegistrationPrefix saknas.")]
    [RegularExpression(@"^[A-ZÅÄÖ0-9\-]{1,12}$", ErrorMessage = "Association:RegistrationPrefix får bara innehålla versaler, siffror och bindestreck (högst 12 tecken).")]
    public string RegistrationPrefix { get; set; } = "";

    [Range(1, 1_000_000, ErrorMessage = "Association:FirstParagraphNumber måste vara ett positivt heltal.")]
    public int FirstParagraphNumber { get; set; } = 1;

    public string? OrganisationNumber { get; set; }

    [MinLength(2, ErrorMessage = "Association:Members måste ha minst två huvudmän.")]
    public List<MemberOptions> Members { get; set; } = [];
}

public sealed class MemberOptions
{
    [Required] public string Key { get; set; } = "";
    [Required] public string Name { get; set; } = "";
    /// <summary>"Försäkringskassans" — used in texts such as rule motivations.</summary>
    [Required] public string GenitiveName { get; set; } = "";
    [Required] public MemberKind Kind { get; set; }
    public string? OrganisationNumber { get; set; }
}
