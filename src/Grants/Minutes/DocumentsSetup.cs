using Grants.Meetings;
using Grants.Shared;

namespace Grants.Minutes;

/// <summary>The minutes documents feature: rendering, file endpoints, the decision notice.</summary>
public static class DocumentsSetup
{
    public static IServiceCollection AddMinutesDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // One per process: it owns the LibreOffice profile folder and the one-at-a-time lock.
        services.AddSingleton<MinutesPdf>();
        services.AddScoped<MinutesDocuments>();
        services.AddSingleton<DecisionNoticeMail>();
        services.AddScoped<IDecisionListener, DecisionNoticeListener>();
        services.AddScoped<DecisionNoticeStep>();
        services.AddScoped<ISweepStep>(sp => sp.GetRequiredService<DecisionNoticeStep>());
        return services;
    }
}
