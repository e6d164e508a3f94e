using Grants.Association;
using Grants.Demo;
using Grants.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Infrastructure;

/// <summary>Runs once at start: migrations, roles, the förbund profile, and (only when asked) demo data.</summary>
public static class Startup
{
    public static async Task InitializeAsync(IServiceProvider services, bool demo)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GrantsDbContext>();
        var dbOptions = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (dbOptions.Provider == DatabaseEngine.Sqlite) EnsureSqliteFolder(dbOptions.ConnectionString, sp.GetRequiredService<IHostEnvironment>());
        await db.Database.MigrateAsync();
        await DatabaseEngine.AfterMigrateAsync(db);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        if (!await db.AssociationProfiles.AnyAsync())
        {
            var profile = AssociationProfile.FromOptions(sp.GetRequiredService<IOptions<AssociationOptions>>().Value);
            profile.UpdatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            db.AssociationProfiles.Add(profile);
            await db.SaveChangesAsync();
        }

        if (demo) await sp.GetRequiredService<DemoData>().LoadAsync();
    }

    private static void EnsureSqliteFolder(string connectionString, IHostEnvironment env)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:") return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource, env.ContentRootPath));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
