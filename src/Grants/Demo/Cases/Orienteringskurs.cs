using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// Orienteringskurs i samverkan (minutes § 601): Studieförbundet Bilda Nord asks co-financing of an ESF project
/// (Programområde 2, mål 2.1) with 400 000 kr a year for three years, 1 200 000 kr in all. LSG advised against it
/// for the low number of participants in relation to the cost, and the board refused.
/// The source names neither the participant count nor the project's total cost or ESF amount: the 12
/// participants, the cost rows and the ESF income below are assumptions that reproduce "few participants for
/// its cost" while the net per year is the source's 400 000.
/// </summary>
internal static class Orienteringskurs
{
    /// <summary>Constructed for the demo (not in the source): ideell-förening prefix 802, valid Luhn check digit.</summary>
    public const string OrganisationNumber = "802471-5362";

    private const long EsfPerYear = 320_000;

    public static DemoApplications.DemoCase Create() => new(
        "orienteringskurs",
        OrganisationNumber,
        new ApplicationForm
        {
            Organisation = new OrganisationSection
            {
                Name = "Studieförbundet Bilda Nord",
                Unit = "Avdelningen i Skellefteå",
                Type = OrganisationType.IdeellForening,
                Signatory = "Olof Nyqvist, regionchef",
                OrganisationNumber = OrganisationNumber,
                // Fictional address and bankgiro (valid by Luhn); the source gives neither.
                Address = "Exempelgatan 4",
                PostalCode = "931 30",
                City = "Skellefteå",
                Contact = new ContactPerson
                {
                    Name = "Amina Rahimova",
                    Phone = Fictional.Phone(31),
                    Mobile = Fictional.Mobile(31),
                    Email = Fictional.Email("amina.rahimova"),
                },
                PaymentAccountKind = PaymentAccountKind.Bankgiro,
                PaymentAccount = "5123-4565",
            },
            Project = new ProjectSection
            {
                Name = "Orienteringskurs i samverkan",
                Background =
                    "Utlandsfödda som varit arbetslösa i mer än tolv månader har svårt att etablera sig i Skellefteå. Bilda Nord har " +
                    "sökt medel ur Socialfonden, programområde 2, mål 2.1 (\"Förstudier 2014 till genomförande 2015\"), och söker " +
                    "samtidigt medfinansiering från samordningsförbundet.",
                Purpose =
                    "Att ta fram en modell för framgångsrik etablering av utlandsfödda som varit arbetslösa mer än tolv månader.",
                Goals =
                [
                    "En orienteringskurs med språkträning, studiebesök och arbetsplatspraktik genomförs varje år 2015–2017.",
                    "Församlingar som vill göra en insats för utlandsfödda får kompetensutveckling.",
                    "Interna praktikplatser skapas hos församlingar och ekumeniska organisationer.",
                ],
                BoundariesAndAddedValue =
                    "Projektet kopplar samman lokala myndigheter, församlingar och närsamhälle kring en gemensam orienteringskurs, " +
                    "utöver etableringsinsatser i ordinarie verksamhet.",
                Activities =
                    "Orienteringskurs med bl.a. språkträning, studiebesök och arbetsplatspraktik; kompetensutveckling för församlingar; " +
                    "skapande av interna praktikplatser hos församlingar och ekumeniska organisationer. Tre år med start hösten 2015.",
                StartDate = new DateOnly(2015, 8, 1),
                EndDate = new DateOnly(2017, 12, 31),
                GenderEquality = "Kvinnor och män rekryteras till kursen i lika utsträckning; kursledare av båda könen.",
                Accessibility = "Kurslokalerna är tillgängliga och studiematerialet anpassas efter deltagarnas behov.",
                Diversity = "Kursen bygger på deltagarnas olika erfarenheter och språk och samverkar med flera trossamfund.",
                Implementation = "Modellen ska kunna användas av myndigheter och föreningsliv efter projekttiden.",
            },
            TargetGroup = new TargetGroupSection
            {
                Description =
                    "Nyanlända invandrare och utlandsfödda som är långtidsarbetslösa (mer än tolv månader) i åldern 25–64 år.",
                Participants = 12,
                AgeMin = 25,
                AgeMax = 64,
                Categories = [TargetCategory.NyanlandaMedUppehallstillstand, TargetCategory.Langtidsarbetslosa],
            },
            Cooperation = new CooperationSection
            {
                Members =
                [
                    new MemberParticipation { MemberKey = "skelleftea", How = "Kommunen medverkar i planering och praktik." },
                    new MemberParticipation { MemberKey = "af", How = "Arbetsförmedlingen medverkar kring deltagare och arbetsplatspraktik." },
                ],
                OtherPartners = "Företag, Nyföretagarcentrum, församlingar och ekumeniska organisationer samt intresserade i närsamhället.",
            },
            FollowUp = new FollowUpSection
            {
                Plan = "Deltagarnas utfall (arbete, studier, praktik) följs upp varje termin och redovisas i en årlig rapport till förbundet och ESF-rådet.",
                ResponsibleName = "Amina Rahimova, projektledare",
                ResponsibleEmail = Fictional.Email("amina.rahimova"),
            },
            Budget =
            [
                Year(2015),
                Year(2016),
                Year(2017),
            ],
            Financing =
            [
                new OtherFunder { Name = "Europeiska socialfonden (Svenska ESF-rådet), PO 2 mål 2.1", Amount = 3 * EsfPerYear, Status = FunderStatus.Sokt },
            ],
            Signature = new SignatureSection
            {
                Name = "Olof Nyqvist",
                NameInPrint = "Olof Nyqvist",
                Role = "Regionchef",
                Date = new DateOnly(2015, 5, 4),
            },
        },
        new DemoApplications.DemoSubmission(1, new DateOnly(2015, 5, 4), "kansli@demo.grants.se"));

    /// <summary>720 000 in costs less the ESF share: 400 000 net a year.</summary>
    private static BudgetYear Year(int year) =>
        new() { Year = year, Personnel = 540_000, Premises = 60_000, Other = 100_000, Evaluation = 20_000, Income = EsfPerYear };
}
