using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// Migrantmödrar (minutes § 606): Skellefteå kommun, gymnasiekontorets arbetsmarknadsenhet, asks 180 000 kr in 2015
/// for a pre-study creating a meeting place for foreign-born mothers. The board refused on the same ground as
/// Solen (asylum seekers). Kept here as a complete but unsent DRAFT of the demo applicant's organisation, so the
/// demo applicant has something to continue and submit. The cost rows are assumed; the source gives the total.
/// </summary>
internal static class Migrantmodrar
{
    public static DemoApplications.DemoCase Create() => new(
        "migrantmodrar",
        "212000-2643",
        new ApplicationForm
        {
            Organisation = Fictional.SkellefteaGymnasiekontoret("Gymnasiekontoret, arbetsmarknadsenheten", new ContactPerson
            {
                Name = "Linnea Öhrvall",
                Phone = Fictional.Phone(81),
                Mobile = Fictional.Mobile(81),
                Email = Fictional.Email("linnea.ohrvall"),
            }),
            Project = new ProjectSection
            {
                Name = "Migrantmödrar",
                Background =
                    "Nyanlända och asylsökande kvinnor med barn har ofta svårt att hitta sammanhang utanför hemmet, och vägen till " +
                    "egen försörjning är otydlig för dem.",
                Purpose =
                    "Att i form av en förstudie skapa en mötesplats för utlandsfödda kvinnor med barn och utveckla fungerande " +
                    "strategier för effektivt föräldraskap, medskapande medborgarskap och förståelse av vägen till egen försörjning.",
                Goals =
                [
                    "En mötesplats för utlandsfödda kvinnor med barn är igång under hösten 2015.",
                    "Förstudien resulterar i en rapport och eventuellt en eller flera ansökningar om genomförandeprojekt.",
                ],
                BoundariesAndAddedValue =
                    "Projektet utgår från deltagarnas egna behov och förhoppningar och ska stärka deras egen kraft att etablera sig i samhället.",
                Activities = "Augusti–december 2015: mötesplats en gång i veckan med barnpassning, samtal om föräldraskap och samhälle, studiebesök.",
                StartDate = new DateOnly(2015, 8, 1),
                EndDate = new DateOnly(2015, 12, 31),
                GenderEquality = "Projektet vänder sig till kvinnor, som ofta står längre från arbetsmarknaden än män i samma situation.",
                Accessibility = "Mötesplatsen ligger i en tillgänglig lokal och barnpassning ordnas under träffarna.",
                Diversity = "Deltagarna kommer från flera länder; träffarna hålls med stöd av tolk och frivilliga med olika språk.",
                Implementation = "Förstudiens rapport ligger till grund för en eventuell ansökan om ett genomförandeprojekt.",
            },
            TargetGroup = new TargetGroupSection
            {
                Description = "Utlandsfödda kvinnor med barn, främst asylsökande och nyanlända, i Skellefteå.",
                Participants = 15,
                AgeMin = 18,
                AgeMax = 50,
                Women = 15,
                Men = 0,
                Categories = [TargetCategory.Asylsokande],
            },
            Cooperation = new CooperationSection
            {
                Members =
                [
                    new MemberParticipation { MemberKey = "skelleftea", How = "Arbetsmarknadsenheten leder förstudien och ordnar lokal." },
                    new MemberParticipation { MemberKey = "region-vb", How = "Barnhälsovården informerar om föräldraskap och hälsa vid träffarna." },
                ],
                OtherPartners = "Personal och frivilliga från ESF (så benämnt i ansökan).",
            },
            FollowUp = new FollowUpSection
            {
                Plan = "Förstudien avslutas med en rapport till LSG om deltagarnas behov och förslag till fortsättning.",
                ResponsibleName = "Linnea Öhrvall, projektledare",
                ResponsibleEmail = Fictional.Email("linnea.ohrvall"),
            },
            Budget = [new BudgetYear { Year = 2015, Personnel = 140_000, Premises = 20_000, Other = 20_000 }],
            Signature = new SignatureSection
            {
                Name = "Gunilla Ekvall",
                NameInPrint = "Gunilla Ekvall",
                Role = "Gymnasiechef, gymnasiekontoret",
                Date = new DateOnly(2015, 5, 13),
            },
        },
        Submission: null);
}
