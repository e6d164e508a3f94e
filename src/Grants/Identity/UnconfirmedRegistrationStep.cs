using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Identity;

/// <summary>
/// Part of the recurring sweep: self-registrations never confirmed within Accounts:UnconfirmedRetentionDays are
/// deleted, so an address someone typed does not stay stored. Only accounts that own nothing: applicant role only,
/// never activated, no organisation, no fresh confirmation link (registering again restarts the period), nothing done
/// anywhere in the audit log, and nothing on the organisation side but the unconfirmed request. Such an account cannot
/// sign in, so those are all its rows. Idempotent: each account is checked again inside its own transaction.
/// The audit entries about it stay, with the address replaced.
/// </summary>
public sealed class UnconfirmedRegistrationStep(GrantsDbContext db, UserManager<AppUser> users, IApplicantOrganisations organisations,
    AccountAudit audit, IOptions<AccountOptions> options, ILogger<UnconfirmedRegistrationStep> log) : ISweepStep
{
    private const int Batch = 200;
    public const string RemovedAddress = "[obekräftad adress borttagen]";

    public string Name => "unconfirmed-registrations";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var days = options.Value.UnconfirmedRetentionDays;
        var cutoff = now.AddDays(-days);
        var ids = await Candidates(cutoff).OrderBy(u => u.CreatedAt).Select(u => u.Id).Take(Batch).ToListAsync(ct);
        var deleted = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Checked again: a confirmation or a new registration may have come since the list was read.
            if (await Candidates(cutoff).SingleOrDefaultAsync(u => u.Id == id, ct) is not { } user) continue;
            if (!await organisations.ForgetUnconfirmedAsync(user.Id, ct)) continue;
            var email = user.Email;
            await db.AccountLinks.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
            if (email is not null)
            {
                var key = SignInThrottle.KeyOf(email);
                await db.SignInThrottle.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
                await db.AuditEntries.Where(a => a.EntityType == AccountAudit.EntityType && a.EntityId == user.Id && a.Details != null && a.Details.Contains(email))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, a => a.Details!.Replace(email, RemovedAddress)), ct);
            }
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            audit.Add(Actor.System, user.Id, AccountAudit.UnconfirmedDeleted, $"Registreringen bekräftades inte inom {days} dagar");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            deleted++;
        }
        if (deleted > 0) log.LogInformation("Deleted {Count} unconfirmed registrations older than {Days} days", deleted, days);
        return deleted;
    }

    private IQueryable<AppUser> Candidates(DateTimeOffset cutoff)
    {
        var applicantRole = db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id);
        return db.Users.Where(u => !u.EmailConfirmed && u.ActivatedAt == null && u.DeactivatedAt == null && u.OrganisationId == null
            && u.CreatedAt != null && u.CreatedAt < cutoff
            && !db.UserRoles.Any(ur => ur.UserId == u.Id && !applicantRole.Contains(ur.RoleId))
            && !db.AccountLinks.Any(l => l.UserId == u.Id && l.CreatedAt >= cutoff)
            && !db.UserLogins.Any(l => l.UserId == u.Id)
            && !db.AuditEntries.Any(a => a.UserId == u.Id && a.EntityType != AccountAudit.EntityType));
    }
}
