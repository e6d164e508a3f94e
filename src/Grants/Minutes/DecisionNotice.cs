using Grants.Infrastructure;
using Grants.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Grants.Minutes;

/// <summary>
/// A beslutsmeddelande that is due: written in the adjustment's transaction by <see cref="DecisionNoticeListener"/>,
/// turned into a mail row (with the protokollsutdrag attached) by <see cref="DecisionNoticeStep"/> after commit.
/// Keeps what the mail needs but the minutes do not carry as data: amounts per year and conditions with deadlines.
/// </summary>
public sealed class DecisionNotice : Grants.Shared.IClaimable
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid MeetingId { get; set; }
    public DateOnly MeetingDate { get; set; }
    public int ParagraphNumber { get; set; }
    public DecisionKind Kind { get; set; }
    public List<GrantedAmount> Granted { get; set; } = [];
    public List<DecisionCondition> Conditions { get; set; } = [];
    public DateOnly? ProjectStart { get; set; }
    public DateOnly? ProjectEnd { get; set; }
    public string? Motivation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When its mail row was written (the notice is done); null while pending.</summary>
    public DateTimeOffset? QueuedAt { get; set; }
    /// <summary>The outbox key of its mail, or null when it could not be sent to anyone.</summary>
    public string? MailKey { get; set; }
    /// <summary>A sweep is building this notice until then; an overlapping sweep leaves it alone (no second PDF).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    /// <summary>Failed attempts to build the mail (the PDF conversion, a missing minutes source ...).</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    public string Key => KeyOf(ApplicationId, ParagraphNumber);

    public static string KeyOf(Guid applicationId, int paragraph) => $"decision-notice:{applicationId}:{paragraph}";
}

internal sealed class DecisionNoticeConfiguration : IEntityTypeConfiguration<DecisionNotice>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<DecisionNotice> b)
    {
        b.HasIndex(n => new { n.ApplicationId, n.ParagraphNumber }).IsUnique();
        b.HasIndex(n => n.QueuedAt);
        b.Property(n => n.Kind).HasConversion<string>();
        b.Property(n => n.Granted).HasJsonConversion();
        b.Property(n => n.Conditions).HasJsonConversion();
        b.HasOne<Applications.Application>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Records the pending notice inside the adjustment's unit of work (adds, never saves).</summary>
public sealed class DecisionNoticeListener(GrantsDbContext db, TimeProvider time) : IDecisionListener
{
    public async Task OnDecisionTakenAsync(ApplicationDecisionTaken decision, CancellationToken ct)
    {
        bool Same(DecisionNotice n) => n.ApplicationId == decision.ApplicationId && n.ParagraphNumber == decision.ParagraphNumber;
        if (db.DecisionNotices.Local.Any(Same)) return;
        if (await db.DecisionNotices.AnyAsync(n => n.ApplicationId == decision.ApplicationId && n.ParagraphNumber == decision.ParagraphNumber, ct)) return;
        db.DecisionNotices.Add(new DecisionNotice
        {
            ApplicationId = decision.ApplicationId,
            MeetingId = decision.MeetingId,
            MeetingDate = decision.MeetingDate,
            ParagraphNumber = decision.ParagraphNumber,
            Kind = decision.Kind,
            Granted = decision.Granted.ToList(),
            Conditions = decision.Conditions.ToList(),
            ProjectStart = decision.ProjectStart,
            ProjectEnd = decision.ProjectEnd,
            Motivation = decision.Motivation,
            CreatedAt = time.GetUtcNow(),
        });
    }
}
