using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grants.Minutes;

namespace Grants.Tests.Minutes.Documents;

/// <summary>
/// The minutes of seeds/004 (Samordningsförbundet Skellefteå-Norsjö, 2015-04-23, § 596–614) as a MinutesDocument:
/// the real titles and att-clauses, abridged background texts, and fictional people in place of the real ones.
/// Until the board's IMinutesSource is merged, this is the data the documents are rendered from.
/// </summary>
public static class SeedMinutes
{
    public static readonly Guid AdjustedMeetingId = Guid.Parse("5e1d0004-0000-4000-8000-000000000596");
    public static readonly Guid DraftMeetingId = Guid.Parse("5e1d0004-0000-4000-8000-000000000001");
    public const string Association = "Samordningsförbundet Skellefteå-Norsjö";
    public static readonly DateOnly MeetingDate = new(2015, 4, 23);
    public const string Chair = "Birgitta Ekholm";
    public const string Secretary = "Sten Bergkvist";
    public const string Adjuster = "Karin Nordström";
    public const string ConflictNote = "Ledamoten Per Holmgren anmälde jäv och deltog inte i handläggningen av ärendet.";

    /// <summary>§ number, title, text, the application's project name (demo data) if it decides one, att-clauses.</summary>
    public static readonly (int Number, string Title, string Text, string? Project, string[] Clauses)[] Paragraphs =
    [
        (596, "Genomgång av protokoll från föregående möte. Se bilaga.", "", null, ["att godkänna informationen."]),
        (597, "Val av justerare.", "", null, [$"att utse {Adjuster}."]),
        (598, "Val av ordförande",
            "Enligt gällande förbundsordning ska varje medlem välja vardera en ledamot och en ersättare för denne för fyra år.\nStyrelsen ska därefter bland sina ledamöter utse en ordförande för den tid som styrelsen bestämmer.",
            null, [$"att välja {Chair} till ordförande för Samordningsförbundet Skellefteå-Norsjö."]),
        (599, "Val av vice ordförande",
            "Styrelsen ska på motsvarande sätt som vid val av ordförande även välja vice ordförande för den tid som styrelsen bestämmer.",
            null, ["att välja Anders Lindqvist till vice ordförande för Samordningsförbundet Skellefteå-Norsjö."]),
        (600, "Ekonomisk rapport per 2015-03-31. Se bilaga.",
            "Det ekonomiska resultatet per 2015-03-31 uppgår till 323 919 kronor.\nDet ekonomiska utrymmet för nya verksamheter och projekt under 2015 uppgår därmed till 2 207 732 kronor.",
            null, ["att godkänna rapporten."]),
        (601, "Orienteringskurs i samverkan – ansökan om medfinansiering av ESF-ansökan från Studieförbundet Bilda Nord. Se bilaga.",
            "Bilda ansöker om medfinansiering från Samordningsförbundet Skellefteå-Norsjö med 400 000 kronor per år under tre år, totalt 1,2 miljoner kronor.",
            "Orienteringskurs i samverkan",
            ["att avslå Studieförbundet Bilda Nords ansökan om kontant medfinansiering av projektet \"Orienteringskurs i samverkan\" med 400 000 kronor per år under tre år, totalt 1,2 miljoner kronor. Ansökan har avstyrkts av Lokala samverkansgruppen med hänvisning till det låga antalet deltagare i förhållande till projektets kostnader."]),
        (602, "Projekt VIA (Validering.Innovativt.Arbeta.) – ansökan om medfinansiering av ESF-ansökan från Medlefors folkhögskola. Se bilaga.",
            "Medlefors ansöker om medfinansiering från Samordningsförbundet Skellefteå-Norsjö med totalt 600 000 kronor till projektets genomförande.\nMålgruppen är 60 nyanlända invandrare i åldern 15-64 år varav 30 platser fördelas till Medlefors.",
            "VIA – Validering.Innovativt.Arbeta.",
            ["att bevilja Medlefors folkhögskola kontant bidrag med 600 000 kronor avseende planerings- och analysfas under år 2015 för projektet VIA",
             "att samordningsförbundets medfinansiering sker under förutsättning att Medlefors folkhögskola beviljas ansökta medel från Europeiska socialfonden och Skellefteå kommun"]),
        (603, "Projekt Växthuset – ansökan från Urkraft Service AB om bidrag till förstudie i samband med uppstart av arbetsintegrerat socialt företag. Se bilaga.",
            "Urkraft ansöker om 295 000 kronor från Samordningsförbundet Skellefteå-Norsjö för att genomföra en förstudie under tiden april-november 2015.",
            "Växthuset",
            ["att avslå ansökan om kontant medfinansiering med 295 000 kronor för genomförandet av förstudie tillsammans med Skellefteå Pastorat i syfte att skapa förutsättningar för etablering av ett arbetsintegrerat socialt företag. Avslaget motiveras med att ekonomiska direktbidrag till sociala företag inte bör ingå i samordningsförbundets stödstruktur och att mer neutrala stödformer i första hand ska eftersträvas."]),
        (604, "Projekt Aktiv uppföljning – ansökan från Skellefteå Stadsmission om bidrag till utveckling av sysselsättningsinriktad verksamhet/arbetsträning för personer med psykisk ohälsa och/eller beroendeproblematik. Se bilaga.",
            "Skellefteå Stadsmission ansöker om bidrag med 400 000 kronor från Samordningsförbundet Skellefteå-Norsjö under åren 2015-2017.",
            "Aktiv uppföljning",
            ["att bevilja Skellefteå stadsmission 200 000 kronor under år 2015 till projektet Aktiv uppföljning."]),
        (605, "Projekt Solen – ansökan från gymnasiekontoret/ arbetsmarknadsenheten om bidrag till att upprätta och/eller stödja bemannade servicepunkter i kommundelar med stora asylpopulationer. Se bilaga.",
            "Gymnasiekontorets arbetsmarknadsenhet ansöker om 820 000 kronor från Samordningsförbundet Skellefteå-Norsjö under 2015.\nAnsvar för asylsökande människor och deras levnadsförhållanden tillhör generellt Migrationsverket.",
            "Solen",
            ["att avslå ansökan om medfinansiering med 820 000 kronor för att upprätta och/eller stödja bemannade servicepunkter i kommundelar med stora asylpopulationer. Avslaget motiveras med att ansvaret för asylsökande inte ligger inom Försäkringskassans, Arbetsförmedlingens, Skellefteå/Norsjö kommuns och Västerbottens läns landstings samlade ansvarsområde utan tillhör Migrationsverket."]),
        (606, "Projekt Migrantmödrar – ansökan från Gymnasiekontoret/ arbetsmarknadsenheten om bidrag till att utveckla fungerande strategier för effektivt föräldraskap, medskapande medborgarskap och förståelse av vägen till egen försörjning för nyanlända kvinnor med barn. Se bilaga.",
            "Gymnasiekontorets arbetsmarknadsenhet ansöker om 180 000 kronor under 2015 för att i form av en förstudie skapa en mötesplats för utlandsfödda kvinnor med barn.",
            "Migrantmödrar",
            ["att avslå ansökan från Gymnasiekontorets arbetsmarknadsenhet om medfinansiering med 180 000 kronor under 2015 för att i form av en förstudie skapa en mötesplats för utlandsfödda kvinnor med barn. Avslaget motiveras med att ansvaret för asylsökande inte ligger inom Försäkringskassans, Arbetsförmedlingens, Skellefteå/Norsjö kommuns och Västerbottens läns landstings samlade ansvarsområde utan tillhör Migrationsverket."]),
        (607, "Ansökan om lokalt KUR-projekt. Se bilaga.",
            "Lokala samverkansgruppen har vid sitt sammanträde 2015-04-13 tillstyrkt ett preliminärt förslag till gemensam ansökan.",
            null, ["att tillstyrka ansökan om lokalt KUR-projekt enligt redovisat förslag", "att finansiera kostnader för lokaler och förtäring under projektets genomförande."]),
        (608, "Samordnad kompetensutveckling 2015-2016",
            "Lokala samverkansgruppen föreslår att följande kompetensutvecklingsinsatser genomförs under 2015-2016: coachutbildning, utbildningspjäsen Churchill var inte heller klok, uppföljning/utvärdering samt samverkanskompetens/leda i samverkan.",
            null, ["att uppdra till förbundschef att i samarbete med Lokala samverkansgruppen planera och genomföra ovanstående kompetensutvecklingsinsatser",
                   "att finansiering får ske inom ramen för samordningsförbundets anslag för information/gemensam kompetensutveckling."]),
        (609, "Kartläggning av långvarigt ekonomiskt bistånd i Norsjö och Skellefteå. Se bilaga.",
            "Aktiviteten ska ligga inom området samordnad rehabilitering och får inte innehålla aktiviteter som ligger inom myndigheternas ordinarie uppdrag, t.ex. framtagande av SIP.",
            null, ["att godkänna redovisat förslag till arbetsuppgifter för samordnare/koordinator i samverkansmodellen."]),
        (610, "ESF-förstudien Improve – slutrapport till ESF-rådet. Se bilaga.",
            "Klara Wiklund, projektledare för Improve, presenterar resultaten från kartläggningen och förslag till fortsatt utveckling inom området.",
            null, ["att godkänna rapporten."]),
        (611, "Revisionsberättelse 2014 för Samordningsförbundet Skellefteå-Norsjö. Se bilaga.",
            "Revisorerna tillstyrker att styrelsens ledamöter beviljas ansvarsfrihet för verksamhetsåret 2014.",
            null, ["att notera informationen."]),
        (612, "Revisionsrapport om granskning av årsredovisning samt förbundets uppfyllelse av 7 § i Lagen om finansiell samordning av rehabiliteringsinsatser. Se bilaga.",
            "Styrelsens yttrande med uppgifter om verkställda och planerade åtgärder ska lämnas till revisionen senast 2015-08-31.",
            null, ["att uppdra till förbundschef att utarbeta förslag till yttrande", "att delegera till styrelsens presidium att godkänna yttrandet."]),
        (613, "Informationsärenden",
            "Rekrytering av förbundschef.\nSamarbete Arbetsmarknadstorget-UngKomp.\nInformation från NNS och från Lokala samverkansgruppen.",
            null, ["att notera informationen."]),
        (614, "Övriga frågor",
            "Förfrågan från NNS och Försäkringskassan angående budgetuppgifter.\nJubileumskonferens med anledning av att samordningsförbundet fyller 10 år 2015.\nNy faktureringsrutin för medlemsavgifter.",
            null, ["att uppdra till förbundschef att svara på de frågor NNS och försäkringskassan ställt.",
                   "att uppdra till förbundschef inleda planeringen för en jubileumskonferens under november/december 2015.",
                   "att med start 2015-07-01 fakturera beslutad medlemsavgift för förbundsmedlemmarna kvartalsvis."]),
    ];

    /// <param name="applications">Demo applications by project name (the ones the §§ decide on): id and diarienummer.</param>
    public static MinutesDocument Build(Guid meetingId, bool adjusted, IReadOnlyDictionary<string, (Guid Id, string? RegistrationNumber)> applications)
    {
        var paragraphs = Paragraphs.Select(p =>
        {
            (Guid Id, string? RegistrationNumber)? app = p.Project is { } project && applications.TryGetValue(project, out var a) ? a : null;
            return new MinutesParagraph(p.Number, p.Title, p.Text, app?.RegistrationNumber, p.Clauses,
                p.Number == 602 ? [ConflictNote] : [], app?.Id);
        }).ToList();
        var adjustedOn = new DateOnly(2015, 4, 30);
        var doc = new MinutesDocument(
            meetingId, Association, MeetingDate,
            "Samordningsförbundet, Storgatan 12, kl. 09.00 – 15.00",
            [
                new(Chair, "ordförande", "Skellefteå kommun"),
                new("Anders Lindqvist", "vice ordförande", "Region Västerbotten"),
                new(Adjuster, "ledamot", "Försäkringskassan"),
                new("Maria Sjöberg", "ersättare", "Arbetsförmedlingen"),
                new("Lars Öberg", "ersättare", "Norsjö kommun"),
            ],
            [new(Secretary, "förbundschef", null), new("Klara Wiklund", "projektledare", null)],
            [Adjuster],
            "Förbundskansliet 2015-04-30",
            paragraphs,
            new SignatureBlock(Chair, Secretary, [Adjuster], adjusted ? adjustedOn : null),
            adjusted ? new PostingBlock(MeetingDate, new DateOnly(2015, 5, 4), new DateOnly(2015, 5, 25), "Förbundskansliet, Storgatan 12", "Åsa Lindgren") : null,
            null,
            adjusted);
        return adjusted ? doc with { ContentHash = Hash(doc) } : doc;
    }

    /// <summary>SHA-256 over the document's content (as the board's adjustment does over its own record).</summary>
    public static string Hash(MinutesDocument doc) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(doc with { ContentHash = null }))));
}
