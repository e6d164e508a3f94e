using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Tests.FollowUp;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Applications;

/// <summary>
/// Issue 11's attacks on the record, replayed: withdrawal asks for a reason, a decided application is not replaced,
/// a draft is its organisation's own, and dates outside 2000–2100 are field errors that never reach a page or a rule.
/// </summary>
public sealed class RecordGuardTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private async Task<(HttpClient Client, Guid Id)> SubmittedAsync(string project = "Skyddat")
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var draft = await applicant.CreateDraftAsync(Forms.Complete().Set("project.name", project));
        var id = Api.IdOf(draft);
        await (await applicant.SubmitAsync(id)).ExpectJsonAsync(HttpStatusCode.OK);
        return (applicant, id);
    }

    [Fact]
    public async Task Withdrawal_requires_a_reason_goes_through_its_own_door_and_is_audited()
    {
        var (applicant, id) = await SubmittedAsync("Återkallas");

        var generic = await applicant.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger = "aterkalla" });
        await generic.ExpectProblemAsync(HttpStatusCode.Conflict);
        var noReason = await applicant.PostAsJsonAsync($"/api/applications/{id}/withdrawal", new { reason = "  " });
        (await noReason.ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey("reason").WhoseValue.Should().ContainMatch("*varför*");
        (await applicant.GetApplicationAsync(id))["state"]!.GetValue<string>().Should().Be("inkommen");

        var other = await app.BearerClientAsync(Login.OtherApplicant);
        (await other.PostAsJsonAsync($"/api/applications/{id}/withdrawal", new { reason = "Vi vill inte" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var board = await app.BearerClientAsync(Login.Board);
        (await board.PostAsJsonAsync($"/api/applications/{id}/withdrawal", new { reason = "Vi vill inte" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var done = await applicant.PostAsJsonAsync($"/api/applications/{id}/withdrawal", new { reason = "Projektet finansieras på annat sätt." });
        (await done.ExpectJsonAsync(HttpStatusCode.OK))["state"]!.GetValue<string>().Should().Be("aterkallad");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "application.withdrawn");
        (audit.Details, audit.Role).Should().Be(("Projektet finansieras på annat sätt.", "Sökande"));
        (await db.WorkflowTransitions.SingleAsync(t => t.SubjectId == id.ToString() && t.Trigger == "aterkalla")).Comment.Should().Be("Projektet finansieras på annat sätt.");

        // Once withdrawn, nothing more: a second withdrawal is a conflict.
        await (await applicant.PostAsJsonAsync($"/api/applications/{id}/withdrawal", new { reason = "Igen" })).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task After_the_board_granted_it_the_applicant_cannot_replace_the_application()
    {
        var (applicant, id) = await SubmittedAsync("Beviljat");
        await FollowUpArrange.PublishAsync(app, id, DecisionKind.Granted, new DateOnly(2026, 8, 1), new DateOnly(2027, 6, 30),
            [new GrantedAmount(2026, 220_000), new GrantedAmount(2027, 200_000)]);
        var before = await applicant.GetApplicationAsync(id);

        var bigger = Forms.Complete().Set("project.name", "Beviljat").Set("budget[0].personnel", 9_000_000);
        var response = await applicant.PostJsonAsync($"/api/applications/{id}/versions", new JsonObject { ["form"] = bigger });
        await response.ExpectProblemAsync(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("nytt beslut");

        var after = await applicant.GetApplicationAsync(id);
        after["amountApplied"]!.GetValue<long>().Should().Be(before["amountApplied"]!.GetValue<long>());
        after["versions"]!.AsArray().Should().HaveCount(before["versions"]!.AsArray().Count);
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        await (await kansli.PostJsonAsync($"/api/applications/{id}/versions", new JsonObject { ["form"] = bigger.DeepClone() })).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_supplement_is_a_new_version_through_the_supplement_door()
    {
        var (applicant, id) = await SubmittedAsync("Kompletteras");
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        (await kansli.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger = "begar-komplettering" })).StatusCode.Should().Be(HttpStatusCode.OK);
        // Not by the generic door...
        await (await applicant.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger = "komplettera" })).ExpectProblemAsync(HttpStatusCode.Conflict);
        // ...but with the new version itself.
        var form = Forms.Complete().Set("project.name", "Kompletteras").Set("budget[0].personnel", 190_000);
        await (await applicant.PostJsonAsync($"/api/applications/{id}/versions", new JsonObject { ["form"] = form, ["comment"] = "Komplettering" }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        (await applicant.GetApplicationAsync(id))["state"]!.GetValue<string>().Should().Be("inkommen");
    }

    [Theory]
    [InlineData(Login.Lsg)]
    [InlineData(Login.Board)]
    [InlineData(Login.Admin)]
    [InlineData(Login.Secretariat)]
    [InlineData(Login.OtherApplicant)]
    public async Task Another_organisations_draft_and_its_bilagor_are_not_found_for(string who)
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var id = Api.IdOf(await applicant.CreateDraftAsync(Forms.Minimal("Hemligt utkast")));
        using var file = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 test"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", "plan.pdf" } };
        var attachment = Api.IdOf(await (await applicant.PostAsync($"/api/applications/{id}/attachments", file)).ExpectJsonAsync(HttpStatusCode.Created));

        var client = await app.BearerClientAsync(who);
        (await client.GetAsync($"/api/applications/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/applications/{id}/attachments/{attachment}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/applications/{id}/timeline")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var list = await client.ListAllApplicationsAsync();
        list.Select(a => Api.IdOf(a!.AsObject())).Should().NotContain(id);
        var page = await app.CookieClientAsync(who);
        (await page.GetAsync($"/Applications/Details/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Its own organisation sees it.
        (await applicant.GetAsync($"/api/applications/{id}/attachments/{attachment}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_kansli_sees_the_paper_draft_it_started_and_nobody_else_on_staff_does()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var id = Api.IdOf(await kansli.CreateDraftAsync(Forms.Complete().Set("project.name", "Pappersansökan")));
        (await kansli.GetAsync($"/api/applications/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await app.BearerClientAsync(Login.Lsg)).GetAsync($"/api/applications/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.BearerClientAsync(Login.Board)).GetAsync($"/api/applications/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> OutOfRange => new()
    {
        { "project.startDate", "0001-01-01" },
        { "project.endDate", "9999-12-31" },
        { "signature.date", "0001-01-01" },
        { "signature.date", "9999-12-31" },
    };

    [Theory, MemberData(nameof(OutOfRange))]
    public async Task A_date_outside_2000_to_2100_is_a_field_error_in_create_save_and_a_new_version(string field, string date)
    {
        var (applicant, id) = await SubmittedAsync($"Datum {field} {date}");
        var bad = Forms.Complete().Set(field, date);

        var created = await applicant.PostJsonAsync("/api/applications", bad);
        (await created.ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey(field).WhoseValue.Should().ContainMatch("*mellan år 2000 och 2100*");
        var draft = await applicant.CreateDraftAsync(Forms.Minimal("Sparas"));
        (await (await applicant.PutJsonAsync($"/api/applications/{Api.IdOf(draft)}", bad)).ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey(field);
        var revised = await applicant.PostJsonAsync($"/api/applications/{id}/versions", new JsonObject { ["form"] = bad });
        (await revised.ExpectProblemAsync(HttpStatusCode.BadRequest)).Should().ContainKey(field);

        // Nothing was written, so the kansli's page and the eligibility re-run still answer.
        var kansli = await app.CookieClientAsync(Login.Secretariat);
        (await kansli.GetAsync($"/Applications/Details/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var staffApi = await app.BearerClientAsync(Login.Secretariat);
        (await staffApi.PostAsync($"/api/applications/{id}/eligibility", null)).IsSuccessStatusCode.Should().BeTrue();
    }

    [Fact]
    public async Task A_project_period_longer_than_ten_years_is_a_field_error()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var form = Forms.Complete().Set("project.startDate", "2026-08-01").Set("project.endDate", "2099-12-31");
        var response = await applicant.PostJsonAsync("/api/applications", form);
        (await response.ExpectProblemAsync(HttpStatusCode.BadRequest))["project.endDate"].Should().ContainMatch("*högst 10 år*");
    }
}
