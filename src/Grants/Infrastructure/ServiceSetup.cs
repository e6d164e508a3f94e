using Grants.Identity;
using Grants.Organisations;
using Grants.Applications;
using Grants.Association;
using Grants.Economy;
using Grants.FollowUp;
using Grants.Eligibility;
using Grants.Infrastructure.PostgreSql;
using Grants.Lsg;
using Grants.Meetings;
using Grants.Workflow;
using Grants.Mail;
using Grants.Minutes;
using Grants.Shared;
using Hangfire;
using Hangfire.States;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Grants.Infrastructure;

public static class ServiceSetup
{
    public static IServiceCollection AddGrantsData(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var db = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Pooled: a submit costs a few milliseconds, and context construction was a visible share of it.
        if (db.Provider == DatabaseEngine.PostgreSql)
        {
            services.AddDbContextPool<GrantsDbContext, PostgreSqlGrantsDbContext>(o => o.UseEngine(db, env.ContentRootPath));
            services.AddSingleton(_ => NpgsqlDataSource.Create(db.ConnectionString));
            services.AddSingleton<WriteGate, PostgreSqlWriteGate>();
        }
        else
        {
            services.AddDbContextPool<GrantsDbContext>(o => o.UseEngine(db, env.ContentRootPath));
            services.AddSingleton<WriteGate, InProcessWriteGate>();
        }
        services.AddHealthChecks().AddDbContextCheck<GrantsDbContext>("database");
        // Keys live in the database: they outlive restarts, and every instance on one database shares them, so a cookie
        // or bearer token issued by one instance is accepted by the next.
        services.AddDataProtection()
            .SetApplicationName("Grants")
            .PersistKeysToDbContext<GrantsDbContext>()
            .ProtectKeysIfConfigured(config, env);
        return services;
    }

    /// <summary>Hangfire's storage: in memory (one instance; every due item is a database row the sweep finds again) or
    /// PostgreSQL (several instances share queues, the recurring sweep and its DisableConcurrentExecution lock).</summary>
    public static IServiceCollection AddGrantsJobs(this IServiceCollection services, IConfiguration config)
    {
        var hangfire = config.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        var db = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // One storage per host, owned by its container: UseInMemoryStorage() alone sets the process-wide
        // JobStorage.Current, so a second host in the same process (tests) shared it and broke when the first stopped.
        if (hangfire.Storage == HangfireOptions.PostgreSqlStorage)
        {
            var connection = string.IsNullOrWhiteSpace(hangfire.ConnectionString) ? db.ConnectionString : hangfire.ConnectionString;
            services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(connection, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }));
        }
        else services.AddSingleton<JobStorage>(_ => new Hangfire.InMemory.InMemoryStorage());
        services.AddSingleton<HangfireLogBridge.Attachment>();
        services.AddHangfire((sp, c) =>
        {
            sp.GetRequiredService<HangfireLogBridge.Attachment>();
            c.UseLogProvider(HangfireLogBridge.Instance)
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>());
        });
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(1, hangfire.WorkerCount);
            o.Queues = [EnqueuedState.DefaultQueue];
        });
        return services;
    }

    public static IServiceCollection AddGrantsServices(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LocalClock>();
        services.AddMemoryCache();
        services.AddSingleton<ProcessInstance>();
        services.AddGrantsJobs(config);

        services.AddAssociation();
        services.AddApplications();
        services.AddMail(config);
        services.AddWorkflow();
        services.AddLsg();
        services.AddMinutesDocuments();
        services.AddEconomy();
        services.AddFollowUp();
        services.AddEligibility(); // after AddLsg: replaces the LSG's default rule findings
        services.AddMeetings();
        services.AddApplicantAccounts();
        services.AddOrganisations();
        return services;
    }
}
