using Grants.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Workflow;

public static class WorkflowSetup
{
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section);
        services.AddSingleton<WorkflowRegistry>();
        services.AddSingleton<WorkflowFolder>();
        services.AddSingleton<MailTemplates>();
        services.AddScoped<TemplateMailer>();
        services.AddScoped<CatalogueProvider>();
        services.AddScoped<IWorkflowEngine, WorkflowEngine>();
        services.AddScoped<PendingActionRunner>();
        services.AddScoped<WorkflowSweep>();
        services.AddScoped<WorkflowQueries>();
        services.AddScoped<IWorkflowHistory, WorkflowHistory>();
        services.AddScoped<IWorkflowSubjectStore, CaseSubjectStore>();
        services.AddScoped<IEntryActionHandler, MailApplicantAction>();
        services.AddScoped<IEntryActionHandler, NotifyRoleAction>();
        services.AddHostedService<WorkflowStartup>();
        return services;
    }
}

/// <summary>
/// At start: loads and checks every definition (a broken one stops the app, naming file and problem),
/// stores the current versions, and registers the one recurring sweep.
/// </summary>
public sealed class WorkflowStartup(IServiceProvider services, WorkflowRegistry registry, WorkflowFolder folder,
    IRecurringJobManager jobs, IOptions<HangfireOptions> hangfire, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        // A template with a typo would mail "{diarienumer}" to an applicant: refuse to start instead, naming the file.
        var mailProblems = scope.ServiceProvider.GetRequiredService<MailTemplates>().Check();
        if (mailProblems.Count > 0) throw new WorkflowDefinitionException(string.Join(Environment.NewLine, mailProblems));
        registry.LoadFolder(folder.Path, scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Build());
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        await StoreVersionsAsync(db, registry, time, ct);
        jobs.AddOrUpdate<WorkflowSweep>(WorkflowSweep.JobId, s => s.RunAsync(CancellationToken.None), hangfire.Value.SweepCron);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static async Task StoreVersionsAsync(GrantsDbContext db, WorkflowRegistry registry, TimeProvider time, CancellationToken ct)
    {
        foreach (var def in registry.Current.Values)
        {
            if (await db.WorkflowDefinitionVersions.AnyAsync(v => v.Key == def.Key && v.Hash == def.Hash, ct)) continue;
            db.WorkflowDefinitionVersions.Add(new WorkflowDefinitionVersion { Key = def.Key, Hash = def.Hash, FileName = def.FileName, Json = def.Json, FirstLoadedAt = time.GetUtcNow() });
        }
        await db.SaveChangesAsync(ct);
    }
}
