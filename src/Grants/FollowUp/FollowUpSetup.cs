using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.FollowUp;

public static class FollowUpSetup
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).PostConfigure(o => o.ApplyDefaults()).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>();
        services.AddScoped<ReportPlanner>();
        services.AddScoped<ConditionDeadline>();
        services.AddScoped<FollowUpMailer>();
        services.AddScoped<IDecisionListener, FollowUpDecisionListener>();
        services.AddScoped<IWorkflowSubjectStore, ReportSubjectStore>();
        services.AddScoped<IGuardFact, AllConditionsMetFact>();
        services.AddScoped<IGuardFact, FunderDeclinedFact>();
        services.AddScoped<IEntryActionHandler, CreateReportPlanAction>();
        services.AddScoped<IEntryActionHandler, ConditionsLapsedAction>();
        services.AddScoped<ReportReminderStep>();
        services.AddScoped<ISweepStep>(sp => sp.GetRequiredService<ReportReminderStep>());
        services.AddScoped<ConditionReminderStep>();
        services.AddScoped<ISweepStep>(sp => sp.GetRequiredService<ConditionReminderStep>());
        services.AddScoped<SubmitReport>();
        services.AddScoped<ReviewReport>();
        services.AddScoped<ChangePlan>();
        services.AddScoped<ReportConditionOutcome>();
        services.AddScoped<ConfirmCondition>();
        services.AddScoped<ReportedSpending>();
        services.AddScoped<Economy.IReportedSpending>(sp => sp.GetRequiredService<ReportedSpending>());
        services.AddScoped<FollowUpQueries>();
        return services;
    }

    public static void ConfigureFollowUpModel(ModelBuilder builder)
    {
        builder.Entity<ReportPlan>(b =>
        {
            b.HasIndex(p => p.ApplicationId).IsUnique();
            b.Property(p => p.Granted).HasJsonConversion();
            b.Property(p => p.DecisionKind).HasConversion<string>();
            b.Property(p => p.Version).IsConcurrencyToken();
            b.HasOne<Applications.Application>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(p => p.Reports).WithOne(r => r.Plan).HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Report>(b =>
        {
            b.Property(r => r.Kind).HasConversion<string>();
            b.Property(r => r.Version).IsConcurrencyToken();
            // The reminder sweep's one query: open reports whose next action day has come.
            b.HasIndex(r => r.NextActionOn);
            b.HasIndex(r => r.ApplicationId);
            b.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ReportVersion>(b => b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique());
        builder.Entity<Condition>(b =>
        {
            b.Property(c => c.Status).HasConversion<string>();
            b.Property(c => c.Version).IsConcurrencyToken();
            b.HasIndex(c => new { c.ApplicationId, c.Number }).IsUnique();
            b.HasIndex(c => c.NextReminderOn);
            b.HasOne<Applications.Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
