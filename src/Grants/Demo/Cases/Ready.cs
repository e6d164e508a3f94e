using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// READY (notice item 4 and the filled-in form): Skellefteå kommun, gymnasiekontoret, asks 430 000 kr for
/// individually adapted efforts in the autumn of 2015 for 20–25 pupils in a fourth upper-secondary year.
/// The source form's budget has 430 000 on the Personal row and sums of 0; here the sums are computed.
/// Submitted by the demo applicant (gymnasiekontoret) on 2015-05-12, the day after the form was signed.
/// </summary>
internal static class Ready
{
    public static DemoApplications.DemoCase Create() => new(
        "ready",
        "212000-2643",
        new ApplicationForm
        {
            Organisation = Fictional.SkellefteaGymnasiekontoret("Gymnasiekontoret", new ContactPerson
            {
                Name = "Maja Holmqvist",
                Phone = Fictional.Phone(11),
                Mobile = Fictional.Mobile(11),
                Email = Fictional.Email("maja.holmqvist"),
            }),
            Project = new ProjectSection
            {
                Name = "READY",
                Background =
                    "Den nya lagstiftningen kring gymnasieexamen med högre/förändrade krav gör att fler elever inte uppnår " +
                    "examen inom sina tre studieår. För de flesta fungerar en fortsatt komplettering inom ramen för det " +
                    "kommunala aktivitetsansvaret (KAA) ganska bra, men för en grupp elever med komplicerad livssituation " +
                    "krävs speciellt utformade alternativ. Det handlar om elever med stor erfarenhet av misslyckanden i skolan " +
                    "och ofta en komplicerad psykosocial miljö, med stor risk att hamna i utanförskap. Flera har kontakter " +
                    "med BUP, socialtjänsten eller hälsovården.",
                Purpose =
                    "Att eleverna under ett fjärde år fullföljer sina gymnasiestudier och, i samarbete med UngKomp och/eller " +
                    "Arbetsmarknadstorget, får information och påbörjar en individuell planering för fortsatt inriktning efter gymnasiet.",
                Goals =
                [
                    "20–25 elever får individuellt anpassade insatser för att avsluta sina gymnasiestudier inom fyra år.",
                    "Varje elev har en individuell plan som tar vid när gymnasiestudierna upphör.",
                ],
                BoundariesAndAddedValue =
                    "Det finns i dag ingen ordinarie verksamhet för dessa ungdomar; de faller inom ramen för KAA. Målgruppen " +
                    "behöver mer stöd än ett schema och erbjudande om att läsa vissa kurser. Vi vill skapa utrymme för en elevcoach " +
                    "som kontinuerligt träffar eleverna, följer deras studier och fungerar som kitt mellan elev, lärare och andra " +
                    "stödresurser, med goda kunskaper om unga med neuropsykiatriska funktionsnedsättningar, och koppla till det de " +
                    "mest skickliga lärarna i olika ämnen. Arbetssättet har prövats i mindre skala under innevarande läsår: 14 elever " +
                    "deltog och samtliga fullföljde sina individuellt anpassade studieplaner.",
                Activities =
                    "Aktiviteterna koncentreras till hösten 2015, med möjlighet till förlängning under vårterminen 2016 om det behövs. " +
                    "Läsåret startar med att eleverna som grupp träffar lärare, elevcoach, rektor och studie- och yrkesvägledare; " +
                    "därefter individuellt anpassade studier med elevcoach och planering tillsammans med UngKomp eller Arbetsmarknadstorget.",
                StartDate = new DateOnly(2015, 8, 17),
                EndDate = new DateOnly(2015, 12, 31),
                GenderEquality =
                    "Urvalet sker utifrån individuella behov, inte beroende på om det är unga män eller kvinnor. Det finns tillgång " +
                    "till personal av båda könen om det är en faktor som behöver beaktas för studieframgång.",
                Accessibility =
                    "Funktionsnedsättning av något slag är överrepresenterad i målgruppen och en orsak till att dessa stödinsatser behövs.",
                // The source form leaves "Mångfald" empty; the form here requires it, so a short answer is supplied.
                Diversity =
                    "Insatserna utformas utifrån varje elevs förutsättningar oavsett bakgrund; elever med annat modersmål erbjuds " +
                    "studiehandledning vid behov.",
                Implementation =
                    "Behovet av att inom gymnasiets ram kunna komplettera och avsluta gymnasiestudier ökar, eftersom vuxenutbildningen " +
                    "efter den 1 juli 2015 inte längre kan utfärda slutbetyg. Kan vi utarbeta fungerande arbetsformer för detta och " +
                    "kombinera det med planering tillsammans med UngKomp eller Arbetsmarknadstorget är förutsättningarna för " +
                    "implementering mycket goda.",
            },
            TargetGroup = new TargetGroupSection
            {
                Description =
                    "20–25 elever som inte klarar sina gymnasiestudier inom tre år. Eleverna har en multikomplex livs- och " +
                    "studiesituation med behov av särskilt utformade anpassningar och stora behov av samarbete mellan skola, " +
                    "Arbetsförmedlingen och i vissa fall socialtjänst och hälsovård. Elever med neuropsykiatriska " +
                    "funktionsnedsättningar är väl representerade.",
                Participants = 25,
                AgeMin = 18,
                AgeMax = 21,
                Categories = [TargetCategory.Funktionsnedsattning],
            },
            Cooperation = new CooperationSection
            {
                Members =
                [
                    new MemberParticipation { MemberKey = "skelleftea", How = "Gymnasiekontoret är projektägare; socialtjänsten medverkar för elever med kontakt där." },
                    new MemberParticipation { MemberKey = "af", How = "Arbetsförmedlingen (UngKomp och Arbetsmarknadstorget) deltar i elevernas planering efter gymnasiet." },
                    new MemberParticipation { MemberKey = "region-vb", How = "Hälso- och sjukvården (bl.a. BUP) medverkar för elever med pågående kontakter." },
                ],
                OtherPartners = "UngKomp och Arbetsmarknadstorget (samverkansverksamheter).",
            },
            FollowUp = new FollowUpSection
            {
                Plan =
                    "Uppföljningen består av en sammanställning av måluppfyllelsen i förhållande till de individuella planerna. " +
                    "Eleverna utvärderar insatserna genom enkätfrågor. Rektor ansvarar för återrapportering till LSG.",
                ResponsibleName = "Maja Holmqvist, rektor",
                ResponsibleEmail = Fictional.Email("maja.holmqvist"),
            },
            Budget = [new BudgetYear { Year = 2015, Personnel = 430_000 }],
            Signature = new SignatureSection
            {
                Name = "Gunilla Ekvall",
                NameInPrint = "Gunilla Ekvall",
                Role = "Gymnasiechef, gymnasiekontoret",
                Date = new DateOnly(2015, 5, 11),
            },
        },
        new DemoApplications.DemoSubmission(6, new DateOnly(2015, 5, 12), "sokande@demo.grants.se"));
}
