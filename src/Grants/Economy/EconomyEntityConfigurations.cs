using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Economy;

// Picked up by GrantsDbContext's ApplyConfigurationsFromAssembly.

internal sealed class BudgetYearConfiguration : IEntityTypeConfiguration<BudgetYear>
{
    public void Configure(EntityTypeBuilder<BudgetYear> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Version).IsConcurrencyToken();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(l => l.Kind).HasConversion<string>();
        b.HasIndex(l => l.Year);
        b.HasOne<BudgetYear>().WithMany().HasForeignKey(l => l.Year).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActualEntryConfiguration : IEntityTypeConfiguration<ActualEntry>
{
    public void Configure(EntityTypeBuilder<ActualEntry> b)
    {
        b.Property(a => a.Kind).HasConversion<string>();
        b.HasIndex(a => a.Year);
        b.HasOne<BudgetYear>().WithMany().HasForeignKey(a => a.Year).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Year);
        b.HasIndex(c => c.ApplicationId);
        // One commitment per decision and year: a decision published twice adds nothing.
        b.HasIndex(c => new { c.MeetingId, c.ParagraphNumber, c.Year }).IsUnique();
        b.HasOne<Applications.Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentReleaseConfiguration : IEntityTypeConfiguration<CommitmentRelease>
{
    public void Configure(EntityTypeBuilder<CommitmentRelease> b)
    {
        b.HasIndex(r => r.CommitmentId);
        b.HasOne<Commitment>().WithMany().HasForeignKey(r => r.CommitmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequisitionConfiguration : IEntityTypeConfiguration<Requisition>
{
    public void Configure(EntityTypeBuilder<Requisition> b)
    {
        b.HasIndex(r => r.CommitmentId);
        b.HasOne<Commitment>().WithMany().HasForeignKey(r => r.CommitmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.HasIndex(p => p.CommitmentId);
        b.HasOne<Commitment>().WithMany().HasForeignKey(p => p.CommitmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
