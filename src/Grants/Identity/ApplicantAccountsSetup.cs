namespace Grants.Identity;

/// <summary>Self-registration, confirmation and the "Mitt konto" changes; the organisation side is Grants.Organisations.</summary>
public static class ApplicantAccountsSetup
{
    public static IServiceCollection AddApplicantAccounts(this IServiceCollection services)
    {
        services.AddScoped<ApplicantRegistration>();
        services.AddScoped<RegistrationConfirmation>();
        services.AddScoped<CurrentPassword>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<ChangeEmail>();
        services.AddScoped<Organisations.IOrganisationMembers, ApplicantMembers>();
        services.AddScoped<UnconfirmedRegistrationStep>();
        services.AddScoped<Shared.ISweepStep>(sp => sp.GetRequiredService<UnconfirmedRegistrationStep>());
        return services;
    }
}
