using System.Net;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Tests.Infrastructure;
using Grants.Tests.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Hosting;

/// <summary>
/// Two application instances on one PostgreSQL database, as a scaled-out installation runs: the races between them are
/// settled by the database (advisory-lock write gate, unique keys, conditional claims), not by a lock in one process.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private SharedDatabaseApp? _first;
    private SharedDatabaseApp? _second;

    private SharedDatabaseApp First => _first ?? throw new InvalidOperationException("not started");
    private SharedDatabaseApp Second => _second ?? throw new InvalidOperationException("not started");

    public Task InitializeAsync()
    {
        _database = TestDatabase.CreatePostgres();
        _first = new SharedDatabaseApp(_database);
        _second = new SharedDatabaseApp(_database);
        // One after the other: the first migrates nothing (the template is migrated) but loads the demo data.
        _ = First.Services;
        _ = Second.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await ((IAsyncLifetime)_second).DisposeAsync();
        if (_first is not null) await ((IAsyncLifetime)_first).DisposeAsync();
        _database?.Drop();
    }

    [PostgreSqlFact]
    public async Task Concurrent_submits_on_two_instances_get_distinct_gapless_diarienummer()
    {
        var clients = new[] { await First.BearerClientAsync(Login.Applicant), await Second.BearerClientAsync(Login.Secretariat) };
        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++)
            ids.Add(Api.IdOf(await clients[i % 2].CreateDraftAsync(Forms.Complete().Set("project.name", $"Projekt {i}"))));

        var responses = await Task.WhenAll(ids.Select((id, i) => clients[i % 2].SubmitAsync(id)));
        var numbers = new List<string>();
        foreach (var r in responses) numbers.Add((await r.ExpectJsonAsync(HttpStatusCode.OK))["registrationNumber"]!.GetValue<string>());

        numbers.Should().OnlyHaveUniqueItems();
        numbers.Select(n => int.Parse(n["SKN 2026/".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order()
            .Should().Equal(Enumerable.Range(1, 40));
    }

    [PostgreSqlFact]
    public async Task Two_meetings_numbered_at_once_on_two_instances_get_consecutive_paragraphs_without_overlap()
    {
        var kansli = new[] { await First.BearerClientAsync(Login.Secretariat), await Second.BearerClientAsync(Login.Secretariat) };
        // Same date: meetings are numbered in date order, so on one day either may go first.
        var date = await BoardArrange.AfterNumberedAsync(kansli[0], 30);
        var meetings = new List<Guid>();
        foreach (var client in kansli) meetings.Add(await BoardArrange.DecidedMeetingAsync(client, date, extraItems: 3));

        var numbered = await Task.WhenAll(meetings.Select((id, i) => kansli[i].PostAsync($"/api/meetings/{id}/number", null)));
        var paragraphs = new List<List<int>>();
        foreach (var r in numbered)
            paragraphs.Add((await r.ExpectJsonAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!["paragraphNumber"]!.GetValue<int>()).ToList());

        foreach (var own in paragraphs) own.Should().Equal(Enumerable.Range(own[0], own.Count), "each meeting's paragraphs follow each other");
        var all = paragraphs.SelectMany(p => p).ToList();
        all.Should().OnlyHaveUniqueItems();
        all.Order().Should().Equal(Enumerable.Range(all.Min(), all.Count), "the series continues without gap or overlap");
    }

    [PostgreSqlFact]
    public async Task A_mail_swept_by_both_instances_is_delivered_once()
    {
        long id;
        await using (var scope = First.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            (await outbox.EnqueueAsync("test:multi:1", ["ansvarig@exempel.se"], "Påminnelse", "Hej!")).Should().BeTrue();
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            await db.SaveChangesAsync();
            id = (await db.OutboxMails.SingleAsync(m => m.Key == "test:multi:1")).Id;
        }

        // Both instances try to deliver the same row at the same moment, as two sweeps would.
        async Task Deliver(SharedDatabaseApp app)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(id, CancellationToken.None);
        }
        await Task.WhenAll(Deliver(First), Deliver(Second), Deliver(First), Deliver(Second));

        var written = new[] { First.MailFolder, Second.MailFolder }
            .Where(Directory.Exists)
            .SelectMany(f => Directory.GetFiles(f, "*.eml", SearchOption.AllDirectories))
            .Count(f => File.ReadAllText(f).Contains("ansvarig@exempel.se", StringComparison.Ordinal));
        written.Should().Be(1);
        await using (var scope = Second.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.SingleAsync(m => m.Id == id)).SentAt.Should().NotBeNull();
    }

    /// <summary>A host on a database another host also uses.</summary>
    private sealed class SharedDatabaseApp(TestDatabase database) : GrantsApp(database);
}
