using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Organisations;

/// <summary>A member invites a colleague by e-mail: a single-use, expiring link; the colleague joins without approval.</summary>
public sealed class InviteColleague(GrantsDbContext db, OrganisationMails mails, OrganisationAudit audit, TimeProvider time,
    IOptions<AppOptions> app, IOptions<AccountOptions> accounts)
{
    public const string JoinPath = "/Account/Join";

    public async Task<Outcome<OrganisationInvitation>> InviteAsync(ClaimsPrincipal member, string? email, CancellationToken ct)
    {
        if (member.OrganisationId() is not { } orgId) return Outcome<OrganisationInvitation>.Forbidden("Du hör inte till någon organisation ännu.");
        var errors = new ValidationErrors();
        var address = email?.Trim() ?? "";
        if (!PasswordRules.IsEmail(address)) errors.Add("email", "Ange kollegans e-postadress.");
        if (!errors.IsEmpty) return Outcome<OrganisationInvitation>.Invalid(errors);

        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        var actor = Actor.From(member);
        var token = AccountLinks.NewToken();
        var now = time.GetUtcNow();
        var invitation = new OrganisationInvitation
        {
            OrganisationId = orgId, Email = address, TokenHash = OrganisationInvitation.Hash(token), InvitedById = actor.UserId,
            InvitedByName = actor.Name, CreatedAt = now, ExpiresAt = now.AddHours(accounts.Value.ColleagueInvitationHours),
        };
        db.Set<OrganisationInvitation>().Add(invitation);
        await mails.InvitationAsync(address, org.Name, actor.Name, $"{app.Value.PublicBaseUrl.TrimEnd('/')}{JoinPath}?token={token}", ct);
        audit.Add(actor, orgId, OrganisationAudit.ColleagueInvited, address);
        await db.SaveChangesAsync(ct);
        mails.Kick();
        return invitation;
    }
}
