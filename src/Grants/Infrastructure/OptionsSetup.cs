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
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        return services;
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

/// <summary>PostgreSQL's Hangfire storage only makes sense on a PostgreSQL database.</summary>
public sealed class DatabaseOptionsValidator(Microsoft.Extensions.Configuration.IConfiguration config) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions o)
    {
        var storage = config[$"{HangfireOptions.Section}:Storage"];
        var hangfireConnection = config[$"{HangfireOptions.Section}:ConnectionString"];
        return storage == HangfireOptions.PostgreSqlStorage && o.Provider != DatabaseEngine.PostgreSql && string.IsNullOrWhiteSpace(hangfireConnection)
            ? ValidateOptionsResult.Fail("Hangfire:Storage PostgreSql kräver Database:Provider PostgreSql eller Hangfire:ConnectionString.")
            : ValidateOptionsResult.Success;
    }
}
