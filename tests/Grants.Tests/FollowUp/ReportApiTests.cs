using System.Net;
using System.Text.Json.Nodes;
using Grants.FollowUp;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.FollowUp.FollowUpArrange;

namespace Grants.Tests.FollowUp;

/// <summary>Reports through the JSON API: validation, scoping, versions, review, plan changes, the overview and reported spending.</summary>
public sealed class ReportApiTests
{
    private static async Task<(GrantsApp App, Guid Id, List<Report> Reports)> GrantedAsync()
    {
        var app = new GrantsApp();
        var id = await DemoApplicationAsync(app, "READY");
        await PublishAsync(app, id, DecisionKind.PartlyGranted, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [new GrantedAmount(2026, 400_000)]);
        return (app, id, await ReportsAsync(app, id));
    }

    [Fact]
    public async Task A_bad_report_answers_400_naming_each_field_in_Swedish_and_writes_nothing()
    {
        var (app, _, reports) = await GrantedAsync();
        await using var _app = app;
        var client = await app.BearerClientAsync(Login.Applicant);
        var errors = await (await client.PostJsonAsync($"/api/follow-up/reports/{reports[0].Id}/submit", new JsonObject())).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Keys.Should().Contain(["organisation", "personnel", "individual", "participants.women", "participants.ended", "outcomes.work", "outcomes.dormant"]);
        errors["organisation"].Single().Should().Be("Fyll i avsnittet Organisation.");

        var tooMany = ReportForms.Status();
        tooMany["outcomes"]!["work"] = 9;
        tooMany["economy"]![0]!["year"] = 2031;
        var e2 = await (await client.PostJsonAsync($"/api/follow-up/reports/{reports[0].Id}/submit", tooMany)).ExpectProblemAsync(HttpStatusCode.BadRequest);
        e2["outcomes.work"].Single().Should().Contain("fler än antalet avslutade");
        e2["economy[0].year"].Single().Should().Be("År 2031 finns inte i projektets budget.");

        var wrongType = ReportForms.Status();
        wrongType["participants"]!["women"] = "många";
        (await (await client.PostJsonAsync($"/api/follow-up/reports/{reports[0].Id}/submit", wrongType)).ExpectProblemAsync(HttpStatusCode.BadRequest))
            .Should().ContainKey("participants.women");

        // The final report opens when the period it covers has started (2026-07-01); the bearer token follows the clock.
        app.Time.SetUtcNow(At(new DateOnly(2026, 7, 1)));
        client = await app.BearerClientAsync(Login.Applicant);
        var final = await (await client.PostJsonAsync($"/api/follow-up/reports/{reports[1].Id}/submit", ReportForms.Status())).ExpectProblemAsync(HttpStatusCode.BadRequest);
        final.Keys.Should().Contain("goals[0].result");

        var after = await ReportsAsync(app, reports[0].ApplicationId);
        after.Should().OnlyContain(r => r.Versions.Count == 0 && r.State == ReportStates.Planned);
    }

    [Fact]
    public async Task Another_organisations_applicant_gets_404_and_a_stale_version_409()
    {
        var (app, id, reports) = await GrantedAsync();
        await using var _app = app;
        var other = await app.BearerClientAsync(Login.OtherApplicant);
        (await other.GetAsync($"/api/follow-up/projects/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostJsonAsync($"/api/follow-up/reports/{reports[0].Id}/submit", ReportForms.Status())).StatusCode.Should().Be(HttpStatusCode.NotFound);
        JsonNode.Parse(await (await other.GetAsync("/api/follow-up/reports")).Content.ReadAsStringAsync())!.AsArray().Should().BeEmpty();

        var own = await app.BearerClientAsync(Login.Applicant);
        var project = await (await own.GetAsync($"/api/follow-up/projects/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        project["reports"]!.AsArray().Should().HaveCount(2);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/follow-up/reports/{reports[0].Id}/submit") { Content = Api.Json(ReportForms.Status().ToJsonString()) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"999\""));
        (await own.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Komplettering_sends_it_back_with_a_new_due_date_and_the_resubmission_is_a_new_version_beside_the_first()
    {
        var (app, id, reports) = await GrantedAsync();
        await using var _app = app;
        var status = reports[0];
        app.Time.SetUtcNow(At(new DateOnly(2026, 6, 29))); // before signing in: the bearer tokens follow the clock
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        (await applicant.PostJsonAsync($"/api/follow-up/reports/{status.Id}/submit", ReportForms.Status())).StatusCode.Should().Be(HttpStatusCode.OK);
        (await applicant.PostJsonAsync($"/api/follow-up/reports/{status.Id}/submit", ReportForms.Status())).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await (await kansli.PostJsonAsync($"/api/follow-up/reports/{status.Id}/review", new JsonObject { ["decision"] = "RequestCompletion" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("comment");
        (await applicant.PostJsonAsync($"/api/follow-up/reports/{status.Id}/review", new JsonObject { ["decision"] = "Approve" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var back = await (await kansli.PostJsonAsync($"/api/follow-up/reports/{status.Id}/review",
            new JsonObject { ["decision"] = "RequestCompletion", ["comment"] = "Redovisa könsfördelningen för de avslutade." })).ExpectJsonAsync(HttpStatusCode.OK);
        back["state"]!.GetValue<string>().Should().Be(ReportStates.CompletionRequested);
        back["dueDate"]!.GetValue<string>().Should().Be("2026-07-13", "at least FollowUp:CompletionDays (14) after the request");

        var second = ReportForms.Status();
        second["individual"] = "28 inskrivna; av de 7 avslutade är 4 kvinnor och 3 män.";
        (await applicant.PostJsonAsync($"/api/follow-up/reports/{status.Id}/submit", second)).StatusCode.Should().Be(HttpStatusCode.OK);
        var v1 = await (await applicant.GetAsync($"/api/follow-up/reports/{status.Id}/versions/1")).ExpectJsonAsync(HttpStatusCode.OK);
        var v2 = await (await applicant.GetAsync($"/api/follow-up/reports/{status.Id}/versions/2")).ExpectJsonAsync(HttpStatusCode.OK);
        v1["form"]!["individual"]!.GetValue<string>().Should().Be("28 inskrivna under våren; 7 avslutade, 4 vilande.");
        v2["form"]!["individual"]!.GetValue<string>().Should().StartWith("28 inskrivna; av de 7");
        v1["contentHash"]!.GetValue<string>().Should().NotBe(v2["contentHash"]!.GetValue<string>());

        (await kansli.PostJsonAsync($"/api/follow-up/reports/{status.Id}/review", new JsonObject { ["decision"] = "Approve" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await kansli.PostJsonAsync($"/api/follow-up/reports/{status.Id}/review", new JsonObject { ["decision"] = "Approve" })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.OutboxMails.Where(m => m.Key.StartsWith($"report-completion:{status.Id}")).ToListAsync())
            .Should().ContainSingle().Which.Body.Should().Contain("Redovisa könsfördelningen");
        (await db.WorkflowTransitions.Where(t => t.SubjectId == status.Id.ToString()).Select(t => t.Role).ToListAsync())
            .Should().Equal("Kansli", "Sökande", "Kansli", "Sökande", "Kansli");
        var spending = await scope.ServiceProvider.GetRequiredService<ReportedSpending>().ForAsync([id], default);
        spending.Should().ContainSingle().Which.Should().Be(new ProjectYearSpending(id, 2026, 400_000, 195_000));
    }

    [Fact]
    public async Task The_kansli_changes_the_plan_and_a_shortened_project_is_recomputed_keeping_what_is_handed_in()
    {
        var app = new GrantsApp();
        await using var _app = app;
        var id = await DemoApplicationAsync(app, "READY");
        await PublishAsync(app, id, DecisionKind.Granted, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), [new GrantedAmount(2026, 200_000), new GrantedAmount(2027, 230_000)]);
        var before = await ReportsAsync(app, id);
        before.Select(r => r.DueDate.ToString("yyyy-MM-dd")).Should().Equal("2026-06-30", "2026-12-31", "2027-06-30", "2028-02-29");

        var applicant = await app.BearerClientAsync(Login.Applicant);
        (await applicant.PostJsonAsync($"/api/follow-up/reports/{before[0].Id}/submit", ReportForms.Status())).StatusCode.Should().Be(HttpStatusCode.OK);
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        (await (await kansli.PutJsonAsync($"/api/follow-up/projects/{id}/period", new JsonObject { ["projectStart"] = "2026-01-01", ["projectEnd"] = "2026-05-31" }))
            .ExpectJsonAsync(HttpStatusCode.OK))["projectEnd"]!.GetValue<string>().Should().Be("2026-05-31");
        (await (await kansli.PutJsonAsync($"/api/follow-up/projects/{id}/period", new JsonObject { ["projectStart"] = "2026-06-01", ["projectEnd"] = "2026-05-31" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("projectEnd");

        var after = await ReportsAsync(app, id);
        after.Where(r => r.SkippedAt == null).Select(r => (r.Kind, r.DueDate.ToString("yyyy-MM-dd"), r.Versions.Count)).Should().Equal(
            (ReportKind.StatusReport, "2026-06-30", 1), (ReportKind.FinalReport, "2026-07-30", 0));
        after.Count(r => r.SkippedAt != null).Should().Be(2);

        var extra = await (await kansli.PostJsonAsync($"/api/follow-up/projects/{id}/reports", new JsonObject { ["kind"] = "StatusReport", ["dueDate"] = "2026-04-15" }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var extraId = extra["id"]!.GetValue<Guid>();
        (await kansli.PutJsonAsync($"/api/follow-up/reports/{extraId}/due-date", new JsonObject { ["dueDate"] = "2026-04-20" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await kansli.PostJsonAsync($"/api/follow-up/reports/{extraId}/skip", new JsonObject())).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await kansli.PostJsonAsync($"/api/follow-up/reports/{extraId}/skip", new JsonObject { ["reason"] = "Redovisas muntligt vid LSG" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await kansli.PutJsonAsync($"/api/follow-up/reports/{before[0].Id}/due-date", new JsonObject { ["dueDate"] = "2026-09-30" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await (await kansli.PutJsonAsync($"/api/follow-up/projects/{id}/responsible", new JsonObject { ["name"] = "Ny Ansvarig", ["email"] = "inte-en-adress" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("email");
        (await kansli.PutJsonAsync($"/api/follow-up/projects/{id}/responsible", new JsonObject { ["name"] = "Ny Ansvarig", ["email"] = "ny.ansvarig@exempel.se" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await applicant.PutJsonAsync($"/api/follow-up/projects/{id}/responsible", new JsonObject { ["name"] = "X", ["email"] = "x@exempel.se" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var csv = System.Text.Encoding.UTF8.GetString(await (await kansli.GetAsync("/api/follow-up/overview.csv")).Content.ReadAsByteArrayAsync());
        csv.Should().Contain("READY").And.Contain("430000").And.Contain("195000").And.Contain("Ny Ansvarig");
        var xlsx = await kansli.GetAsync("/api/follow-up/overview.xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be(Grants.Shared.Spreadsheet.XlsxContentType);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        doc.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText.Should().Contain("READY");
    }
}
