using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Workflow;

// Picked up by GrantsDbContext's ApplyConfigurationsFromAssembly.

internal sealed class WorkflowDefinitionVersionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionVersion> b) => b.HasIndex(v => new { v.Key, v.Hash }).IsUnique();
}

internal sealed class WorkflowTransitionConfiguration : IEntityTypeConfiguration<WorkflowTransition>
{
    public void Configure(EntityTypeBuilder<WorkflowTransition> b) => b.HasIndex(t => new { t.SubjectType, t.SubjectId });
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> b)
    {
        b.HasIndex(t => new { t.FiredAt, t.CancelledAt, t.DueAt });
        b.HasIndex(t => new { t.SubjectType, t.SubjectId });
    }
}

internal sealed class WorkflowPendingActionConfiguration : IEntityTypeConfiguration<WorkflowPendingAction>
{
    public void Configure(EntityTypeBuilder<WorkflowPendingAction> b)
    {
        b.Property(a => a.Parameters).HasJsonConversion();
        b.HasOne(a => a.Transition).WithMany().HasForeignKey(a => a.TransitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.DoneAt);
    }
}

internal sealed class WorkflowCaseConfiguration : IEntityTypeConfiguration<WorkflowCase>
{
    public void Configure(EntityTypeBuilder<WorkflowCase> b)
    {
        b.Property(c => c.Dates).HasJsonConversion();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.ApplicationId);
    }
}
