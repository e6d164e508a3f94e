using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Workflow;

/// <summary>The walk-arounds of issue 11, replayed through the public API: each refused with a problem answer, nothing written.</summary>
public sealed class DoorAttackTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task An_empty_draft_cannot_be_sent_in_through_the_generic_step()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var id = Api.IdOf(await applicant.CreateDraftAsync(new JsonObject()));

        var fired = await applicant.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger = "skicka-in" });
        await fired.ExpectProblemAsync(HttpStatusCode.Conflict);
        (await fired.Content.ReadAsStringAsync()).Should().Contain("Skicka in");

        // The kansli does not even see another organisation's draft.
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        await (await kansli.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger = "skicka-in" })).ExpectProblemAsync(HttpStatusCode.NotFound);

        var after = await applicant.GetApplicationAsync(id);
        after["state"]!.GetValue<string>().Should().Be("utkast");
        after["registrationNumber"].Should().BeNull();
        after["arrivalDate"].Should().BeNull();
        await NothingWrittenAsync(id, "workflow.transition");
    }

    [Theory]
    [InlineData(Login.Board, "bevilja")]
    [InlineData(Login.Board, "avsla")]
    [InlineData(Login.Board, "bordlagg")]
    [InlineData(Login.Secretariat, "bevilja")]
    [InlineData(Login.Secretariat, "avsla")]
    [InlineData(Login.Secretariat, "bordlagg")]
    [InlineData(Login.Secretariat, "bevilja-villkorat")]
    [InlineData(Login.Secretariat, "aterremittera")]
    public async Task Nobody_decides_an_agenda_item_without_minutes(string who, string trigger)
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var list = await kansli.ListAllApplicationsAsync();
        var onAgenda = list.Select(a => a!.AsObject()).First(a => a["state"]!.GetValue<string>() == "pa-foredragningslista");
        var id = Api.IdOf(onAgenda);
        var before = await TransitionCountAsync(id);

        var client = await app.BearerClientAsync(who);
        var fired = await client.PostAsJsonAsync($"/api/applications/{id}/transitions", new { trigger });
        await fired.ExpectProblemAsync(HttpStatusCode.Conflict);
        (await fired.Content.ReadAsStringAsync()).Should().Contain("justering av protokoll");

        (await kansli.GetApplicationAsync(id))["state"]!.GetValue<string>().Should().Be("pa-foredragningslista");
        (await TransitionCountAsync(id)).Should().Be(before);
        // The generic list does not even offer it.
        var offered = await client.GetFromJsonAsync<JsonArray>($"/api/applications/{id}/transitions");
        offered!.Select(p => p!["trigger"]!.GetValue<string>()).Should().NotContain(trigger);
    }

    private async Task<int> TransitionCountAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        return await db.WorkflowTransitions.CountAsync(t => t.SubjectId == id.ToString());
    }

    private async Task NothingWrittenAsync(Guid id, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.WorkflowTransitions.CountAsync(t => t.SubjectId == id.ToString() && t.Trigger != null)).Should().Be(0);
        (await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == action && a.Details != "start → utkast")).Should().Be(0);
    }
}
