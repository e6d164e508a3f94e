using Grants.Association;
using Microsoft.Extensions.Options;

namespace Grants.Infrastructure;

public static class OptionsSetup
{
    /// <summary>Binds and validates every settings section at start; a bad value stops the app naming its key.</summary>
    public static IServiceCollection AddGrantsOptions(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HangfireOptions>().BindConfiguration(HangfireOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AssociationOptions>().BindConfiguration(AssociationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AssociationOptions>, AssociationOptionsValidator>();
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();
        return services;
    }
}

public sealed class AssociationOptionsValidator : IValidateOptions<AssociationOptions>
{
    public ValidateOptionsResult Validate(string? name, AssociationOptions o)
    {
        var failures = new List<string>();
        for (var i = 0; i < o.Members.Count; i++)
        {
            var m = o.Members[i];
            var key = $"Association:Members:{i}";
            if (string.IsNullOrWhiteSpace(m.Key)) failures.Add($"{key}:Key saknas.");
            if (string.IsNullOrWhiteSpace(m.Name)) failures.Add($"{key}:Name saknas.");
            if (string.IsNullOrWhiteSpace(m.GenitiveName)) failures.Add($"{key}:GenitiveName saknas.");
            if (!Enum.IsDefined(m.Kind)) failures.Add($"{key}:Kind måste vara Forsakringskassan, Arbetsformedlingen, Region eller Kommun.");
            if (!string.IsNullOrWhiteSpace(m.OrganisationNumber) && !Applications.SwedishIdentifiers.IsValidOrganisationNumber(m.OrganisationNumber))
                failures.Add($"{key}:OrganisationNumber är inte ett giltigt organisationsnummer.");
        }
        foreach (var dup in o.Members.GroupBy(m => m.Key).Where(g => g.Count() > 1))
            failures.Add($"Association:Members har nyckeln '{dup.Key}' flera gånger.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class AppOptionsValidator : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions o)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return ValidateOptionsResult.Fail($"App:TimeZone '{o.TimeZone}' är ingen känd tidszon.");
        }
        return Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("App:PublicBaseUrl måste vara en absolut http(s)-adress.");
    }
}
