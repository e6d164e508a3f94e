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

    [Fact]
    public async Task Numbers_start_at_1_each_year_and_continue_without_gaps()
    {
        var taken = new List<(int Year, int N)>();
        foreach (var year in new[] { 2026, 2026, 2027, 2026, 2027 })
        {
            await using var db = new GrantsDbContext(Options);
            await using var tx = await db.Database.BeginTransactionAsync();
            taken.Add((year, await RegistrationNumbers.NextAsync(db, year, CancellationToken.None)));
            await tx.CommitAsync();
        }
        taken.Should().Equal((2026, 1), (2026, 2), (2027, 1), (2026, 3), (2027, 2));
    }

    [Fact]
    public async Task A_rolled_back_number_is_given_again()
    {
        await using (var db = new GrantsDbContext(Options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await RegistrationNumbers.NextAsync(db, 2026, CancellationToken.None)).Should().Be(1);
            await tx.RollbackAsync();
        }
        await using (var db = new GrantsDbContext(Options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await RegistrationNumbers.NextAsync(db, 2026, CancellationToken.None)).Should().Be(1);
        }
    }

    [Fact]
    public async Task Taking_a_number_outside_a_transaction_is_refused()
    {
        await using var db = new GrantsDbContext(Options);
        var act = () => RegistrationNumbers.NextAsync(db, 2026, CancellationToken.None);
        await act.Should().ThrowAsync<InvalidOperationException>();
    }
}
