using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Meetings;

// Picked up by GrantsDbContext's ApplyConfigurationsFromAssembly.

internal sealed class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> b)
    {
        b.Property(m => m.Role).HasConversion<string>();
        b.Property(m => m.Office).HasConversion<string>();
        b.HasIndex(m => m.Email);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.State).HasConversion<string>();
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.Ordered);
        b.Property(m => m.Attendance).HasJsonConversion();
        b.Property(m => m.Signatures).HasJsonConversion();
        b.HasIndex(m => m.Date);
        b.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(i => i.Kind).HasConversion<string>();
        b.Property(i => i.Proposal).HasJsonConversion();
        b.Property(i => i.Decision).HasJsonConversion();
        // The last guard of the series: a § number is never given twice.
        b.HasIndex(i => i.ParagraphNumber).IsUnique();
        b.HasIndex(i => i.ApplicationId);
        b.HasOne<Applications.Application>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParagraphCounterConfiguration : IEntityTypeConfiguration<ParagraphCounter>
{
    public void Configure(EntityTypeBuilder<ParagraphCounter> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
    }
}
