using Grants.Identity;

namespace Grants.Organisations;

public static class OrganisationsSetup
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<IApplicantOrganisations, OrganisationRequests>();
        services.AddScoped<OrganisationMails>();
        services.AddScoped<OrganisationAudit>();
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<DecideMembership>();
        services.AddScoped<InviteColleague>();
        services.AddScoped<JoinByInvitation>();
        services.AddScoped<VerifyOrganisation>();
        services.AddScoped<RemoveMember>();
        services.AddScoped<Start.IStartSection, OrganisationsStartSection>();
        services.AddScoped<Privacy.IPersonalDataSource, OrganisationsPersonalData>();
        services.AddScoped<Privacy.IPersonalDataAnonymiser, OrganisationsAnonymiser>();
        return services;
    }
}
