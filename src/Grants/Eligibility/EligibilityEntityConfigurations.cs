using Grants.Applications;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Eligibility;

// Picked up by GrantsDbContext's ApplyConfigurationsFromAssembly.

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Name);
    }
}

internal sealed class EligibilityRunConfiguration : IEntityTypeConfiguration<EligibilityRun>
{
    public void Configure(EntityTypeBuilder<EligibilityRun> b)
    {
        b.HasIndex(r => r.ApplicationId);
        b.Property(r => r.RuleFiles).HasJsonConversion();
        b.Property(r => r.Findings).HasJsonConversion();
        b.Property(r => r.Errors).HasJsonConversion();
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
