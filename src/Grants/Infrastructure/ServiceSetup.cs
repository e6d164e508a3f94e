using Grants.Applications;
using Grants.Association;
using Grants.Demo;
using Grants.Economy;
using Grants.FollowUp;
using Grants.Eligibility;
using Grants.Lsg;
using Grants.Meetings;
using Grants.Workflow;
using Grants.Mail;
using Grants.Minutes;
using Grants.Shared;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grants.Infrastructure;

public static class ServiceSetup
{
    public static IServiceCollection AddGrantsData(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var db = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Pooled: a submit costs a few milliseconds, and context construction was a visible share of it.
        services.AddDbContextPool<GrantsDbContext>(o =>
        {
            if (db.Provider == "PostgreSql")
                throw new InvalidOperationException("Database:Provider PostgreSql is the planned scale-out configuration and is not wired in this build; use Sqlite.");
            o.UseSqlite(SqliteConnection(db.ConnectionString, env.ContentRootPath));
        });
        services.AddHealthChecks().AddDbContextCheck<GrantsDbContext>("database");
        // Keys outlive restarts so sign-ins and bearer tokens stay valid.
        var keys = config["App:DataProtectionKeysFolder"] is { Length: > 0 } k ? k : "data/keys";
        services.AddDataProtection()
            .SetApplicationName("Grants")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys, env.ContentRootPath)));
        return services;
    }

    /// <summary>A relative Data Source is taken relative to the content root, not the shell's directory.</summary>
    public static string SqliteConnection(string connectionString, string contentRoot)
    {
        var b = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(b.DataSource) && b.DataSource != ":memory:" && !Path.IsPathRooted(b.DataSource))
            b.DataSource = Path.GetFullPath(b.DataSource, contentRoot);
        if (b.DefaultTimeout < 30) b.DefaultTimeout = 30;
        return b.ToString();
    }

    public static IServiceCollection AddGrantsServices(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LocalClock>();
        services.AddSingleton<WriteGate>();
        services.AddMemoryCache();

        var mail = config.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        if (string.IsNullOrWhiteSpace(mail.SmtpHost)) services.AddSingleton<IMailSender, PickupFolderMailSender>();
        else services.AddSingleton<IMailSender, SmtpMailSender>();

        // One storage per host, owned by its container: UseInMemoryStorage() alone sets the process-wide
        // JobStorage.Current, so a second host in the same process (tests) shared it and broke when the first stopped.
        services.AddSingleton<JobStorage>(_ => new Hangfire.InMemory.InMemoryStorage());
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        var hangfire = config.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        services.AddHangfireServer(o => o.WorkerCount = Math.Max(1, hangfire.WorkerCount));

        services.AddScoped<ProfileStore>();
        services.AddScoped<OrganisationResolver>();
        services.AddScoped<CreateDraft>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<HinderCheck>();
        services.AddScoped<AddRevision>();
        services.AddScoped<UploadAttachment>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<Start.IStartSection, ApplicationsStartSection>();
        services.AddScoped<Start.StartPage>();
        services.AddScoped<ApplicationReceiptStep>();
        services.AddScoped<ISweepStep>(sp => sp.GetRequiredService<ApplicationReceiptStep>());
        services.AddSingleton<StateLabels>();
        services.AddScoped<UpdateProfile>();
        services.AddScoped<DemoData>();
        services.AddSingleton<ProcessInstance>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<OutboxSweepStep>();
        services.AddScoped<ISweepStep>(sp => sp.GetRequiredService<OutboxSweepStep>());
        services.AddWorkflow();
        services.AddLsg();
        services.AddMinutesDocuments();
        services.AddEconomy();
        services.AddFollowUp();
        services.AddEligibility(); // after AddLsg: replaces the LSG's default rule findings
        services.AddMeetings();
        return services;
    }
}
