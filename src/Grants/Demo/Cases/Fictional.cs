using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// Fictional contact details for the demo cases. Every person in the demo is invented; the sources' real
/// names, e-mail addresses and telephone numbers are replaced. Telephone numbers come from the series PTS
/// sets aside for fiction (08-465 004 00–99 and 070-174 06 05–99); e-mail addresses use exempel.se.
/// </summary>
internal static class Fictional
{
    public static string Phone(int n) => $"08-465 004 {n:00}";

    public static string Mobile(int n) => n is >= 5 and <= 99
        ? $"070-174 06 {n:00}"
        : throw new ArgumentOutOfRangeException(nameof(n), "The fiction series runs 070-174 06 05 to 99.");

    public static string Email(string localPart) => $"{localPart}@exempel.se";

    /// <summary>
    /// Skellefteå kommun, gymnasiekontoret, as on the READY form (organisationsnummer, address and plusgiro are
    /// the source's; the contact person is fictional). Solen and Migrantmödrar come from its arbetsmarknadsenhet.
    /// </summary>
    public static OrganisationSection SkellefteaGymnasiekontoret(string unit, ContactPerson contact) => new()
    {
        Name = "Skellefteå kommun",
        Unit = unit,
        Type = OrganisationType.Kommun,
        Signatory = "Gunilla Ekvall, gymnasiechef",
        OrganisationNumber = "212000-2643",
        Address = "Laboratorgränd 11",
        PostalCode = "931 85",
        City = "Skellefteå",
        Contact = contact,
        PaymentAccountKind = PaymentAccountKind.Plusgiro,
        PaymentAccount = "126870-5",
    };
}
