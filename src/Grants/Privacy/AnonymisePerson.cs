using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Privacy;

/// <summary>
/// Admin anonymises a deactivated person once the retention period (Accounts:AnonymiseAfterDays) has passed since
/// deactivation. The account stays (id, roles, organisation) so records remain attributable, but its name becomes
/// "Tidigare användare N", its e-mail, phone, password, second factor, passkeys and external logins go, and the audit log
/// shows the same pseudonym. Public records (received applications, minutes and their signatures) are not changed:
/// arkivlagen and offentlighets- och sekretesslagen require them kept as they were (docs/personal-data.md).
/// </summary>
public sealed class AnonymisePerson(GrantsDbContext db, IOptions<AccountOptions> options, AccountAudit audit, TimeProvider time, LocalClock clock,
    IEnumerable<IPersonalDataAnonymiser> features)
{
    public const string Anonymised = "anonymised";
    public const string PseudonymPrefix = "Tidigare användare ";

    public async Task<Outcome<AppUser>> AnonymiseAsync(ClaimsPrincipal admin, string userId, CancellationToken ct)
    {
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } user) return Outcome<AppUser>.NotFound();
        if (user.DisplayName.StartsWith(PseudonymPrefix, StringComparison.Ordinal) && user.Email is null) return user;
        if (user.DeactivatedAt is not { } deactivated)
            return Outcome<AppUser>.Conflict("Bara ett avstängt konto kan anonymiseras. Stäng av kontot först.");
        var allowedFrom = deactivated.AddDays(options.Value.AnonymiseAfterDays);
        if (time.GetUtcNow() < allowedFrom)
            return Outcome<AppUser>.Conflict(
                $"Kontot kan anonymiseras tidigast {clock.FormatDate(allowedFrom)}, {options.Value.AnonymiseAfterDays} dagar efter avstängningen.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await db.Users.CountAsync(u => u.DisplayName.StartsWith(PseudonymPrefix), ct) + 1;
        var pseudonym = PseudonymPrefix + number;
        var formerEmail = user.Email;
        user.DisplayName = pseudonym;
        user.UserName = $"anonymiserad-{number}";
        user.NormalizedUserName = user.UserName.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserPasskeys.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.Set<AccountLink>().Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
        if (formerEmail is not null)
        {
            var key = SignInThrottle.KeyOf(formerEmail);
            await db.SignInThrottle.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
            // Account events name the address in their details (invited, deactivated ...).
            await db.AuditEntries.Where(a => a.Details != null && a.Details.Contains(formerEmail))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, a => a.Details!.Replace(formerEmail, pseudonym)), ct);
        }
        // Other features' tables that name the person (organisations: decided by, invited by, verified by).
        foreach (var feature in features) await feature.AnonymiseAsync(new AnonymisedPerson(user.Id, formerEmail, pseudonym), ct);
        // The log keeps who did what; the person is now the pseudonym everywhere in it.
        await db.AuditEntries.Where(a => a.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, pseudonym), ct);
        audit.Add(Actor.From(admin), user.Id, Anonymised, pseudonym);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}
