using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Applications;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b) => b.HasIndex(o => o.OrganisationNumber).IsUnique();
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.Property(a => a.Form).HasJsonConversion(byReference: true);
        b.Property(a => a.Version).IsConcurrencyToken();
        // The first promise of the record, kept by the database for every writer: nothing beyond utkast lacks its
        // diarienummer or ankomstdatum (SubmitApplication sets both in the transaction that leaves utkast).
        b.ToTable(t => t.HasCheckConstraint("CK_Applications_RegisteredBeyondDraft", Application.RegisteredBeyondDraftSql));
        // The paged list's order (ListApplications): staff read by UpdatedAt, a Sökande within its organisation.
        b.HasIndex(a => new { a.OrganisationId, a.UpdatedAt });
        b.HasIndex(a => a.UpdatedAt);
        // Only registered applications are numbered: drafts stay out of these indexes, so a submit adds one entry to
        // each instead of also removing a draft's empty one (two fewer pages written inside the write lock).
        b.HasIndex(a => a.RegistrationNumber).IsUnique().HasFilter("\"RegistrationNumber\" IS NOT NULL");
        b.HasIndex(a => new { a.RegistrationYear, a.RegistrationSequence }).IsUnique().HasFilter("\"RegistrationYear\" IS NOT NULL");
        b.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Attachments).WithOne().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationVersionConfiguration : IEntityTypeConfiguration<ApplicationVersion>
{
    public void Configure(EntityTypeBuilder<ApplicationVersion> b) => b.HasIndex(v => new { v.ApplicationId, v.Number }).IsUnique();
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b) =>
        b.HasOne(a => a.Content).WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b) => b.HasKey(c => c.AttachmentId);
}

internal sealed class RegistrationCounterConfiguration : IEntityTypeConfiguration<RegistrationCounter>
{
    public void Configure(EntityTypeBuilder<RegistrationCounter> b)
    {
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
    }
}
