using System.Globalization;
using Grants.Association;

namespace Grants.Applications;

public sealed record FormLine(string Label, string Value);

public sealed record FormSectionView(string Title, IReadOnlyList<FormLine> Lines);

/// <summary>The form as labelled Swedish lines: shown on the details page and compared between versions.</summary>
public static class FormPresenter
{
    public const string BudgetTitle = "Budget";

    public static IReadOnlyList<FormSectionView> Sections(ApplicationForm f, AssociationProfile profile)
    {
        var o = f.Organisation;
        var p = f.Project;
        var t = f.TargetGroup;
        string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

        var sections = new List<FormSectionView>
        {
            new("Organisation",
            [
                new("Namn", o.Name ?? ""), new("Enhet", o.Unit ?? ""), new("Organisationstyp", o.Type is { } ty ? Labels.Of(ty) : ""),
                new("Firmatecknare/chef", o.Signatory ?? ""),
                new("Organisationsnummer", o.OrganisationNumber is { } nr ? SwedishIdentifiers.FormatOrganisationNumber(nr) : ""),
                new("Utdelningsadress", o.Address ?? ""), new("Postnummer", o.PostalCode ?? ""), new("Postort", o.City ?? ""),
                new("Kontaktperson", o.Contact.Name ?? ""), new("Telefon", o.Contact.Phone ?? ""), new("Mobil", o.Contact.Mobile ?? ""),
                new("E-post", o.Contact.Email ?? ""),
                new(o.PaymentAccountKind is { } k ? Labels.Of(k) : "Plusgiro/bankgiro", o.PaymentAccount ?? ""),
            ]),
            new("Projektet",
            [
                new("Projektets namn", p.Name ?? ""), new("Bakgrund/problemformulering", p.Background ?? ""), new("Syfte", p.Purpose ?? ""),
                .. p.Goals.Select((g, i) => new FormLine($"Mål {i + 1}", g)),
                new("Avgränsningar och mervärde", p.BoundariesAndAddedValue ?? ""), new("Genomförande, tid och aktivitetsplan", p.Activities ?? ""),
                new("Projektperiod", $"{D(p.StartDate)} – {D(p.EndDate)}"),
                new("Jämställdhet", p.GenderEquality ?? ""), new("Tillgänglighet", p.Accessibility ?? ""), new("Mångfald", p.Diversity ?? ""),
                new("Implementering", p.Implementation ?? ""),
            ]),
            new("Målgrupp",
            [
                new("Beskrivning", t.Description ?? ""), new("Antal deltagare", N(t.Participants)),
                new("Ålder", $"{N(t.AgeMin)}–{N(t.AgeMax)} år"), new("Kvinnor/män", $"{N(t.Women)} / {N(t.Men)}"),
                new("Omfattar", string.Join(", ", t.Categories.Select(Labels.Of))),
            ]),
            new("Samverkan",
            [
                .. f.Cooperation.Members.Select(m => new FormLine(profile.FindMember(m.MemberKey)?.Name ?? m.MemberKey, m.How ?? "")),
                new("Övriga samarbetsparter", f.Cooperation.OtherPartners ?? ""),
            ]),
            new("Uppföljning",
            [
                new("Plan", f.FollowUp.Plan ?? ""), new("Ansvarig för återrapportering", f.FollowUp.ResponsibleName ?? ""),
                new("Ansvarigs e-post", f.FollowUp.ResponsibleEmail ?? ""),
            ]),
            new(BudgetTitle, [.. f.Budget.OrderBy(b => b.Year).SelectMany(BudgetLines), new("Sökt belopp totalt", SwedishIdentifiers.Kronor(f.Totals.AmountApplied))]),
            new("Finansieringsplan",
            [.. f.Financing.Select(x => new FormLine(x.Name ?? "", $"{SwedishIdentifiers.Kronor(x.Amount)}, {Labels.Of(x.Status)}{(x.DecisionDate is { } dd ? $" {D(dd)}" : "")}"))]),
            new("Underskrift",
            [
                new("Namn", f.Signature.Name ?? ""), new("Namnförtydligande", f.Signature.NameInPrint ?? ""),
                new("Befattning", f.Signature.Role ?? ""), new("Datum", D(f.Signature.Date)),
            ]),
        };
        return sections;
    }

    private static IEnumerable<FormLine> BudgetLines(BudgetYear y) =>
    [
        new($"{y.Year} Personal", SwedishIdentifiers.Kronor(y.Personnel)),
        new($"{y.Year} Lokal", SwedishIdentifiers.Kronor(y.Premises)),
        new($"{y.Year} Övriga kostnader", SwedishIdentifiers.Kronor(y.Other)),
        new($"{y.Year} Utvärderingskostnader", SwedishIdentifiers.Kronor(y.Evaluation)),
        new($"{y.Year} Summa kostnader", SwedishIdentifiers.Kronor(y.TotalCosts)),
        new($"{y.Year} Intäkter", SwedishIdentifiers.Kronor(y.Income)),
        new($"{y.Year} Summa nettokostnader", SwedishIdentifiers.Kronor(y.NetCost)),
    ];
}
