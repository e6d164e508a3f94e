using Grants.Infrastructure;
using Grants.Workflow;

namespace Grants.Lsg;

public static class LsgSetup
{
    public static IServiceCollection AddLsg(this IServiceCollection services)
    {
        services.AddScoped<CurrentStatement>();
        services.AddScoped<IGuardFact, LsgStatementExistsFact>();
        services.AddScoped<IGuardFact, LsgRecommendsFact>();
        services.AddScoped<IGuardFact, LsgAdvisesAgainstFact>();
        services.AddScoped<IRuleFindingsSource, SubmitCheckFindings>();
        services.AddScoped<LsgMembership>();
        services.AddScoped<LsgRegister>();
        services.AddScoped<LsgQueries>();
        services.AddScoped<RecordStatement>();
        services.AddScoped<DeclareConflict>();
        return services;
    }
}
