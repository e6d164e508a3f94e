using Grants.Infrastructure;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Lsg;

public static class LsgSetup
{
    public static IServiceCollection AddLsg(this IServiceCollection services)
    {
        services.AddScoped<CurrentStatement>();
        services.AddScoped<IGuardFact, LsgStatementExistsFact>();
        services.AddScoped<IGuardFact, LsgRecommendsFact>();
        services.AddScoped<IGuardFact, LsgAdvisesAgainstFact>();
        services.AddScoped<IRuleFindingsSource, SubmitCheckFindings>();
        services.AddScoped<LsgMembership>();
        services.AddScoped<LsgRegister>();
        services.AddScoped<LsgQueries>();
        services.AddScoped<RecordStatement>();
        services.AddScoped<DeclareConflict>();
        return services;
    }

    public static void ConfigureLsgModel(ModelBuilder builder)
    {
        builder.Entity<LsgMember>(b => b.HasIndex(m => m.Email));
        builder.Entity<LsgMeeting>(b =>
        {
            b.Property(m => m.Attendees).HasJsonConversion();
            b.HasIndex(m => m.Date).IsUnique();
        });
        builder.Entity<LsgStatement>(b =>
        {
            b.Property(s => s.Recommendation).HasConversion<string>();
            b.HasIndex(s => s.ApplicationId);
            b.HasOne<Applications.Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<LsgMeeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<LsgConflictDeclaration>(b =>
        {
            b.HasIndex(d => new { d.ApplicationId, d.LsgMemberId }).IsUnique();
            b.HasOne<LsgMember>().WithMany().HasForeignKey(d => d.LsgMemberId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
