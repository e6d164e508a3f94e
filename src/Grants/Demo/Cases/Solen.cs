using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// Solen (minutes § 605): Skellefteå kommun, gymnasiekontorets arbetsmarknadsenhet, asks 820 000 kr in 2015 for
/// staffed meeting points in districts with many asylum seekers. The board refused: asylum seekers are the
/// Migrationsverket's responsibility, outside the members' joint remit. The cost rows are assumed; the source
/// gives only the total.
/// </summary>
internal static class Solen
{
    public static DemoApplications.DemoCase Create() => new(
        "solen",
        "212000-2643",
        new ApplicationForm
        {
            Organisation = Fictional.SkellefteaGymnasiekontoret("Gymnasiekontoret, arbetsmarknadsenheten", new ContactPerson
            {
                Name = "Rami Haddadi",
                Phone = Fictional.Phone(71),
                Mobile = Fictional.Mobile(71),
                Email = Fictional.Email("rami.haddadi"),
            }),
            Project = new ProjectSection
            {
                Name = "Solen",
                Background =
                    "Asylsökande i Skellefteå kommun bor främst i lägenheter som Migrationsverket hyr i kommunens ytterområden. " +
                    "Jörn, Lövånger och Boliden har flest, men även Kåge/Ersmark, Byske, Bureå och Skellefteåhamn har mellan 50 och " +
                    "100 personer. Lokalsamhällena behöver stöd för att kunna fortsätta sitt arbete.",
                Purpose =
                    "Att i samverkan med lokalsamhället etablera och/eller stödja bemannade mötesplatser där bl.a. svenskstudier och " +
                    "samhällsinformation ges, internetuppkoppling finns och samarbetet med och stödet till det lokala föreningslivet förbättras.",
                Goals =
                [
                    "Bemannade servicepunkter finns i de kommundelar som har flest asylsökande.",
                    "Varje servicepunkt erbjuder svenskstudier, samhällsinformation och internetuppkoppling varje vecka.",
                    "Det lokala föreningslivet får stöd i sitt arbete med de asylsökande.",
                ],
                BoundariesAndAddedValue = "Servicepunkterna kompletterar föreningslivets frivilliga insatser med bemanning och en fast lokal.",
                Activities = "Juni–december 2015: bemannade servicepunkter i Jörn, Lövånger och Boliden, och stöd till mötesplatser i övriga kommundelar.",
                StartDate = new DateOnly(2015, 6, 1),
                EndDate = new DateOnly(2015, 12, 31),
                GenderEquality = "Öppettider och aktiviteter planeras så att både kvinnor och män kan delta.",
                Accessibility = "Servicepunkterna placeras i tillgängliga lokaler nära kollektivtrafik.",
                Diversity = "Information ges på flera språk med stöd av tolkar och frivilliga.",
                Implementation = "Servicepunkterna ska på sikt drivas av föreningslivet i respektive kommundel.",
            },
            TargetGroup = new TargetGroupSection
            {
                Description = "Asylsökande i Skellefteå kommuns ytterområden och de lokalsamhällen och föreningar som tar emot dem.",
                Participants = 400,
                AgeMin = 16,
                AgeMax = 75,
                Categories = [TargetCategory.Asylsokande],
            },
            Cooperation = new CooperationSection
            {
                Members =
                [
                    new MemberParticipation { MemberKey = "skelleftea", How = "Arbetsmarknadsenheten bemannar servicepunkterna." },
                    new MemberParticipation { MemberKey = "af", How = "Informerar vid servicepunkterna om etableringen för dem som får uppehållstillstånd." },
                ],
                OtherPartners = "Det lokala föreningslivet och byaföreningar i Jörn, Lövånger, Boliden, Kåge/Ersmark, Byske, Bureå och Skellefteåhamn.",
            },
            FollowUp = new FollowUpSection
            {
                Plan = "Antal besökare och aktiviteter per servicepunkt redovisas månadsvis; slutrapport till LSG i januari 2016.",
                ResponsibleName = "Rami Haddadi, enhetschef",
                ResponsibleEmail = Fictional.Email("rami.haddadi"),
            },
            Budget = [new BudgetYear { Year = 2015, Personnel = 600_000, Premises = 120_000, Other = 100_000 }],
            Signature = new SignatureSection
            {
                Name = "Gunilla Ekvall",
                NameInPrint = "Gunilla Ekvall",
                Role = "Gymnasiechef, gymnasiekontoret",
                Date = new DateOnly(2015, 5, 8),
            },
        },
        new DemoApplications.DemoSubmission(5, new DateOnly(2015, 5, 8), "sokande@demo.grants.se"));
}
