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

            Öppna länken för att välja lösenord och sedan koppla en autentiseringsapp eller skapa en nyckel (passkey):
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

    public async Task ConfirmRegistrationAsync(AppUser user, string link, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej {user.DisplayName}!

            Du har skapat ett konto som sökande i {profile.Name}s ärendesystem för bidrag. Öppna länken för att bekräfta
            din e-postadress och aktivera kontot:
            {link}

            Länken kan användas en gång och gäller i {options.Value.ConfirmLinkHours} timmar. Har den gått ut registrerar du dig igen.
            Har du inte skapat något konto kan du bortse från brevet.
            """;
        await outbox.EnqueueAsync($"account-confirm:{user.Id}:{time.GetUtcNow().UtcTicks}", [user.Email!], "Bekräfta din e-postadress", body, ct: ct);
    }

    /// <summary>Someone registered with an address that already has an account: the owner hears of it, nobody else.</summary>
    public async Task AlreadyRegisteredAsync(AppUser user, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej {user.DisplayName}!

            Någon (förhoppningsvis du) försökte skapa ett nytt konto med den här adressen i {profile.Name}s ärendesystem för bidrag.
            Adressen har redan ett konto, så inget nytt skapades. Logga in som vanligt, eller välj "Glömt lösenordet?" på
            inloggningssidan om du inte minns lösenordet.
            """;
        await outbox.EnqueueAsync($"account-exists:{user.Id}:{time.GetUtcNow().UtcTicks}", [user.Email!], "Du har redan ett konto", body, ct: ct);
    }

    /// <summary>The link to the new address when a signed-in person changes e-mail.</summary>
    public async Task ChangeEmailAsync(AppUser user, string newEmail, string link, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej {user.DisplayName}!

            Du har bett om att byta e-postadress för ditt konto i {profile.Name}s ärendesystem för bidrag till den här adressen.
            Öppna länken för att bekräfta bytet:
            {link}

            Länken kan användas en gång och gäller i {options.Value.ConfirmLinkHours} timmar. Efter bytet loggar du in med den nya adressen.
            """;
        await outbox.EnqueueAsync($"account-change-email:{user.Id}:{time.GetUtcNow().UtcTicks}", [newEmail], "Bekräfta ny e-postadress", body, ct: ct);
    }

    /// <summary>The old address hears that the account moved, so a hijack does not go unnoticed.</summary>
    public async Task EmailChangedNoticeAsync(AppUser user, string oldEmail, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej {user.DisplayName}!

            E-postadressen för ditt konto i {profile.Name}s ärendesystem för bidrag är nu bytt till {user.Email}.
            Alla inloggningar är avslutade. Har du inte gjort bytet själv: kontakta förbundets kansli genast.
            """;
        await outbox.EnqueueAsync($"account-email-changed:{user.Id}:{time.GetUtcNow().UtcTicks}", [oldEmail], "Din e-postadress är bytt", body, ct: ct);
    }

    /// <summary>After an administrator reset the person's second factor (a lost phone): the link pairs a new one.</summary>
    public async Task SecondFactorResetAsync(AppUser user, string link, string resetBy, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej {user.DisplayName}!

            {resetBy} har återställt tvåstegsverifieringen för ditt konto i {profile.Name}s ärendesystem för bidrag.
            Din gamla autentiseringsapp, dina återställningskoder och dina nycklar (passkeys) gäller inte längre, och alla
            inloggningar är avslutade. Ditt lösenord är oförändrat.

            Öppna länken för att koppla en ny autentiseringsapp eller skapa en ny nyckel (passkey):
            {link}

            Länken kan användas en gång och gäller i {options.Value.SetupLinkHours} timmar. Har du inte bett om detta:
            kontakta förbundets kansli genast.
            """;
        await outbox.EnqueueAsync($"account-factor-reset:{user.Id}:{time.GetUtcNow().UtcTicks}", [user.Email!], "Koppla en ny autentiseringsapp", body, ct: ct);
    }

    /// <summary>Delivers soon after the caller's commit instead of at the next sweep.</summary>
    public void Kick() => OutboxSweepStep.Kick(jobs);
}
