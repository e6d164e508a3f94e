using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Lsg;

// Picked up by GrantsDbContext's ApplyConfigurationsFromAssembly.

internal sealed class LsgMemberConfiguration : IEntityTypeConfiguration<LsgMember>
{
    public void Configure(EntityTypeBuilder<LsgMember> b) => b.HasIndex(m => m.Email);
}

internal sealed class LsgMeetingConfiguration : IEntityTypeConfiguration<LsgMeeting>
{
    public void Configure(EntityTypeBuilder<LsgMeeting> b)
    {
        b.Property(m => m.Attendees).HasJsonConversion();
        b.HasIndex(m => m.Date).IsUnique();
    }
}

internal sealed class LsgStatementConfiguration : IEntityTypeConfiguration<LsgStatement>
{
    public void Configure(EntityTypeBuilder<LsgStatement> b)
    {
        b.Property(s => s.Recommendation).HasConversion<string>();
        b.HasIndex(s => s.ApplicationId);
        b.HasOne<Applications.Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LsgMeeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LsgConflictDeclarationConfiguration : IEntityTypeConfiguration<LsgConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<LsgConflictDeclaration> b)
    {
        b.HasIndex(d => new { d.ApplicationId, d.LsgMemberId }).IsUnique();
        b.HasOne<LsgMember>().WithMany().HasForeignKey(d => d.LsgMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
