using Grants.Eligibility;

namespace Grants.Bench;

/// <summary>
/// The shipped rule set written by hand in C#, as the baseline for the rules benchmark: the same checks, thresholds
/// and messages (with placeholders filled) as rules/*.json. Not used by the application — the JSON is the only
/// place a criterion lives; this exists only to measure against.
/// </summary>
internal static class HandWrittenRules
{
    public static List<RuleFinding> Evaluate(ApplicationFacts f)
    {
        var found = new List<RuleFinding>();
        string? members = null;
        string Members() => members ??= RuleText.JoinOch(f.AssociationMembers.Select(m => m.GenitiveName));

        var kommuner = f.ParticipatingMembers.Count(m => m.Kind == "Kommun");
        var parter = kommuner + f.ParticipatingMembers.Count(m => m.Kind != "Kommun");
        if (parter < 2) found.Add(new("MINST_TVA_HUVUDMAN", "Hinder", $"Projektet måste vara en samverkan mellan minst 2 av förbundets huvudmän. Ansökan anger {parter}; sökande räknas bara om den själv är huvudman.", null, ["cooperation.members"]));
        if (f.EndDate is null) found.Add(new("TIDSBEGRANSAD", "Hinder", "Projektet saknar slutdatum. Förbundet finansierar bara insatser under viss tid.", null, ["project.endDate"]));

        var from = f.Programme?.AgeMin is { } pmin && pmin > 16 ? pmin : 16;
        var to = f.Programme?.AgeMax is { } pmax && pmax < 64 ? pmax : 64;
        if (f.AgeMin is { } amin && f.AgeMax is { } amax)
        {
            var frame = f.Programme is { AgeMin: not null } or { AgeMax: not null } ? $"utlysningen {f.Programme.Name}s åldersram" : "arbetsför ålder";
            if (amax < from || amin > to)
                found.Add(new("MALGRUPP_ALDER", "Hinder", $"Målgruppens ålder ({amin}–{amax} år) ligger utanför {frame}, {from}–{to} år.", null, ["targetGroup.ageMin", "targetGroup.ageMax"]));
            else if (amin < from || amax > to)
                found.Add(new("MALGRUPP_ALDER", "Varning", $"Målgruppens ålder ({amin}–{amax} år) går delvis utanför {frame}, {from}–{to} år. Förbundets medel får bara gå till insatser för deltagare inom ramen.", null, ["targetGroup.ageMin", "targetGroup.ageMax"]));
        }
        if (f.GoalsCount == 0) found.Add(new("FULLSTANDIG_ANSOKAN", "Hinder", "Ansökan saknar mätbara mål. Ange minst ett mål som går att följa upp.", null, ["project.goals"]));
        if (f.ResponsibleName.Length == 0) found.Add(new("FULLSTANDIG_ANSOKAN", "Hinder", "Ansökan saknar en namngiven person som ansvarar för återrapporteringen.", null, ["followUp.responsibleName"]));
        if (f.BudgetYears.Count == 0 || f.NetCost <= 0) found.Add(new("FULLSTANDIG_ANSOKAN", "Hinder", "Ansökan saknar budget: ange kostnaderna per år så att summa nettokostnader (sökt belopp) blir större än 0 kronor.", null, ["budget"]));
        if (f.SignatureName.Length == 0) found.Add(new("FULLSTANDIG_ANSOKAN", "Hinder", "Ansökan är inte undertecknad: ange namnet på den som skriver under.", null, ["signature.name"]));
        if (f.SignatureDate is null) found.Add(new("FULLSTANDIG_ANSOKAN", "Hinder", "Underskriften saknar datum.", null, ["signature.date"]));

        if (f.TargetCategories.Contains("Asylsokande"))
            found.Add(new("MALGRUPP_ASYLSOKANDE", "Avslagsgrund", $"ansvaret för asylsökande inte ligger inom {Members()} samlade ansvarsområde utan tillhör Migrationsverket", null, ["targetGroup.categories"]));
        if (RuleText.InList(f.OrganisationType, "ArbetsintegrerandeSocialtForetag"))
            found.Add(new("DIREKTBIDRAG_SOCIALT_FORETAG", "Avslagsgrund", "ekonomiska direktbidrag till sociala företag inte bör ingå i samordningsförbundets stödstruktur och att mer neutrala stödformer i första hand ska eftersträvas", null, ["organisation.type"]));
        const string ordinary = "SIP;samordnad individuell plan;samordnade individuella planer;myndighetsutövning";
        var text = f.Purpose + " " + f.Activities + " " + f.BoundariesAndAddedValue;
        if (RuleText.MentionsAny(text, ordinary))
            found.Add(new("ORDINARIE_UPPDRAG", "Avslagsgrund", $"projektet omfattar aktiviteter som ligger inom myndigheternas ordinarie uppdrag ({RuleText.MentionedList(text, ordinary)}) och samordningsförbundet endast finansierar merkostnader för samordnade insatser", null, ["project.activities", "project.purpose"]));
        var years = f.BudgetYears.Count;
        var perParticipant = years == 0 || f.Participants is not > 0 ? 0 : f.BudgetYears.Max(y => y.NetCost) * years / f.Participants.Value;
        if (perParticipant > 50_000)
            found.Add(new("KOSTNAD_PER_DELTAGARE", "Varning", $"Nettokostnaden är {RuleText.Kronor(perParticipant)} kronor per deltagare och år, över riktvärdet 50 000 kronor: få deltagare i förhållande till kostnaden.", null, ["targetGroup.participants", "budget"]));
        if (f.DurationMonths > 36)
            found.Add(new("TIDSBEGRANSAD", "Varning", $"Projektet pågår i {f.DurationMonths} månader, längre än 3 år. Finansieringen bör avse viss tid.", null, ["project.startDate", "project.endDate"]));
        if (f.Implementation.Length == 0)
            found.Add(new("TIDSBEGRANSAD", "Varning", "Ansökan saknar plan för hur verksamheten finansieras när förbundets bidrag upphör (implementering).", null, ["project.implementation"]));
        if (f.EconomicRoom is { } room && f.NetCost > room)
            found.Add(new("EKONOMISKT_UTRYMME", "Varning", $"Sökt belopp {RuleText.Kronor(f.NetCost)} kronor är större än förbundets ekonomiska utrymme för nya verksamheter och projekt, {RuleText.Kronor(room)} kronor.", null, ["budget"]));
        if (f.Financing.Any(x => x.Status == "Sokt"))
        {
            var pending = RuleText.JoinOch(f.Financing.Where(x => x.Status == "Sokt").Select(x => x.Name));
            found.Add(new("MEDFINANSIERING_VANTAR", "Villkor", $"Medfinansiering från {pending} är ännu inte beslutad; förbundets beslut bör villkoras.",
                $"att samordningsförbundets medfinansiering sker under förutsättning att {f.OrganisationName} beviljas ansökta medel från {pending}", ["financing"]));
        }
        if (f.Programme is { ClosingDate: { } closing } p && (f.ArrivalDate ?? f.Today) > closing)
            found.Add(new("UTLYSNING_STANGD", "Hinder", $"Utlysningen {p.Name} stängde {closing:yyyy-MM-dd}; ansökan kan inte längre lämnas inom den.", null, ["programmeId"]));
        if (f.Programme is { CostCeiling: { } ceiling } q && f.NetCost > ceiling)
            found.Add(new("UTLYSNING_KOSTNADSTAK", "Varning", $"Sökt belopp {RuleText.Kronor(f.NetCost)} kronor är större än utlysningen {q.Name}s kostnadstak, {RuleText.Kronor(ceiling)} kronor.", null, ["budget"]));
        return found;
    }
}
