using System.ComponentModel.DataAnnotations;
using Grants.Meetings;
using Microsoft.EntityFrameworkCore;
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

    public static void ConfigureEconomyModel(ModelBuilder builder)
    {
        builder.Entity<BudgetYear>(b =>
        {
            b.HasKey(y => y.Year);
            b.Property(y => y.Year).ValueGeneratedNever();
            b.Property(y => y.Version).IsConcurrencyToken();
        });
        builder.Entity<BudgetLine>(b =>
        {
            b.Property(l => l.Kind).HasConversion<string>();
            b.HasIndex(l => l.Year);
            b.HasOne<BudgetYear>().WithMany().HasForeignKey(l => l.Year).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ActualEntry>(b =>
        {
            b.Property(a => a.Kind).HasConversion<string>();
            b.HasIndex(a => a.Year);
            b.HasOne<BudgetYear>().WithMany().HasForeignKey(a => a.Year).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Commitment>(b =>
        {
            b.Property(c => c.Version).IsConcurrencyToken();
            b.HasIndex(c => c.Year);
            b.HasIndex(c => c.ApplicationId);
            // One commitment per decision and year: a decision published twice adds nothing.
            b.HasIndex(c => new { c.MeetingId, c.ParagraphNumber, c.Year }).IsUnique();
            b.HasOne<Applications.Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CommitmentRelease>(b =>
        {
            b.HasIndex(r => r.CommitmentId);
            b.HasOne<Commitment>().WithMany().HasForeignKey(r => r.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Requisition>(b =>
        {
            b.HasIndex(r => r.CommitmentId);
            b.HasOne<Commitment>().WithMany().HasForeignKey(r => r.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Payment>(b =>
        {
            b.HasIndex(p => p.CommitmentId);
            b.HasOne<Commitment>().WithMany().HasForeignKey(p => p.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
