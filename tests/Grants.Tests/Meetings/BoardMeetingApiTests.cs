using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Minutes;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Grants.Tests.Minutes.Documents;
using static Grants.Tests.Meetings.BoardArrange;

namespace Grants.Tests.Meetings;

/// <summary>
/// The meeting of seeds/004's minutes, built through the API with the eight demo applications: agenda, kallelse,
/// attendance, decisions as in the source, § 596–614, justering (workflow + listeners + hash), anslag, lock, next meeting.
/// </summary>
public sealed class BoardMeetingApiTests(RecordingListenerApp app) : IClassFixture<RecordingListenerApp>
{
    [Fact]
    public async Task The_sources_meeting_is_prepared_decided_numbered_from_596_adjusted_and_locked()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var styrelse = await app.BearerClientAsync(Login.Board);
        var board = await BoardAsync(kansli);
        var apps = await DemoApplicationsToLsgAsync(app.BearerClientAsync, kansli);

        var meeting = await CreateMeetingAsync(kansli, "2026-03-12");
        var id = Api.IdOf(meeting);
        meeting["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).Should().Equal(
            "Genomgång av protokoll från föregående möte", "Val av justerare", "Informationsärenden", "Övriga frågor");

        // Items in the source's order; each new item goes before the two closing standing items.
        var chairElection = await AddItemAsync(kansli, id, new { kind = "Free", title = "Val av ordförande" });
        await AddItemAsync(kansli, id, new { kind = "Free", title = "Val av vice ordförande" });
        var economy = await AddItemAsync(kansli, id, new { kind = "EconomicReport" });
        economy["proposal"]!.AsArray().Single()!.GetValue<string>().Should().Be("att godkänna rapporten.");
        var candidates = await kansli.GetFromJsonAsync<JsonArray>("/api/meetings/candidates");
        candidates!.Select(c => Api.IdOf(c!.AsObject())).Should().BeEquivalentTo(apps.Values);
        var items = new Dictionary<string, JsonObject>();
        foreach (var key in new[] { "Orienteringskurs", "VIA", "Vaxthuset", "Aktiv", "Solen", "Migrantmodrar", "READY", "Knutn" })
            items[key] = await AddItemAsync(kansli, id, new { kind = "Application", applicationId = apps[key] });
        foreach (var title in new[] { "Lokalt KUR-projekt", "Samordnad kompetensutveckling", "Revisionsrapport 2014", "Revisionsberättelse 2014" })
            await AddItemAsync(kansli, id, new { kind = "Free", title });
        var stray = await AddItemAsync(kansli, id, new { kind = "Free", title = "Felaktigt tillagt ärende" });
        (await kansli.DeleteAsync($"/api/meetings/{id}/items/{Api.IdOf(stray)}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // The application items are prefilled from the case and the LSG; the applications are now on the agenda.
        var ready = items["READY"];
        ready["title"]!.GetValue<string>().Should().StartWith("Projekt READY – Ansökan från").And.Contain("430 000 kronor").And.EndWith("Se bilaga.");
        ready["text"]!.GetValue<string>().Should().Contain("Lokala samverkansgruppen har vid sitt sammanträde 2026-02-23 tillstyrkt att samordningsförbundet beviljar medel till projektet.");
        ready["proposal"]!.AsArray().Single()!.GetValue<string>().Should().StartWith("att bevilja Skellefteå kommun").And.Contain("430 000 kronor för genomförandet av projektet READY.");
        items["Orienteringskurs"]["proposal"]!.AsArray().Single()!.GetValue<string>().Should().StartWith("att avslå").And.Contain("Avslaget motiveras med att");
        (await kansli.GetApplicationAsync(apps["READY"]))["state"]!.GetValue<string>().Should().Be("pa-foredragningslista");
        (await kansli.GetFromJsonAsync<JsonArray>("/api/meetings/candidates"))!.Should().BeEmpty();

        // Revisionsberättelse comes before Revisionsrapport in the source: move it.
        var detail = await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}");
        var list = detail!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        var berattelse = list.Single(i => i["title"]!.GetValue<string>() == "Revisionsberättelse 2014");
        var rapport = list.Single(i => i["title"]!.GetValue<string>() == "Revisionsrapport 2014");
        (await kansli.PostAsJsonAsync($"/api/meetings/{id}/items/{Api.IdOf(berattelse)}/move", new { position = rapport["position"]!.GetValue<int>() }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        // Kallelse to ledamöter and ersättare with the agenda and a calendar invitation.
        // READY's bilaga travels with the kallelse.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var bilaga = new Grants.Applications.Attachment
            {
                ApplicationId = apps["READY"], FileName = "budget.pdf", ContentType = "application/pdf", Size = 9, Sha256 = "",
                UploadedAt = app.Time.GetUtcNow(), UploadedBy = "test", Content = new Grants.Applications.AttachmentContent { Data = "%PDF-1.4\n"u8.ToArray() },
            };
            bilaga.Content.AttachmentId = bilaga.Id;
            db.Attachments.Add(bilaga);
            await db.SaveChangesAsync();
        }
        (await kansli.PostAsync($"/api/meetings/{id}/notice", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var notice = await db.OutboxMails.SingleAsync(m => m.Key == $"kallelse:{id}:1");
            notice.To.Should().Contain("amir.aziz@demo.grants.se").And.Contain(Login.Board).And.NotContain("kansli@demo");
            notice.Body.Should().Contain("FÖREDRAGNINGSLISTA").And.Contain("Projekt READY").And.Contain("Samordningsförbundet föreslås besluta:");
            notice.Attachments.Should().ContainSingle(a => a.FileName.EndsWith("– budget.pdf") && a.FileName.StartsWith("SKN 2015-6"));
            var ics = Encoding.UTF8.GetString(notice.Attachments.Single(a => a.FileName == "kallelse.ics").Content);
            ics.Should().Contain("BEGIN:VEVENT").And.Contain("DTSTART;TZID=Europe/Stockholm:20260312T090000").And.Contain($"UID:{id}@grants");
        }
        (await styrelse.GetStringAsync($"/api/meetings/{id}/calendar.ics")).Should().Contain("DTEND;TZID=Europe/Stockholm:20260312T150000");
        (await styrelse.GetStringAsync($"/api/meetings/{id}/notice.txt")).Should().Contain("Val av justerare");

        // At the meeting: attendance, justerare, decisions as in the source.
        var attendance = await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", new
        {
            deciding = board.Deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }),
            others = new[] { "Karin Kansli, förbundschef", "Kristoffer Berg, projektledare" },
            chairId = board.Chair, secretaryId = board.Secretary, adjusterIds = new[] { board.Vice },
        });
        attendance.StatusCode.Should().Be(HttpStatusCode.OK, await attendance.Content.ReadAsStringAsync());

        detail = await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}");
        var all = detail!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        all.Should().HaveCount(19);
        Guid Item(string titleStart) => Api.IdOf(all.Single(i => i["title"]!.GetValue<string>().StartsWith(titleStart)));
        Guid AppItem(string key) => Api.IdOf(all.Single(i => i["applicationId"]?.GetValue<Guid>() == apps[key]));
        await DecideAsync(kansli, id, Item("Genomgång"), Decided(Clause("Approve", "att godkänna informationen.")));
        await DecideAsync(kansli, id, Item("Val av justerare"), Decided(Clause("Other", "att utse Nora Nordin.")));
        await DecideAsync(kansli, id, Api.IdOf(chairElection), Decided(Clause("Other", "att välja Stina Styrelse till ordförande för Samordningsförbundet Skellefteå-Norsjö.")));
        await DecideAsync(kansli, id, Item("Val av vice"), Decided(Clause("Other", "att välja Viktor Vice till vice ordförande för Samordningsförbundet Skellefteå-Norsjö.")));
        await DecideAsync(kansli, id, Api.IdOf(economy), Decided(Clause("Approve", "att godkänna rapporten.")));
        await DecideAsync(kansli, id, AppItem("Orienteringskurs"), Decided(new
        {
            kind = "Reject", motivation = "det låga antalet deltagare inte står i proportion till projektets kostnader",
            text = "att avslå Studieförbundet Bilda Nords ansökan om kontant medfinansiering av projektet \"Orienteringskurs i samverkan\".",
        }));
        await DecideAsync(kansli, id, AppItem("VIA"), Decided(
            new { kind = "Grant", text = "att bevilja Medlefors folkhögskola kontant bidrag med 600 000 kronor avseende planerings- och analysfas under år 2015 för projektet VIA", amounts = new[] { new { year = 2015, amount = 600_000 } } },
            new { kind = "Condition", funder = "Europeiska socialfonden och Skellefteå kommun", deadline = "2026-09-30",
                text = "att samordningsförbundets medfinansiering sker under förutsättning att Medlefors folkhögskola beviljas ansökta medel från Europeiska socialfonden och Skellefteå kommun" }));
        const string socialMotivation = "ekonomiska direktbidrag till sociala företag inte bör ingå i samordningsförbundets stödstruktur";
        await DecideAsync(kansli, id, AppItem("Vaxthuset"), Decided(new { kind = "Reject", motivation = socialMotivation, text = "att avslå ansökan om kontant medfinansiering med 295 000 kronor." }));
        await DecideAsync(kansli, id, AppItem("Aktiv"), Decided(new
        {
            kind = "Grant", text = "att bevilja Skellefteå stadsmission 200 000 kronor under år 2015 till projektet Aktiv uppföljning.",
            amounts = new[] { new { year = 2015, amount = 200_000 } }, projectStart = "2015-01-01", projectEnd = "2015-12-31",
        }));
        const string asylum = "ansvaret för asylsökande inte ligger inom medlemmarnas samlade ansvarsområde utan tillhör Migrationsverket";
        foreach (var key in new[] { "Solen", "Migrantmodrar" })
            await DecideAsync(kansli, id, AppItem(key), Decided(new { kind = "Reject", motivation = asylum, text = "att avslå ansökan om medfinansiering." }));
        await DecideAsync(kansli, id, AppItem("READY"), Decided(new
        {
            kind = "Grant", text = "att bevilja Skellefteå kommuns gymnasiekontor 430 000 kronor för genomförandet av projektet READY.",
            amounts = new[] { new { year = 2015, amount = 430_000 } },
        }));
        var knut = await kansli.GetApplicationAsync(apps["Knutn"]);
        var knutAmount = knut["amountApplied"]!.GetValue<long>();
        await DecideAsync(kansli, id, AppItem("Knutn"), new
        {
            outcome = "Decided",
            clauses = new[] { new { kind = "Grant", text = $"att bevilja Norsjö kommun {knutAmount} kronor för genomförandet av projektet Knut`n 2.0.", amounts = new[] { new { year = 2015, amount = knutAmount } } } },
            recusals = new[] { new { boardMemberId = board.Adjuster, reason = "anställd i Norsjö kommun" } },
        });
        await DecideAsync(kansli, id, Item("Lokalt KUR"), Decided(Clause("Other", "att tillstyrka ansökan om lokalt KUR-projekt enligt redovisat förslag")));
        await DecideAsync(kansli, id, Item("Samordnad"), Decided(Clause("Assign", "att uppdra till förbundschef att planera och genomföra kompetensutvecklingsinsatserna")));
        await DecideAsync(kansli, id, Item("Revisionsberättelse"), Decided(Clause("Note", "att notera informationen.")));
        await DecideAsync(kansli, id, Item("Revisionsrapport"), Decided(Clause("Assign", "att uppdra till förbundschef att utarbeta förslag till yttrande"), Clause("Delegate", "att delegera till styrelsens presidium att godkänna yttrandet.")));
        await DecideAsync(kansli, id, Item("Informationsärenden"), Decided(Clause("Note", "att notera informationen.")));

        // Justering is refused before numbering, and numbering while a decision is missing.
        (await styrelse.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var missing = await kansli.PostAsync($"/api/meetings/{id}/number", null);
        missing.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("Övriga frågor");
        await DecideAsync(kansli, id, Item("Övriga frågor"), Decided(Clause("Other", "att flytta den gemensamma planeringsdagen med Lokala samverkansgruppen till 2026-10-07")));
        var numbered = await (await kansli.PostAsync($"/api/meetings/{id}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);
        numbered["paragraphRange"]!.GetValue<string>().Should().Be("Paragrafer 596 - 614");
        numbered["items"]!.AsArray().Select(i => i!["paragraphNumber"]!.GetValue<int>()).Should().Equal(Enumerable.Range(596, 19));
        numbered["items"]!.AsArray().Take(2).Select(i => i!["title"]!.GetValue<string>()).Should().Equal("Genomgång av protokoll från föregående möte", "Val av justerare");
        (await kansli.PostAsJsonAsync($"/api/meetings/{id}/items", new { kind = "Free", title = "För sent" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 13, 8, 0, 0, TimeSpan.Zero));
        // Bearer tokens expire with the time moved on: sign in again, as users would the next day.
        kansli = await app.BearerClientAsync(Login.Secretariat);
        styrelse = await app.BearerClientAsync(Login.Board);

        // Justering: the ordförande signs with the Styrelse login; the kansli registers the justerare's signed paper.
        (await (await styrelse.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { })).ExpectJsonAsync(HttpStatusCode.OK))["state"]!.GetValue<string>().Should().Be("Numbered");
        (await styrelse.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await styrelse.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { boardMemberId = board.Vice })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await kansli.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { boardMemberId = board.Adjuster })).StatusCode.Should().Be(HttpStatusCode.Forbidden, "Nora Nordin is jävig in § 608");
        var adjusted = await (await kansli.PostAsJsonAsync($"/api/meetings/{id}/signatures", new { boardMemberId = board.Vice })).ExpectJsonAsync(HttpStatusCode.OK);
        adjusted["state"]!.GetValue<string>().Should().Be("Adjusted");
        adjusted["postedOn"]!.GetValue<string>().Should().Be("2026-03-14");
        adjusted["takenDownOn"]!.GetValue<string>().Should().Be("2026-04-04");
        var signatures = adjusted["signatures"]!.AsArray();
        signatures.Select(s => (s!["name"]!.GetValue<string>(), s["capacity"]!.GetValue<string>(), s["byRole"]!.GetValue<string>()))
            .Should().Equal(("Stina Styrelse", "ordförande", "Styrelse"), ("Viktor Vice", "justerare", "Kansli"));

        // The decisions moved the applications through their workflow.
        async Task<string> State(string key) => (await kansli.GetApplicationAsync(apps[key]))["state"]!.GetValue<string>();
        (await State("READY")).Should().Be("beviljad");
        (await State("Knutn")).Should().Be("beviljad");
        (await State("VIA")).Should().Be("villkorat-beviljad");
        (await State("Aktiv")).Should().Be("delvis-beviljad");
        foreach (var key in new[] { "Orienteringskurs", "Vaxthuset", "Solen", "Migrantmodrar" }) (await State(key)).Should().Be("avslagen");

        // ... and reached the registered listener, committed with the adjustment.
        app.Received.Should().HaveCount(8);
        var via = app.Received.Single(d => d.ApplicationId == apps["VIA"]);
        via.Kind.Should().Be(DecisionKind.ConditionallyGranted);
        via.ParagraphNumber.Should().Be(602);
        via.Conditions.Single().Deadline.Should().Be(new DateOnly(2026, 9, 30));
        app.Received.Single(d => d.ApplicationId == apps["Aktiv"]).Granted.Should().Equal(new GrantedAmount(2015, 200_000));
        app.Received.Single(d => d.ApplicationId == apps["Orienteringskurs"]).Motivation.Should().Contain("låga antalet deltagare");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await db.AuditEntries.CountAsync(a => a.Action == "test.decision-taken")).Should().Be(8);
            (await db.Applications.SingleAsync(a => a.Id == apps["VIA"])).ConditionsDeadline.Should().Be(new DateOnly(2026, 9, 30));
            var document = await scope.ServiceProvider.GetRequiredService<IMinutesSource>().ForMeetingAsync(id, default);
            document!.ContentHash.Should().MatchRegex("^[0-9a-f]{64}$").And.Be(MinutesBuilder.Hash(document));
            document.FirstParagraph.Should().Be(596);
            document.LastParagraph.Should().Be(614);
            document.Adjusters.Should().Equal("Viktor Vice");
            document.Deciding.Should().Contain(new AttendeeLine("Amir Aziz", "tjänstgörande ersättare för Arvid Ahlström", "Arbetsförmedlingen"));
            document.Paragraphs.Single(p => p.Number == 602).Clauses.Should().HaveCount(2);
            document.Paragraphs.Single(p => p.Number == 608).Notes.Should().ContainSingle(n => n.Contains("Nora Nordin anmälde jäv"))
                .And.Contain("Beslutande i ärendet: Stina Styrelse, Viktor Vice, Amir Aziz, Ronja Rask.");
            // The motivation typed in the decision is the one the minutes print after the att-clause.
            document.Paragraphs.Single(p => p.RegistrationNumber is not null && p.Clauses.Any(c => c.Contains("Orienteringskurs i samverkan")))
                .Clauses.Single().Should().EndWith("\". Avslaget motiveras med att det låga antalet deltagare inte står i proportion till projektets kostnader.");
            document.Paragraphs.Single(p => p.Number == 602).Clauses[1].Should().EndWith("Skellefteå kommun. Villkoret ska vara uppfyllt senast 2026-09-30.");
            document.Posting!.TakenDownOn.Should().Be(new DateOnly(2026, 4, 4));
            document.Signatures.AdjustedOn.Should().Be(new DateOnly(2026, 3, 13));
        }

        // Locked: every edit is refused and nothing changes.
        var before = await kansli.GetStringAsync($"/api/meetings/{id}/minutes");
        (await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{AppItem("READY")}/decision", Decided(Clause("Reject", "att avslå")))).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await kansli.PutAsJsonAsync($"/api/meetings/{id}/items/{AppItem("READY")}", new { title = "Ändrad", text = "", proposal = new[] { "att" } })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await kansli.DeleteAsync($"/api/meetings/{id}/items/{AppItem("READY")}")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", new { deciding = Array.Empty<object>() })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await kansli.PostAsync($"/api/meetings/{id}/number", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await kansli.GetStringAsync($"/api/meetings/{id}/minutes")).Should().Be(before);

        // Anslag: within two days of adjustment, three weeks up.
        var late = await kansli.PutAsJsonAsync($"/api/meetings/{id}/posting", new { postedOn = "2026-03-17", storagePlace = "Förbundskansliet" });
        (await late.ExpectProblemAsync(HttpStatusCode.BadRequest)).Keys.Should().Equal("postedOn");
        var posted = await (await kansli.PutAsJsonAsync($"/api/meetings/{id}/posting", new { postedOn = "2026-03-15", storagePlace = "Kommunledningskontoret, stadshuset", signedBy = "Karin Kansli" }))
            .ExpectJsonAsync(HttpStatusCode.OK);
        posted["takenDownOn"]!.GetValue<string>().Should().Be("2026-04-05");

        // The adjusted minutes as documents, from this meeting (not a sample): every § with its title and att-clauses.
        MinutesDocument adjustedMinutes;
        await using (var scope = app.Services.CreateAsyncScope())
            adjustedMinutes = (await scope.ServiceProvider.GetRequiredService<IMinutesSource>().ForMeetingAsync(id, default))!;
        var docx = string.Join("\n", DocumentText.DocxParagraphs(await kansli.GetByteArrayAsync($"/api/meetings/{id}/minutes.docx")));
        docx.Should().Contain("Paragrafer\n596 - 614", "the label and its value are two cells of the header table");
        foreach (var paragraph in adjustedMinutes.Paragraphs)
        {
            docx.Should().Contain($"§ {paragraph.Number}").And.Contain(paragraph.Title);
            foreach (var clause in paragraph.Clauses) docx.Should().Contain(clause);
        }
        var pdf = DocumentText.Squeeze(DocumentText.Pdf(await kansli.GetByteArrayAsync($"/api/meetings/{id}/minutes.pdf")));
        pdf.Should().Contain(DocumentText.Squeeze("Paragrafer 596 - 614")).And.Contain(DocumentText.Squeeze(adjustedMinutes.Paragraphs.Single(p => p.Number == 602).Clauses[1]));

        // The beslutsmeddelande: after the commit the sweep writes VIA's mail with the extract of § 602 attached.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var step = scope.ServiceProvider.GetServices<Grants.Shared.ISweepStep>().OfType<DecisionNoticeStep>().Single();
            await step.RunAsync(app.Time.GetUtcNow(), default);
            var mail = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.AsNoTracking()
                .SingleAsync(m => m.Key == $"decision-notice:{apps["VIA"]}:602");
            var extract = mail.Attachments.Single();
            extract.FileName.Should().StartWith("Protokollsutdrag § 602");
            var extractText = DocumentText.Squeeze(extract.FileName.EndsWith(".pdf") ? DocumentText.Pdf(extract.Content) : string.Join("", DocumentText.DocxParagraphs(extract.Content)));
            extractText.Should().Contain("Utdragsbestyrkande").And.Contain(DocumentText.Squeeze(adjustedMinutes.Paragraphs.Single(p => p.Number == 602).Title))
                .And.NotContain(DocumentText.Squeeze(adjustedMinutes.Paragraphs.Single(p => p.Number == 601).Title));
        }

        // The decisions list: amounts granted per year.
        var csv = Encoding.UTF8.GetString(await kansli.GetByteArrayAsync("/api/meetings/decisions?year=2026&format=csv")).TrimStart('\uFEFF');
        csv.Should().Contain("Beviljat 2015 (kronor)").And.Contain("§ 604").And.Contain("Delvis beviljad;400000;200000;200000");
        var xlsx = await kansli.GetByteArrayAsync("/api/meetings/decisions?format=xlsx");
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
            sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Should().HaveCount(9);

        // The next meeting continues the series.
        var next = Api.IdOf(await CreateMeetingAsync(kansli, "2026-04-23"));
        await (await kansli.PutAsJsonAsync($"/api/meetings/{next}/attendance", new
        {
            deciding = board.Deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }), chairId = board.Chair, adjusterIds = new[] { board.Vice },
        })).ExpectJsonAsync(HttpStatusCode.OK);
        foreach (var item in (await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{next}"))!["items"]!.AsArray())
            await DecideAsync(kansli, next, Api.IdOf(item!.AsObject()), Decided(Clause("Note", "att notera informationen.")));
        var nextNumbered = await (await kansli.PostAsync($"/api/meetings/{next}/number", null)).ExpectJsonAsync(HttpStatusCode.OK);
        nextNumbered["paragraphRange"]!.GetValue<string>().Should().Be("Paragrafer 615 - 618");
    }
}
