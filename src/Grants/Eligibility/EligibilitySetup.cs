using Grants.Applications;
using Grants.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grants.Eligibility;

public static class EligibilitySetup
{
    public static IServiceCollection AddEligibility(this IServiceCollection services)
    {
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section);
        services.AddOptions<EligibilityOptions>().BindConfiguration(EligibilityOptions.Section);
        services.AddSingleton<RuleBook>();
        services.AddHostedService<EligibilityStartup>();
        // The economy feature registers the computed room; this configured figure is the default until then.
        services.TryAddScoped<Economy.IEconomicRoom, ConfiguredEconomicRoom>();
        services.AddScoped<EligibilityEvaluator>();
        services.AddScoped<ISubmitCheck, EligibilitySubmitCheck>();
        services.AddScoped<StoredFindings>();
        services.AddScoped<IEligibilityFindings>(sp => sp.GetRequiredService<StoredFindings>());
        // Replaces the LSG's default (submit-check hinder only) with the stored findings of every level.
        services.RemoveAll<Lsg.IRuleFindingsSource>();
        services.AddScoped<Lsg.IRuleFindingsSource>(sp => sp.GetRequiredService<StoredFindings>());
        services.AddScoped<RerunEligibility>();
        services.AddScoped<EligibilityQueries>();
        services.AddScoped<SaveProgramme>();
        services.AddScoped<Start.IStartSection, OpenCallsSection>();
        return services;
    }
}
