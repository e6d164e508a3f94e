using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// Aktiv uppföljning (minutes § 604): Skellefteå Stadsmission asks 400 000 kr over 2015–2017 to develop structured
/// work training for at least 20 people with mental ill-health and/or addiction (second-hand shop, carpentry).
/// The board granted 200 000 kr for 2015. The split per year (200 000 / 100 000 / 100 000) is assumed;
/// the source gives only the total and the period.
/// </summary>
internal static class AktivUppfoljning
{
    /// <summary>Constructed for the demo (not in the source): ideell-förening prefix 802, valid Luhn check digit.</summary>
    public const string OrganisationNumber = "802466-2812";

    public static DemoApplications.DemoCase Create() => new(
        "aktiv-uppfoljning",
        OrganisationNumber,
        new ApplicationForm
        {
            Organisation = new OrganisationSection
            {
                Name = "Skellefteå Stadsmission",
                Type = OrganisationType.IdeellForening,
                Signatory = "Anders Byqvist, direktor",
                OrganisationNumber = OrganisationNumber,
                // Fictional address and bankgiro (valid by Luhn); the source gives neither.
                Address = "Missionsgatan 3",
                PostalCode = "931 31",
                City = "Skellefteå",
                Contact = new ContactPerson
                {
                    Name = "Helena Sjödin",
                    Phone = Fictional.Phone(61),
                    Mobile = Fictional.Mobile(61),
                    Email = Fictional.Email("helena.sjodin"),
                },
                PaymentAccountKind = PaymentAccountKind.Bankgiro,
                PaymentAccount = "5456-7896",
            },
            Project = new ProjectSection
            {
                Name = "Aktiv uppföljning",
                Background =
                    "Stadsmissionen bedriver sysselsättning och arbetsprövning i bl.a. en second hand-butik och ett snickeri för " +
                    "personer med psykisk ohälsa och/eller beroendeproblematik, men saknar en strukturerad och långsiktigt hållbar " +
                    "arbetsmodell med uppföljning tillsammans med myndigheterna.",
                Purpose =
                    "Att i samverkan med lokala myndigheter utveckla en mer strukturerad och långsiktigt hållbar arbetsmodell för " +
                    "sysselsättnings- och arbetsprövningsverksamheten.",
                Goals =
                [
                    "Minst 20 personer får strukturerad arbetsprövning/arbetsträning med start 2015.",
                    "Varje deltagare har en individuell handlingsplan.",
                    "En modell för kontinuerlig uppföljning och utvärdering tas fram tillsammans med berörda myndigheter.",
                ],
                BoundariesAndAddedValue =
                    "Fördjupad samverkan med Arbetsförmedlingen, socialkontoret och landstingets beroendeenhet ger deltagarna mer " +
                    "aktivt stöd än dagens verksamhet kan erbjuda.",
                Activities =
                    "2015: handlingsplaner och uppföljningsmodell tas fram med myndigheterna. 2016–2017: modellen används och " +
                    "utvärderas i second hand-butiken och snickeriet.",
                StartDate = new DateOnly(2015, 6, 1),
                EndDate = new DateOnly(2017, 12, 31),
                GenderEquality = "Arbetsuppgifter i både butik och snickeri erbjuds kvinnor och män utan hänsyn till traditionella könsroller.",
                Accessibility = "Arbetsplatserna anpassas efter deltagarnas förutsättningar, även vid nedsatt arbetsförmåga.",
                Diversity = "Verksamheten är öppen för alla oavsett bakgrund; stödet utgår från varje deltagares behov.",
                Implementation = "Arbetsmodellen blir en del av Stadsmissionens ordinarie verksamhet och av samverkan med myndigheterna.",
            },
            TargetGroup = new TargetGroupSection
            {
                Description = "Minst 20 personer med psykisk ohälsa och/eller beroendeproblematik i behov av sysselsättning och arbetsträning.",
                Participants = 20,
                AgeMin = 18,
                AgeMax = 64,
                Categories = [TargetCategory.Forsorjningsstod, TargetCategory.Langtidsarbetslosa],
            },
            Cooperation = new CooperationSection
            {
                Members =
                [
                    new MemberParticipation { MemberKey = "af", How = "Arbetsförmedlingen anvisar deltagare och deltar i handlingsplaner och uppföljning." },
                    new MemberParticipation { MemberKey = "skelleftea", How = "Socialkontoret remitterar deltagare och deltar i uppföljningen." },
                    new MemberParticipation { MemberKey = "region-vb", How = "Landstingets beroendeenhet medverkar kring deltagare med beroendeproblematik." },
                ],
            },
            FollowUp = new FollowUpSection
            {
                Plan = "Varje deltagares handlingsplan följs upp kontinuerligt enligt den modell som tas fram med myndigheterna; årlig rapport till LSG.",
                ResponsibleName = "Helena Sjödin, verksamhetsledare",
                ResponsibleEmail = Fictional.Email("helena.sjodin"),
            },
            Budget =
            [
                new BudgetYear { Year = 2015, Personnel = 170_000, Other = 20_000, Evaluation = 10_000 },
                new BudgetYear { Year = 2016, Personnel = 85_000, Other = 10_000, Evaluation = 5_000 },
                new BudgetYear { Year = 2017, Personnel = 85_000, Other = 5_000, Evaluation = 10_000 },
            ],
            Signature = new SignatureSection
            {
                Name = "Anders Byqvist",
                NameInPrint = "Anders Byqvist",
                Role = "Direktor",
                Date = new DateOnly(2015, 5, 7),
            },
        },
        new DemoApplications.DemoSubmission(4, new DateOnly(2015, 5, 7), "kansli@demo.grants.se"));
}
