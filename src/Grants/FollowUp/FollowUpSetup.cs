using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Shared;
using Grants.Workflow;
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
        services.AddScoped<Start.IStartSection, FollowUpStartSection>();
        services.AddScoped<SaveReportDraft>();
        return services;
    }
}
