namespace Grants.Privacy;

public static class PrivacySetup
{
    /// <summary>"Mina uppgifter", anonymisation, and each feature's part of the download.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<DownloadMyData>();
        services.AddScoped<AnonymisePerson>();
        services.AddScoped<IPersonalDataSource, Identity.AccountPersonalData>();
        services.AddScoped<IPersonalDataSource, Applications.ApplicationsPersonalData>();
        services.AddScoped<IPersonalDataSource, Mail.MailPersonalData>();
        services.AddScoped<IPersonalDataSource, Lsg.LsgPersonalData>();
        services.AddScoped<IPersonalDataSource, Meetings.BoardPersonalData>();
        services.AddScoped<IPersonalDataSource, FollowUp.FollowUpPersonalData>();
        return services;
    }
}
