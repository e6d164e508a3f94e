using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Grants.Infrastructure.PostgreSql;

/// <summary>The same model on PostgreSQL. A type of its own only so EF finds PostgreSQL's migrations (Migrations/PostgreSql)
/// apart from SQLite's; features keep injecting <see cref="GrantsDbContext"/>.</summary>
public sealed class PostgreSqlGrantsDbContext(DbContextOptions options) : GrantsDbContext(options);

/// <summary>For `dotnet ef migrations add` (.ci/regen-migrations.sh): no server is contacted.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlGrantsDbContext>
{
    public PostgreSqlGrantsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlGrantsDbContext>().UseNpgsql("Host=localhost;Database=grants_design").Options);
}

/// <summary>For `dotnet ef migrations add` on SQLite.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<GrantsDbContext>
{
    public GrantsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GrantsDbContext>().UseSqlite("Data Source=grants_design.db").Options);
}
