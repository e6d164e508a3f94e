using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Meetings;
using Grants.Tests.Infrastructure;
using static Grants.Tests.Meetings.BoardArrange;

namespace Grants.Tests.Meetings;

/// <summary>The kallelse through a real SMTP server (aiosmtpd): one mail per recipient, a greeting, förhinder, sent at once.</summary>
public sealed class NoticeMailTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    private GrantsApp App()
    {
        var app = new GrantsApp();
        foreach (var (key, value) in smtp.Settings()) app.With(key, value);
        // The fixture never runs the recurring sweep: whatever arrives below was delivered by the request itself.
        return app;
    }

    [Fact]
    public async Task The_kallelse_reaches_every_ledamot_and_ersattare_in_a_mail_of_their_own_at_once()
    {
        await using var app = App();
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var members = (await kansli.GetFromJsonAsync<JsonArray>("/api/board/members"))!.Select(m => m!.AsObject())
            .Where(m => m["role"]!.GetValue<string>() is "Ledamot" or "Ersattare").ToList();
        var id = Api.IdOf(await CreateMeetingAsync(kansli, "2026-03-12"));
        var before = smtp.Messages().Count;

        (await kansli.PostAsync($"/api/meetings/{id}/notice", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var mails = smtp.Messages().Skip(before).Where(m => m.Subject == "Kallelse till styrelsens sammanträde 2026-03-12").ToList();
        mails.Should().HaveCount(members.Count, "one mail per serving ledamot and ersättare");
        mails.Should().OnlyContain(m => m.To.Count == 1 && m.Cc.Count == 0);
        foreach (var member in members)
        {
            var name = member["name"]!.GetValue<string>();
            var mail = mails.Single(m => m.To.Mailboxes.Single().Address == member["email"]!.GetValue<string>());
            mail.TextBody.Should().StartWith($"Hej {name.Split(' ')[0]},").And.Contain("förhinder").And.Contain("FÖREDRAGNINGSLISTA");
            mail.Attachments.Should().Contain(a => a.ContentType.MimeType == "text/calendar");
        }
        var amir = mails.Single(m => m.To.Mailboxes.Single().Address == "amir.aziz@demo.grants.se").TextBody;
        amir.Should().Contain("Du kallas som ersättare för Arvid Ahlström");
        var arvid = mails.Single(m => m.To.Mailboxes.Single().Address == members.Single(x => x["name"]!.GetValue<string>() == "Arvid Ahlström")["email"]!.GetValue<string>()).TextBody;
        arvid.Should().Contain("Kalla då själv din ersättare Amir Aziz");

        var meeting = await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}");
        meeting!["noticeStatus"]!.GetValue<string>().Should().StartWith("Skickad 1 gång, senast ");
    }

    [Fact]
    public async Task Val_av_justerare_names_the_recorded_justerare()
    {
        await using var app = App();
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var board = await BoardAsync(kansli);
        var id = Api.IdOf(await CreateMeetingAsync(kansli, "2026-04-20"));
        var attendance = await kansli.PutAsJsonAsync($"/api/meetings/{id}/attendance", new
        {
            deciding = board.Deciding.Select(d => new { boardMemberId = d.Id, replacesId = d.Replaces }),
            others = Array.Empty<string>(),
            chairId = board.Chair, secretaryId = board.Secretary, adjusterIds = new[] { board.Adjuster },
        });
        attendance.StatusCode.Should().Be(HttpStatusCode.OK, await attendance.Content.ReadAsStringAsync());

        var meeting = await kansli.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}");
        var item = meeting!["items"]!.AsArray().Single(i => i!["title"]!.GetValue<string>() == "Val av justerare")!;
        item["proposal"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal("att utse Nora Nordin till justerare.");
    }

    [Theory]
    [InlineData("Vi erbjuder bl.a. stöd till unga vuxna. Mer text.", "Vi erbjuder bl.a. stöd till unga vuxna")]
    [InlineData("Insatser t.ex. praktik och studier. Se även planen.", "Insatser t.ex. praktik och studier")]
    [InlineData("Att stärka unga. Andra meningen.", "Att stärka unga")]
    public void A_title_takes_the_first_sentence_and_never_stops_at_an_abbreviation(string purpose, string expected) =>
        AgendaPrefill.FirstSentence(purpose).Should().Be(expected);

    [Fact]
    public void The_kallelse_status_is_proper_swedish_in_stockholm_time()
    {
        NoticeText.SentLabel(0, null).Should().Be("Inte skickad");
        var at = new DateTimeOffset(2026, 3, 2, 14, 5, 0, TimeSpan.FromHours(1));
        NoticeText.SentLabel(1, at).Should().Be("Skickad 1 gång, senast 2 mars 2026 kl. 14.05");
        NoticeText.SentLabel(3, at).Should().Be("Skickad 3 gånger, senast 2 mars 2026 kl. 14.05");
    }
}
