using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// Växthuset (minutes § 603): Urkraft Service AB, an arbetsintegrerande socialt företag, asks a direct contribution
/// of 295 000 kr for a pre-study April–November 2015, with Skellefteå Pastorat, towards a social enterprise with a
/// greenhouse. The board refused: direct financial contributions to social enterprises should not be part of the
/// förbund's support. The split of the 295 000 into cost rows is assumed; the source gives only the total.
/// </summary>
internal static class Vaxthuset
{
    /// <summary>Constructed for the demo (not in the source): aktiebolag prefix 556, valid Luhn check digit.</summary>
    public const string OrganisationNumber = "556893-4128";

    public static DemoApplications.DemoCase Create() => new(
        "vaxthuset",
        OrganisationNumber,
        new ApplicationForm
        {
            Organisation = new OrganisationSection
            {
                Name = "Urkraft Service AB",
                Type = OrganisationType.ArbetsintegrerandeSocialtForetag,
                Signatory = "Tomas Hägglöf, verkställande direktör",
                OrganisationNumber = OrganisationNumber,
                // Fictional address and bankgiro (valid by Luhn); the source gives neither.
                Address = "Verkstadsgatan 9",
                PostalCode = "931 36",
                City = "Skellefteå",
                Contact = new ContactPerson
                {
                    Name = "Sofia Renlund",
                    Phone = Fictional.Phone(51),
                    Mobile = Fictional.Mobile(51),
                    Email = Fictional.Email("sofia.renlund"),
                },
                PaymentAccountKind = PaymentAccountKind.Bankgiro,
                PaymentAccount = "5345-6786",
            },
            Project = new ProjectSection
            {
                Name = "Växthuset",
                Background =
                    "Församlingarna i Skellefteå köper varje år plantor, blommor och kransar till kyrkogårds- och " +
                    "begravningsverksamheten. Ett växthus drivet som arbetsintegrerande socialt företag skulle kunna leverera dem " +
                    "och samtidigt ge arbete åt personer som står långt från arbetsmarknaden.",
                Purpose =
                    "Att genom en förstudie tillsammans med Skellefteå Pastorat skapa förutsättningar för att etablera ett " +
                    "arbetsintegrerande socialt företag.",
                Goals =
                [
                    "Kartlägga församlingarnas behov av varor och tjänster, t.ex. plantor, blommor och kransar.",
                    "Utreda var i Skellefteå det planerade växthuset kan byggas.",
                    "Genomföra en fördjupad marknadsundersökning.",
                    "Undersöka möjligheterna till samarbete med lokala aktörer och till delfinansiering från Arvsfondens lokalstödssatsning och projektstöd \"Egen Kraft\".",
                ],
                BoundariesAndAddedValue =
                    "Ambitionen är en långsiktig organisation med Skellefteå Pastorat som ägare som kan erbjuda 15–20 helårstjänster " +
                    "för arbetssökande som står långt från arbetsmarknaden.",
                Activities = "Förstudie april–november 2015: behovskartläggning, platsutredning, marknadsundersökning och kontakter med lokala aktörer.",
                StartDate = new DateOnly(2015, 4, 1),
                EndDate = new DateOnly(2015, 11, 30),
                GenderEquality = "Arbetsuppgifterna i växthuset planeras så att de passar både kvinnor och män.",
                Accessibility = "Platsutredningen tar hänsyn till tillgänglighet för anställda med funktionsnedsättning.",
                Diversity = "Företaget ska rekrytera bland arbetssökande med olika bakgrund och erfarenheter.",
                Implementation = "Förstudien ska leda till ett beslut om att bygga växthuset med Skellefteå Pastorat som ägare.",
            },
            TargetGroup = new TargetGroupSection
            {
                Description = "Arbetssökande som står långt från arbetsmarknaden; det färdiga företaget planeras för 15–20 helårstjänster.",
                Participants = 20,
                AgeMin = 18,
                AgeMax = 64,
                Categories = [TargetCategory.Langtidsarbetslosa, TargetCategory.Forsorjningsstod],
            },
            Cooperation = new CooperationSection
            {
                Members =
                [
                    new MemberParticipation { MemberKey = "skelleftea", How = "Kommunens processgrupp för socialt företagande, där förbundet ingår." },
                    new MemberParticipation { MemberKey = "af", How = "Arbetsförmedlingens stöd till arbetsintegrerande sociala företag (8-punktsprogrammet)." },
                ],
                OtherPartners = "Skellefteå Pastorat (blivande ägare); lokala aktörer inom odling och handel.",
            },
            FollowUp = new FollowUpSection
            {
                Plan = "Förstudien redovisas i en rapport med marknadsundersökning, platsförslag och finansieringsplan för växthuset.",
                ResponsibleName = "Sofia Renlund, projektledare",
                ResponsibleEmail = Fictional.Email("sofia.renlund"),
            },
            Budget = [new BudgetYear { Year = 2015, Personnel = 220_000, Other = 60_000, Evaluation = 15_000 }],
            Signature = new SignatureSection
            {
                Name = "Tomas Hägglöf",
                NameInPrint = "Tomas Hägglöf",
                Role = "Verkställande direktör",
                Date = new DateOnly(2015, 5, 6),
            },
        },
        new DemoApplications.DemoSubmission(3, new DateOnly(2015, 5, 6), "kansli@demo.grants.se"));
}
