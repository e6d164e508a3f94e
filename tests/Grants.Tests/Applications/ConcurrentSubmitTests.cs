using System.Net;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Applications;

public sealed class ConcurrentSubmitTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Fact]
    public async Task Fifty_concurrent_submits_get_fifty_distinct_gapless_numbers()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            // Half from the applicant, half registered by the kansli: two kinds of writers at once.
            var client = i % 2 == 0 ? applicant : kansli;
            ids.Add(Api.IdOf(await client.CreateDraftAsync(Forms.Complete().Set("project.name", $"Projekt {i}"))));
        }

        var responses = await Task.WhenAll(ids.Select((id, i) => (i % 2 == 0 ? applicant : kansli).SubmitAsync(id)));
        var numbers = new List<string>();
        foreach (var r in responses)
            numbers.Add((await r.ExpectJsonAsync(HttpStatusCode.OK))["registrationNumber"]!.GetValue<string>());

        numbers.Should().OnlyHaveUniqueItems();
        numbers.Select(n => int.Parse(n["SKN 2026/".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order()
            .Should().Equal(Enumerable.Range(1, 50));
    }

    [Fact]
    public async Task One_application_submitted_five_times_at_once_is_received_once_and_takes_one_number()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        var id = Api.IdOf(await applicant.CreateDraftAsync(Forms.Complete().Set("project.name", "Dubbelklick")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => applicant.SubmitAsync(id)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict);
        var received = await applicant.GetApplicationAsync(id);
        var number = received["registrationNumber"]!.GetValue<string>();
        // The refused ones took no number: the next submission gets the one after.
        var next = await applicant.SubmitAsync(Api.IdOf(await applicant.CreateDraftAsync(Forms.Complete())));
        var nextNumber = (await next.ExpectJsonAsync(HttpStatusCode.OK))["registrationNumber"]!.GetValue<string>();
        int Seq(string n) => int.Parse(n[(n.IndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Seq(nextNumber).Should().Be(Seq(number) + 1);
        (await applicant.GetApplicationAsync(id))["versions"]!.AsArray().Should().ContainSingle();
    }
}
