using System.Net;
using Grants.Tests.Infrastructure;
using Grants.Tests.Minutes.Documents;

namespace Grants.Tests.Minutes;

/// <summary>
/// What the adjusted minutes say and who reads them: one source for each text (the motivation typed in the decision,
/// the condition with its last day), the economic room counting only what is granted for the meeting's year, and
/// the protokollsutdrag open to the applicant for its own application only.
/// </summary>
public sealed class AdjustedMeetingRecordsTests(AdjustedDemoMeeting app) : IClassFixture<AdjustedDemoMeeting>
{
    private string ClauseOf(string key) => app.Minutes.Paragraphs.Single(p => p.Number == app.Paragraphs[key]).Clauses[^1];

    [Fact]
    public void A_motivation_written_both_in_the_clause_and_in_its_field_is_refused_and_nothing_is_written()
    {
        app.RepeatedMotivationErrors.Keys.Should().Equal("clauses[0].text");
        app.RepeatedMotivationErrors["clauses[0].text"].Single().Should().Contain("Motivering");
        app.RecordedAfterRepeatedMotivation.Should().BeFalse();
    }

    [Fact]
    public void The_decision_page_starts_from_the_proposal_with_the_motivation_in_its_own_field()
    {
        app.ProposalOrienteringskurs.Should().Contain("Avslaget motiveras med att");
        var input = app.DecisionPage[app.DecisionPage.IndexOf("name=\"Decision.Clauses[0].Motivation\"")..];
        var value = input[(input.IndexOf("value=\"") + 7)..];
        System.Net.WebUtility.HtmlDecode(value[..value.IndexOf('"')]).Should().Be(app.ProposalOrienteringskurs[(app.ProposalOrienteringskurs.IndexOf("motiveras med att ") + 18)..].TrimEnd('.'));
        var textArea = app.DecisionPage[app.DecisionPage.IndexOf("name=\"Decision.Clauses[0].Text\"")..];
        textArea[..textArea.IndexOf("</textarea>")].Should().NotContain("motiveras");
    }

    [Fact]
    public async Task The_typed_motivation_is_what_the_minutes_the_extract_and_the_decision_mail_say()
    {
        var printed = ClauseOf("Orienteringskurs");
        printed.Should().Be($"att avslå ansökan om medfinansiering av projektet Orienteringskurs i samverkan. Avslaget motiveras med att {AdjustedDemoMeeting.TypedMotivation}.");
        var proposed = app.ProposalOrienteringskurs[(app.ProposalOrienteringskurs.IndexOf("motiveras med att ") + 18)..].TrimEnd('.');

        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var extract = string.Join("\n", DocumentText.DocxParagraphs(await kansli.GetByteArrayAsync($"/api/meetings/{app.MeetingId}/minutes/{app.Paragraphs["Orienteringskurs"]}/extract.docx")));
        extract.Should().Contain(AdjustedDemoMeeting.TypedMotivation).And.NotContain(proposed);

        var mail = app.Mails.Single(m => m.Key == $"decision-notice:{app.Apps["Orienteringskurs"]}:{app.Paragraphs["Orienteringskurs"]}");
        mail.Body.Should().Contain($"Varför?\n{AdjustedDemoMeeting.TypedMotivation}").And.Contain(printed).And.NotContain(proposed);
    }

    [Fact]
    public void A_condition_carries_its_last_day_in_the_kallelse_the_minutes_and_the_mail()
    {
        app.ProposalVia.Should().Contain(p => p.Contains("under förutsättning att") && p.Contains("Villkoret ska vara uppfyllt senast 20"));
        app.Notice.Should().Contain("Villkoret ska vara uppfyllt senast 20");
        ClauseOf("VIA").Should().EndWith("Europeiska socialfonden. Villkoret ska vara uppfyllt senast 2026-09-30.");
        app.Mails.Single(m => m.Key.StartsWith($"decision-notice:{app.Apps["VIA"]}")).Body.Should().Contain("senast 2026-09-30");
    }

    [Fact]
    public void The_room_counts_only_what_is_granted_for_the_meetings_year_and_a_rejection_or_tabling_frees_it()
    {
        long Step(Grants.Economy.RoomForecastResult r, string project) => r.Steps.Single(s => s.Label.StartsWith(project)).Amount;
        var decided = app.RoomDecided;
        decided.RoomBefore.Should().Be(app.RoomOfTheDayBefore);
        Step(decided, "Orienteringskurs").Should().Be(0, "a rejection frees the room");
        Step(decided, "Knut").Should().Be(0, "a tabled item grants nothing");
        Step(decided, "VIA").Should().Be(300_000, "the 2027 money does not reduce the 2026 room");
        Step(decided, "READY").Should().Be(430_000);
        decided.RoomAfter.Should().Be(app.RoomOfTheDayBefore - 730_000);

        // Adjusted: the grants are commitments now; the forecast does not subtract them a second time.
        app.RoomOfTheDayAfter.Should().Be(app.RoomOfTheDayBefore - 730_000);
        app.RoomAdjusted.RoomBefore.Should().Be(app.RoomOfTheDayBefore);
        app.RoomAdjusted.RoomAfter.Should().Be(app.RoomOfTheDayAfter);
    }

    [Fact]
    public async Task The_applicant_reads_the_extract_of_a_paragraph_deciding_its_own_application_and_nothing_else()
    {
        app.ApplicantBeforeAdjustment.Should().Be(HttpStatusCode.NotFound, "unadjusted minutes are not shown to applicants");
        var ready = app.Paragraphs["READY"];
        var knut = app.Paragraphs["Knut"];
        var justerare = app.Paragraphs["justerare"];
        string Page(int p) => $"/Minutes/Extract/{app.MeetingId}/{p}";
        string File(int p, string f) => $"/api/meetings/{app.MeetingId}/minutes/{p}/extract.{f}";

        // Skellefteå kommun's applicant: READY is its own; Knut'n 2.0 is Norsjö kommun's.
        var applicant = await app.CookieClientAsync(Login.Applicant);
        var page = await applicant.GetAsync(Page(ready));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("READY").And.NotContain("Hela protokollet");
        var bearer = await app.BearerClientAsync(Login.Applicant);
        (await bearer.GetAsync(File(ready, "docx"))).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var other in new[] { knut, justerare, 9999 })
        {
            (await applicant.GetAsync(Page(other))).StatusCode.Should().Be(HttpStatusCode.NotFound, $"§ {other} is not the applicant's");
            (await bearer.GetAsync(File(other, "docx"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await bearer.GetAsync(File(other, "pdf"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        (await bearer.GetAsync($"/api/meetings/{app.MeetingId}/minutes.docx")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the whole minutes are the board's");

        // Norsjö kommun's applicant: the tabled Knut'n § is its own, READY's is not.
        var norsjo = await app.BearerClientAsync(Login.OtherApplicant);
        (await norsjo.GetAsync(File(knut, "docx"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await norsjo.GetAsync(File(ready, "docx"))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The LSG has no extracts; kansli, board and admin read every §.
        (await (await app.BearerClientAsync(Login.Lsg)).GetAsync(File(ready, "docx"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        foreach (var reader in new[] { Login.Secretariat, Login.Board, Login.Admin })
        {
            var client = await app.BearerClientAsync(reader);
            foreach (var p in new[] { ready, knut, justerare })
                (await client.GetAsync(File(p, "docx"))).StatusCode.Should().Be(HttpStatusCode.OK, $"{reader} § {p}");
        }

        // The link the decision mail sends is the page the applicant can open.
        app.Mails.Single(m => m.Key == $"decision-notice:{app.Apps["READY"]}:{ready}").Body.Should().Contain(Page(ready));
    }
}
