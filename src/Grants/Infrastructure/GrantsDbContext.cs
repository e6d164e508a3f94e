using System.Text.Json;
using Grants.Applications;
using Grants.Association;
using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Infrastructure;

/// <summary>
/// The one database. This type is the SQLite schema (and the type every feature injects); PostgreSQL uses the
/// derived <see cref="PostgreSql.PostgreSqlGrantsDbContext"/> so that each engine has its own migrations.
/// </summary>
public class GrantsDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AssociationProfile> AssociationProfiles => Set<AssociationProfile>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationVersion> ApplicationVersions => Set<ApplicationVersion>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<RegistrationCounter> RegistrationCounters => Set<RegistrationCounter>();
    public DbSet<ApplicationReceipt> ApplicationReceipts => Set<ApplicationReceipt>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Workflow.WorkflowDefinitionVersion> WorkflowDefinitionVersions => Set<Workflow.WorkflowDefinitionVersion>();
    public DbSet<Workflow.WorkflowTransition> WorkflowTransitions => Set<Workflow.WorkflowTransition>();
    public DbSet<Workflow.WorkflowTimer> WorkflowTimers => Set<Workflow.WorkflowTimer>();
    public DbSet<Workflow.WorkflowPendingAction> WorkflowPendingActions => Set<Workflow.WorkflowPendingAction>();
    public DbSet<Workflow.WorkflowCase> WorkflowCases => Set<Workflow.WorkflowCase>();
    public DbSet<Lsg.LsgMember> LsgMembers => Set<Lsg.LsgMember>();
    public DbSet<Lsg.LsgMeeting> LsgMeetings => Set<Lsg.LsgMeeting>();
    public DbSet<Lsg.LsgStatement> LsgStatements => Set<Lsg.LsgStatement>();
    public DbSet<Lsg.LsgConflictDeclaration> LsgConflictDeclarations => Set<Lsg.LsgConflictDeclaration>();
    public DbSet<Mail.OutboxMail> OutboxMails => Set<Mail.OutboxMail>();
    public DbSet<Minutes.DecisionNotice> DecisionNotices => Set<Minutes.DecisionNotice>();
    public DbSet<Economy.BudgetYear> BudgetYears => Set<Economy.BudgetYear>();
    public DbSet<Economy.BudgetLine> BudgetLines => Set<Economy.BudgetLine>();
    public DbSet<Economy.ActualEntry> ActualEntries => Set<Economy.ActualEntry>();
    public DbSet<Economy.Commitment> Commitments => Set<Economy.Commitment>();
    public DbSet<Economy.CommitmentRelease> CommitmentReleases => Set<Economy.CommitmentRelease>();
    public DbSet<Economy.Requisition> Requisitions => Set<Economy.Requisition>();
    public DbSet<Economy.Payment> Payments => Set<Economy.Payment>();
    public DbSet<FollowUp.ReportPlan> ReportPlans => Set<FollowUp.ReportPlan>();
    public DbSet<FollowUp.Report> Reports => Set<FollowUp.Report>();
    public DbSet<FollowUp.ReportVersion> ReportVersions => Set<FollowUp.ReportVersion>();
    public DbSet<FollowUp.Condition> Conditions => Set<FollowUp.Condition>();
    public DbSet<Eligibility.Programme> Programmes => Set<Eligibility.Programme>();
    public DbSet<Eligibility.EligibilityRun> EligibilityRuns => Set<Eligibility.EligibilityRun>();
    public DbSet<Meetings.BoardMember> BoardMembers => Set<Meetings.BoardMember>();
    public DbSet<Meetings.Meeting> Meetings => Set<Meetings.Meeting>();
    public DbSet<Meetings.AgendaItem> AgendaItems => Set<Meetings.AgendaItem>();
    public DbSet<Meetings.ParagraphCounter> ParagraphCounters => Set<Meetings.ParagraphCounter>();
    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();
    public DbSet<SignInThrottleEntry> SignInThrottle => Set<SignInThrottleEntry>();

    /// <summary>
    /// Identity builds its schema version (Version3 adds AspNetUserPasskeys) from IdentityOptions resolved through the
    /// context's application service provider. The app's pool supplies one; contexts made by hand (design-time
    /// factories, the move commands, tests) get this small one, so every context has the same model.
    /// </summary>
    private static readonly IServiceProvider SchemaServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchema.Version)
        .BuildServiceProvider();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider is null)
            optionsBuilder.UseApplicationServiceProvider(SchemaServices);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Each feature owns its entity configurations (IEntityTypeConfiguration classes beside its entities).
        builder.ApplyConfigurationsFromAssembly(typeof(GrantsDbContext).Assembly);

        DatabaseEngine.ConfigureModel(builder, Database);
    }
}

public static class JsonConversionExtensions
{
    private static readonly JsonSerializerOptions Options = FormJsonOptions.Options;

    /// <summary>Stores a value object as a JSON text column; compared by content so changes are detected.</summary>
    /// <param name="byReference">
    /// For values the aggregate always replaces, never mutates (the application form): compare by reference,
    /// which spares serialising the whole form on every change detection.
    /// </param>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, bool byReference = false) where T : class, new()
    {
        if (byReference)
        {
            property.HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                s => JsonSerializer.Deserialize<T>(s, Options) ?? new T(),
                new ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(v), v => v));
            return property;
        }
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<T>(s, Options) ?? new T(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options) ?? new T()));
        return property;
    }
}
