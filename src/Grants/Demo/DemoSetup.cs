namespace Grants.Demo;

public static class DemoSetup
{
    /// <summary>The demo förbund's users and cases; registered only when the demo is switched on.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoData>();
        services.AddScoped<DemoFollowUp>();
        services.AddScoped<DemoBoard>();
        services.AddScoped<Eligibility.EligibilityDemo>();
        return services;
    }
}
