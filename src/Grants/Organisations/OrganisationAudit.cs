using Grants.Infrastructure;
using Grants.Shared;

namespace Grants.Organisations;

/// <summary>Organisation events in the audit log (created, membership requested/decided, invited, verified): who and when.</summary>
public sealed class OrganisationAudit(GrantsDbContext db, TimeProvider time)
{
    public const string EntityType = "Organisation";

    public const string Created = "created";
    public const string MembershipRequested = "membership-requested";
    public const string MembershipApproved = "membership-approved";
    public const string MembershipRefused = "membership-refused";
    public const string ColleagueInvited = "colleague-invited";
    public const string InvitationAccepted = "invitation-accepted";
    public const string Verified = "verified";
    public const string VerificationRemoved = "verification-removed";
    public const string MemberRemoved = "member-removed";

    /// <summary>Adds the entry to the caller's unit of work.</summary>
    public void Add(Actor actor, Guid organisationId, string action, string? details = null) =>
        db.AuditEntries.Add(AuditEntry.Of(actor, time.GetUtcNow(), EntityType, organisationId.ToString(), action, details));
}
