using Grants.Applications;
using Grants.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grants.Tests.Applications;

public sealed class RegistrationNumbersTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"grants-regnr-{Guid.NewGuid():N}.db");
    private DbContextOptions<GrantsDbContext> Options => new DbContextOptionsBuilder<GrantsDbContext>().UseSqlite($"Data Source={_file}").Options;

    public async Task InitializeAsync()
    {
        await using var db = new GrantsDbContext(Options);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("SKN", 2026, 1, "SKN 2026/1")]
    [InlineData("SKN", 2015, 42, "SKN 2015/42")]
    [InlineData("FSN", 2027, 1000, "FSN 2027/1000")]
    public void Format_is_prefix_space_year_slash_sequence(string prefix, int year, int sequence, string expected) =>
        RegistrationNumbers.Format(prefix, year, sequence).Should().Be(expected);

    /// <summary>A received-to-be application (the row a submission has saved before it takes its number), at version 1.</summary>
    private static async Task<Application> SavedSubmissionAsync(GrantsDbContext db)
    {
        var organisation = new Organisation { Name = "Förening", OrganisationNumber = $"{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}" };
        var app = new Application { OrganisationId = organisation.Id, ReceivedAt = DateTimeOffset.UtcNow, ArrivalDate = new DateOnly(2026, 3, 2), Version = 1 };
        db.AddRange(organisation, app);
        await db.SaveChangesAsync();
        return app;
    }

    private static async Task<(string Number, int Sequence)?> StampAsync(GrantsDbContext db, Application app, int year, int version = 1)
    {
        var audit = Grants.Shared.AuditEntry.Of(new Grants.Shared.Actor("u", "Test", "Kansli"), DateTimeOffset.UtcNow, nameof(Application), app.Id.ToString(), "application.submitted");
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync();
        return await RegistrationNumbers.StampAsync(db, app, "SKN", year, ApplicationStates.Received, version, audit.Id, CancellationToken.None);
    }

    [Fact]
    public async Task Numbers_start_at_1_each_year_and_continue_without_gaps()
    {
        var taken = new List<(int Year, int N)>();
        foreach (var year in new[] { 2026, 2026, 2027, 2026, 2027 })
        {
            await using var db = new GrantsDbContext(Options);
            await using var tx = await db.Database.BeginTransactionAsync();
            var app = await SavedSubmissionAsync(db);
            var stamped = await StampAsync(db, app, year);
            taken.Add((year, stamped!.Value.Sequence));
            await tx.CommitAsync();
        }
        taken.Should().Equal((2026, 1), (2026, 2), (2027, 1), (2026, 3), (2027, 2));
    }

    [Fact]
    public async Task The_stamp_writes_number_state_and_audit_entry_on_the_row_it_was_given()
    {
        Guid id;
        await using (var db = new GrantsDbContext(Options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var app = await SavedSubmissionAsync(db);
            id = app.Id;
            (await StampAsync(db, app, 2026)).Should().Be(("SKN 2026/1", 1));
            await tx.CommitAsync();
        }
        await using (var db = new GrantsDbContext(Options))
        {
            var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id);
            (stored.State, stored.RegistrationNumber, stored.RegistrationYear, stored.RegistrationSequence).Should().Be((ApplicationStates.Received, "SKN 2026/1", 2026, 1));
            (await db.AuditEntries.SingleAsync(e => e.EntityId == id.ToString())).Details.Should().Be("SKN 2026/1");
        }
    }

    [Fact]
    public async Task A_row_that_moved_on_gets_no_number_and_the_refused_number_is_given_again_after_rollback()
    {
        await using (var db = new GrantsDbContext(Options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var app = await SavedSubmissionAsync(db);
            (await StampAsync(db, app, 2026, version: 0)).Should().BeNull("the row is at version 1");
            await tx.RollbackAsync();
        }
        await using (var db = new GrantsDbContext(Options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var app = await SavedSubmissionAsync(db);
            (await StampAsync(db, app, 2026)).Should().Be(("SKN 2026/1", 1));
        }
    }

    [Fact]
    public async Task Taking_a_number_outside_a_transaction_is_refused()
    {
        await using var db = new GrantsDbContext(Options);
        var app = await SavedSubmissionAsync(db);
        var act = () => RegistrationNumbers.StampAsync(db, app, "SKN", 2026, ApplicationStates.Received, 1, 0, CancellationToken.None);
        await act.Should().ThrowAsync<InvalidOperationException>();
    }
}
