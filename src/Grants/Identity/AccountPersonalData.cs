using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.Identity;

/// <summary>The account, its roles and sign-in methods, and the audit log's entries by or about the person.</summary>
public sealed class AccountPersonalData(GrantsDbContext db) : IPersonalDataSource
{
    public string Section => "konto";

    public async Task<object?> CollectAsync(DataSubject person, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.UserId, ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync(ct);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == user.Id)
            .Select(l => new { tjänst = l.ProviderDisplayName ?? l.LoginProvider, identitet = l.ProviderKey }).ToListAsync(ct);
        var passkeys = (await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == user.Id).ToListAsync(ct))
            .Select(p => new { namn = p.Data.Name, tillagd = p.Data.CreatedAt, användarverifierad = p.Data.IsUserVerified }).ToList();
        var events = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == user.Id || a.EntityType == AccountAudit.EntityType && a.EntityId == user.Id)
            .OrderBy(a => a.Id)
            .Select(a => new { tid = a.At, av = a.UserName, roll = a.Role, avser = a.EntityType + " " + a.EntityId, händelse = a.Action, detaljer = a.Details })
            .ToListAsync(ct);
        return new
        {
            id = user.Id,
            namn = user.DisplayName,
            epost = user.Email,
            epostBekräftad = user.EmailConfirmed,
            telefon = user.PhoneNumber,
            roller = roles,
            organisationId = user.OrganisationId,
            skapat = user.CreatedAt,
            aktiverat = user.ActivatedAt,
            avstängt = user.DeactivatedAt,
            tvåstegsverifiering = user.TwoFactorEnabled,
            harLösenord = user.PasswordHash is not null,
            externaInloggningar = logins,
            nycklar = passkeys,
            händelser = events,
        };
    }
}
