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
        services.AddScoped<WithdrawApplication>();
        services.AddScoped<UploadAttachment>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<ListApplications>();
        services.AddScoped<ApplicationWorkflowQueries>();
        services.AddScoped<FireApplicationTrigger>();
        services.AddScoped<Workflow.IWorkflowSubjectStore, ApplicationSubjectStore>();
        services.AddScoped<NoHinderFact>();
        services.AddScoped<Workflow.IGuardFact>(sp => sp.GetRequiredService<NoHinderFact>());
        services.AddSingleton<StateLabels>();
        services.AddScoped<Start.IStartSection, ApplicationsStartSection>();
        services.AddScoped<Start.StartPage>();
        services.AddScoped<ApplicationReceiptStep>();
        services.AddScoped<Shared.ISweepStep>(sp => sp.GetRequiredService<ApplicationReceiptStep>());
        return services;
    }
}
