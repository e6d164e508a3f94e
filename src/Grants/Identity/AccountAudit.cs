using Grants.Infrastructure;
using Grants.Shared;

namespace Grants.Identity;

/// <summary>Account events in the audit log: who did it, to which account, when.</summary>
public sealed class AccountAudit(GrantsDbContext db, TimeProvider time)
{
    public const string EntityType = "Account";

    public const string Invited = "invited";
    public const string Activated = "activated";
    public const string FactorSet = "factor-set";
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInDelayed = "sign-in-delayed";
    public const string ResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string SignedOut = "signed-out";
    public const string Deactivated = "deactivated";
    public const string Reactivated = "reactivated";
    public const string FirstAdminCreated = "first-admin-created";
    public const string Registered = "registered";
    public const string UnconfirmedDeleted = "unconfirmed-registration-deleted";
    public const string RegistrationRepeated = "registration-for-existing-account";
    public const string EmailChangeRequested = "email-change-requested";
    public const string EmailChanged = "email-changed";
    public const string JoinedOrganisation = "joined-organisation";
    public const string RemovedFromOrganisation = "removed-from-organisation";
    public const string ExternalLinked = "external-linked";
    public const string ExternalUnlinked = "external-unlinked";
    public const string ExternalRefused = "external-sign-in-refused";
    public const string ExternalSecondStep = "external-sign-in-second-step";
    public const string PasskeyAdded = "passkey-added";
    public const string PasskeyRemoved = "passkey-removed";
    public const string SecondFactorReset = "second-factor-reset";
    public const string RolesChanged = "roles-changed";

    /// <summary>Adds the entry to the caller's unit of work.</summary>
    public void Add(Actor actor, string accountId, string action, string? details = null) =>
        db.AuditEntries.Add(AuditEntry.Of(actor, time.GetUtcNow(), EntityType, accountId, action, details));

    /// <summary>The person acting on their own account (sign-in, set-up), recorded as themselves.</summary>
    public static Actor Self(AppUser user, IEnumerable<string> roles)
    {
        var list = roles.ToArray();
        var primary = new[] { Roles.Admin, Roles.Secretariat, Roles.Board, Roles.Lsg, Roles.Applicant }.FirstOrDefault(list.Contains) ?? "";
        return new Actor(user.Id, user.DisplayName, primary) { Roles = list };
    }
}
