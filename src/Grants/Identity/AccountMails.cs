using Grants.Association;
using Grants.Mail;
using Hangfire;

namespace Grants.Identity;

/// <summary>The account mails (invitation, password reset), written to the outbox in the caller's unit of work.</summary>
public sealed class AccountMails(MailOutbox outbox, ProfileStore profiles, IBackgroundJobClient jobs, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<AccountOptions> options)
{
    public async Task InvitationAsync(AppUser user, string link, IEnumerable<string> roles, string invitedBy, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej {user.DisplayName}!

            {invitedBy} har bjudit in dig till {profile.Name}s ärendesystem för bidrag med rollen {string.Join(", ", roles)}.

            Öppna länken för att välja lösenord och koppla en autentiseringsapp (tvåstegsverifiering):
            {link}

            Länken kan användas en gång och gäller i {options.Value.SetupLinkHours} timmar. Har den gått ut ber du administratören om en ny inbjudan.
            """;
        await outbox.EnqueueAsync($"account-invite:{user.Id}:{time.GetUtcNow().UtcTicks}", [user.Email!], $"Inbjudan till {profile.Name}", body, ct: ct);
    }

    public async Task PasswordResetAsync(AppUser user, string link, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej {user.DisplayName}!

            Någon (förhoppningsvis du) har bett om ett nytt lösenord till {profile.Name}s ärendesystem för bidrag.
            Öppna länken för att välja ett nytt lösenord:
            {link}

            Länken kan användas en gång och gäller i {options.Value.ResetLinkMinutes} minuter. Har du inte bett om detta kan du bortse från brevet;
            ditt lösenord är oförändrat.
            """;
        await outbox.EnqueueAsync($"account-reset:{user.Id}:{time.GetUtcNow().UtcTicks}", [user.Email!], "Nytt lösenord", body, ct: ct);
    }

    /// <summary>Delivers soon after the caller's commit instead of at the next sweep.</summary>
    public void Kick() => OutboxSweepStep.Kick(jobs);
}
