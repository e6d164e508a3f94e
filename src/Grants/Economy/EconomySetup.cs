using System.ComponentModel.DataAnnotations;
using Grants.Meetings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grants.Economy;

/// <summary>Settings under "Economy".</summary>
public sealed class EconomyOptions
{
    public const string Section = "Economy";

    /// <summary>How far a party's contributions may differ from its exact 5 § share (a share of an odd total is not whole kronor).</summary>
    [Range(0, 1_000_000, ErrorMessage = "Economy:SplitToleranceKronor måste vara mellan 0 och 1 000 000.")]
    public long SplitToleranceKronor { get; set; } = 10;
}

public static class EconomySetup
{
    public static IServiceCollection AddEconomy(this IServiceCollection services)
    {
        services.AddOptions<EconomyOptions>().BindConfiguration(EconomyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EconomyQueries>();
        services.AddScoped<BudgetYears>();
        services.AddScoped<RecordCommitment>();
        services.AddScoped<Payments>();
        services.AddScoped<RoomForecast>();
        services.AddScoped<Meetings.IEconomicReportText, AgendaEconomicReportText>();
        // The computed room wins over the rules feature's configured default (which that feature registers with TryAdd).
        services.AddScoped<IEconomicRoom, ComputedEconomicRoom>();
        services.AddScoped<IDecisionListener, CommitmentListener>();
        // Replaced by the follow-up feature's economic accounts (AddScoped there wins over this TryAdd).
        services.TryAddScoped<IReportedSpending, NoReportedSpending>();
        return services;
    }
}
