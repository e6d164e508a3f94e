using Grants.Applications;

namespace Grants.Demo.Cases;

/// <summary>
/// Knut'n 2.0 (notice item 5 and the filled-in form): Norsjö kommun, Knut'n, asks 405 600 kr for August 2015 –
/// March 2016: 266 000 in 2015 and 139 600 in 2016, as in the form's budget table.
/// The signed paper copy in the source is dated 2015-06-03, after the LSG meeting of 2015-06-02 that had already
/// handled the e-mailed copy; here the e-mailed copy arrives 2015-05-29 and is signed that day.
/// </summary>
internal static class KnutN
{
    public static DemoApplications.DemoCase Create() => new(
        "knutn",
        "212000-2858",
        new ApplicationForm
        {
            Organisation = new OrganisationSection
            {
                Name = "Norsjö kommun",
                Unit = "Knut'n",
                Type = OrganisationType.Kommun,
                Signatory = "Per Strandlund, kommunchef / Lena Åkerström, tillväxtchef",
                OrganisationNumber = "212000-2858",
                Address = "Storgatan 67",
                PostalCode = "935 81",
                City = "Norsjö",
                Contact = new ContactPerson
                {
                    Name = "Emma Lindgård",
                    Phone = Fictional.Phone(21),
                    Mobile = Fictional.Mobile(21),
                    Email = Fictional.Email("emma.lindgard"),
                },
                PaymentAccountKind = PaymentAccountKind.Bankgiro,
                PaymentAccount = "5741-0151",
            },
            Project = new ProjectSection
            {
                Name = "Knut'n 2.0",
                Background =
                    "Norsjö kommun har en negativ befolkningsutveckling; utflyttningen är störst bland kvinnor och män 19–32 år. " +
                    "Mottagandet av flyktingar är en möjlighet att vända utvecklingen men kräver särskilda satsningar (LUS 2014). " +
                    "Kommunens integrationsstrategi och lokala utvecklingsstrategi pekar bl.a. på praktik för grupper långt från " +
                    "arbetsmarknaden och ökade resurser inom Knut'ns verksamhet. Knut'n är en kommunal verksamhet som främjar " +
                    "psykisk och fysisk hälsa och vänder sig till den som behöver sysselsättning, rehabilitering, språkpraktik, " +
                    "arbetsträning eller en mötesplats. Knut'n tar i dag emot 20 anvisningar; remittenter är kommunen, " +
                    "Arbetsförmedlingen, Försäkringskassan, landstinget och Kriminalvården. Efterfrågan ökar, särskilt för " +
                    "nyanlända med låg utbildningsgrad och för personer med psykisk ohälsa.",
                Purpose =
                    "Dels att öka antalet personer som går från Knut'n vidare till yrkesverksamhet eller praktik på den privata och " +
                    "kommunala arbetsmarknaden genom \"den felande länken\": en kartläggning av den lokala arbetsmarknaden och ett " +
                    "nätverk hos arbetsgivarna. Dels att utveckla Knut'ns verksamhet runt återvinning.",
                Goals =
                [
                    "Kartlägga samtliga ca 350 företag i kommunen (varav ett 30-tal med 10 anställda eller fler) i ett register med aktivitetsbeskrivning och kontaktuppgifter.",
                    "Ett register över kommunala verksamheter med aktivitetsbeskrivning och kontaktuppgifter.",
                    "Ett register över företag som kan ha behov av legoarbete.",
                    "Skriftliga rutiner för Knut'ns stöd till arbetsgivare, och informationen spridd.",
                    "Fler arbetsuppgifter kopplade till återvinning utöver dagens möbeldemontering.",
                    "Minst två studiebesök hos andra organisationer med framgångsrika arbetssätt.",
                ],
                BoundariesAndAddedValue =
                    "En grundlig kartläggning av arbets- och praktikplatser hos privata företag och i den kommunala förvaltningen har " +
                    "inte skett tidigare och sker inte i ordinarie verksamhet, inte heller en systematisk kartläggning av legoarbeten. " +
                    "Lokalerna anpassas så att fler och mer varierade uppdrag inom återvinning kan erbjudas. Arbetet görs av en " +
                    "projektresurs som anställs för ändamålet.",
                Activities =
                    "Augusti 2015 – mars 2016: kartläggning av arbetsmarknaden hos företag och kommunala verksamheter; kartläggning " +
                    "av behov av legoarbete; riktlinjer för Knut'ns stöd till arbetsgivare; anpassning av flöden vid " +
                    "återvinningscentralerna i Norsjö och Bastuträsk; anpassning av lokaler (varmbonade utrymmen, innerväggar, el " +
                    "och vatten) för fler platser inom demontering och återvinning; nya arbetsuppgifter runt återvinning.",
                StartDate = new DateOnly(2015, 8, 1),
                EndDate = new DateOnly(2016, 3, 31),
                GenderEquality =
                    "Knut'ns arbetscoacher är i dag enbart kvinnor; vid extern rekrytering av projektledare uppmuntras manliga " +
                    "sökande. Coacherna arbetar för att främja kvinnors och mäns arbete med uppgifter som traditionellt anses " +
                    "tillhöra det andra könet, och nya arbetsuppgifter tas fram så att de passar både kvinnor och män.",
                Accessibility =
                    "Återvinningen utvecklas för ytterligare fem personer, och platserna ska vara tillgängliga även för personer " +
                    "med fysiska funktionsnedsättningar.",
                Diversity =
                    "Projektet ska stärka mångfalden på arbetsmarknaden i kommunen genom att människor med olika bakgrund, ålder, " +
                    "kön och funktionsförmåga erbjuds ökade möjligheter till praktik och arbete.",
                Implementation =
                    "Resultaten är direkt användbara efter genomförandet. Arbetscoacherna hålls uppdaterade genom löpande dialog med " +
                    "projektledaren och närmaste chef. Kartläggningen ger Knut'ns personal fler möjligheter så snart den är klar, " +
                    "och återvinningen ger fler platser och intäkter som gör verksamheten hållbar.",
            },
            TargetGroup = new TargetGroupSection
            {
                Description =
                    "Primärt nyanlända och andra i behov av integration (flyktingar, ensamkommande, anhöriga och övriga invandrare), " +
                    "samt företag och kommunala verksamheter i Norsjö. Sekundärt personer med psykisk ohälsa som behöver " +
                    "sysselsättning, personer med fysiska besvär som behöver arbetsträning och unga som behöver erfarenhet och " +
                    "rutiner. Knut'n tar i dag emot 20 personer och projektet ger plats för ytterligare fem. Projektet riktar " +
                    "sig i lika stor utsträckning till kvinnor och män.",
                Participants = 25,
                AgeMin = 16,
                AgeMax = 64,
                Categories =
                [
                    TargetCategory.NyanlandaMedUppehallstillstand,
                    TargetCategory.Funktionsnedsattning,
                    TargetCategory.UngaUtanSysselsattning,
                ],
            },
            Cooperation = new CooperationSection
            {
                Members =
                [
                    new MemberParticipation { MemberKey = "norsjo", How = "Projektägare (tillväxtavdelningen); samverkan med individ- och familjeomsorgen." },
                    new MemberParticipation { MemberKey = "af", How = "Anvisar deltagare och samverkar om praktik och arbetsmarknadsinsatser." },
                    new MemberParticipation { MemberKey = "fk", How = "Samverkar i förekommande fall kring deltagare med behov av arbetsträning." },
                ],
                OtherPartners = "Företag och kommunala arbetsplatser i Norsjö; Kriminalvården som remittent; organisationer som tar emot studiebesök.",
            },
            FollowUp = new FollowUpSection
            {
                Plan =
                    "Samverkansparterna bjuds in vid projektstart. Skriftlig utvärdering: kartläggningen av arbetsmarknaden och av " +
                    "möjliga legoarbeten, en skriftlig rutin och ett informationsmaterial för stödet till arbetsgivare, redogörelser " +
                    "för studiebesöken och en kortfattad, lättläst slutrapport till samverkansparterna. Projektledaren ansvarar för " +
                    "utvärderingen; tillväxtchefen är ytterst ansvarig.",
                ResponsibleName = "Emma Lindgård, projektledare",
                ResponsibleEmail = Fictional.Email("emma.lindgard"),
            },
            Budget =
            [
                new BudgetYear { Year = 2015, Personnel = 196_000, Premises = 17_500, Other = 52_500 },
                new BudgetYear { Year = 2016, Personnel = 117_600, Premises = 10_500, Other = 11_500 },
            ],
            Signature = new SignatureSection
            {
                Name = "Per Strandlund",
                NameInPrint = "Per Strandlund / Lena Åkerström",
                Role = "Kommunchef respektive tillväxtchef",
                Date = new DateOnly(2015, 5, 29),
            },
        },
        new DemoApplications.DemoSubmission(7, new DateOnly(2015, 5, 29), "sokande.norsjo@demo.grants.se"));
}
