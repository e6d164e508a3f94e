using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// VIA – Validering.Innovativt.Arbeta. (minutes § 602): Medlefors folkhögskola asks co-financing of an ESF
/// project (Programområde 2, mål 2.3) with 600 000 kr in all, for the planning and analysis phase in 2015.
/// The board granted it on condition that the ESF and Skellefteå kommun grant their parts, so both other
/// funders are pending (sökt). Their amounts and the cost rows are not in the source: assumed for the demo,
/// with the net kept at the source's 600 000.
/// </summary>
internal static class Via
{
    /// <summary>Constructed for the demo (not in the source): prefix 802, valid Luhn check digit.</summary>
    public const string OrganisationNumber = "802503-1744";

    public static DemoApplications.DemoCase Create() => new(
        "via",
        OrganisationNumber,
        new ApplicationForm
        {
            Organisation = new OrganisationSection
            {
                Name = "Medlefors folkhögskola",
                Type = OrganisationType.IdeellForening,
                Signatory = "Britt Forsmark, rektor",
                OrganisationNumber = OrganisationNumber,
                // Fictional address and bankgiro (valid by Luhn); the source gives neither.
                Address = "Folkhögskolevägen 1",
                PostalCode = "931 91",
                City = "Skellefteå",
                Contact = new ContactPerson
                {
                    Name = "Johan Westerlind",
                    Phone = Fictional.Phone(41),
                    Mobile = Fictional.Mobile(41),
                    Email = Fictional.Email("johan.westerlind"),
                },
                PaymentAccountKind = PaymentAccountKind.Bankgiro,
                PaymentAccount = "5234-5675",
            },
            Project = new ProjectSection
            {
                Name = "VIA – Validering.Innovativt.Arbeta.",
                Background =
                    "Medlefors folkhögskola har sökt medel ur Socialfonden, programområde 2, mål 2.3 \"Ökade övergångar till arbete " +
                    "för nyanlända invandrare i övre Norrland\". Etableringsprocessen på arbetsmarknaden tar lång tid för många " +
                    "nyanlända, och generella kompetenser från livet före Sverige syns sällan i ansökningar till arbetsgivare.",
                Purpose =
                    "Att effektivisera etableringsprocessen på arbetsmarknaden för nyanlända invandrare i samverkan mellan kommun, " +
                    "arbetsförmedling och idéburen sektor, och att tillämpa och utveckla flexibla metoder och modeller för en " +
                    "effektivare integration och etablering i det svenska samhället.",
                Goals =
                [
                    "30 nyanlända deltar i VIA vid Medlefors (60 totalt vid fyra folkhögskolor).",
                    "Varje deltagare får sina generella kompetenser validerade med ValiAnte.",
                    "Deltagarna erbjuds praktikplatser som kan leda till instegsjobb.",
                ],
                BoundariesAndAddedValue =
                    "Nya metoder för språkinlärning prövas med suggestopedi (att lära med alla sinnen) och digitala hjälpmedel. " +
                    "Storytelling används för att validera generella kompetenser med ValiAnte, ett valideringssystem för livskunskap " +
                    "som Medlefors tagit fram tillsammans med ABF.",
                Activities =
                    "Planerings- och analysfas under 2015. Språkinlärning med suggestopedi och digitala hjälpmedel; utbildning om hälsa, " +
                    "kost och vardagsstruktur; samhällsorientering; utbildning om arbetsmarknaden och ansökningsförfarandet; validering " +
                    "med storytelling; praktikplatser inför instegsjobb, vid behov tillsammans med PO1-projektet AttraktiV.",
                StartDate = new DateOnly(2015, 6, 1),
                EndDate = new DateOnly(2015, 12, 31),
                GenderEquality = "Platserna fördelas lika mellan kvinnor och män; barnomsorgsfrågor beaktas vid schemaläggning.",
                Accessibility = "Undervisningen anpassas efter deltagarnas förutsättningar, och skolans lokaler är tillgängliga.",
                Diversity = "Validering utgår från individens egna erfarenheter och förutsättningar, oavsett ursprung och språk.",
                Implementation = "Metoderna förs in i folkhögskolornas ordinarie kurser och i samverkan med kommun och Arbetsförmedling.",
            },
            TargetGroup = new TargetGroupSection
            {
                Description =
                    "Nyanlända invandrare med uppehållstillstånd i åldern 15–64 år. Projektet har 60 platser vid fyra folkhögskolor, " +
                    "varav 30 vid Medlefors.",
                Participants = 30,
                AgeMin = 15,
                AgeMax = 64,
                Categories = [TargetCategory.NyanlandaMedUppehallstillstand],
            },
            Cooperation = new CooperationSection
            {
                Members =
                [
                    new MemberParticipation { MemberKey = "skelleftea", How = "Kommunen medverkar i etableringen och medfinansierar projektet." },
                    new MemberParticipation { MemberKey = "af", How = "Arbetsförmedlingen medverkar kring deltagare i etableringsuppdraget, praktik och instegsjobb." },
                ],
                OtherPartners = "Tre andra folkhögskolor; ABF (ValiAnte); idéburen sektor; Medlefors PO1-projekt AttraktiV.",
            },
            FollowUp = new FollowUpSection
            {
                Plan = "Övergångar till arbete och studier följs upp per deltagare; lärdomar från planerings- och analysfasen redovisas i en rapport.",
                ResponsibleName = "Johan Westerlind, projektledare",
                ResponsibleEmail = Fictional.Email("johan.westerlind"),
            },
            Budget =
            [
                new BudgetYear { Year = 2015, Personnel = 1_500_000, Premises = 250_000, Other = 450_000, Evaluation = 100_000, Income = 1_700_000 },
            ],
            Financing =
            [
                new OtherFunder { Name = "Europeiska socialfonden (Svenska ESF-rådet), PO 2 mål 2.3", Amount = 1_400_000, Status = FunderStatus.Sokt },
                new OtherFunder { Name = "Skellefteå kommun", Amount = 300_000, Status = FunderStatus.Sokt },
            ],
            Signature = new SignatureSection
            {
                Name = "Britt Forsmark",
                NameInPrint = "Britt Forsmark",
                Role = "Rektor",
                Date = new DateOnly(2015, 5, 5),
            },
        },
        new DemoApplications.DemoSubmission(2, new DateOnly(2015, 5, 5), "kansli@demo.grants.se"));
}
