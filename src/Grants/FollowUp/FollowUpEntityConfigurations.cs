using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.FollowUp;

// Picked up by GrantsDbContext's ApplyConfigurationsFromAssembly.

internal sealed class ReportPlanConfiguration : IEntityTypeConfiguration<ReportPlan>
{
    public void Configure(EntityTypeBuilder<ReportPlan> b)
    {
        b.HasIndex(p => p.ApplicationId).IsUnique();
        b.Property(p => p.Granted).HasJsonConversion();
        b.Property(p => p.DecisionKind).HasConversion<string>();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Applications.Application>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Reports).WithOne(r => r.Plan).HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.Kind).HasConversion<string>();
        b.Property(r => r.Version).IsConcurrencyToken();
        // The reminder sweep's one query: open reports whose next action day has come.
        b.HasIndex(r => r.NextActionOn);
        b.HasIndex(r => r.ApplicationId);
        b.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b) => b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
}

internal sealed class ConditionConfiguration : IEntityTypeConfiguration<Condition>
{
    public void Configure(EntityTypeBuilder<Condition> b)
    {
        b.Property(c => c.Status).HasConversion<string>();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.ApplicationId, c.Number }).IsUnique();
        b.HasIndex(c => c.NextReminderOn);
        b.HasOne<Applications.Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
