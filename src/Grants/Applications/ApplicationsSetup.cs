namespace Grants.Applications;

public static class ApplicationsSetup
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<OrganisationResolver>();
        services.AddScoped<CreateDraft>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<HinderCheck>();
        services.AddScoped<AddRevision>();
        services.AddScoped<UploadAttachment>();
        services.AddScoped<ApplicationQueries>();
        services.AddSingleton<StateLabels>();
        return services;
    }
}
