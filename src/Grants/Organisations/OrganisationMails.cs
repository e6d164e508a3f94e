using Grants.Association;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Mail;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Grants.Organisations;

/// <summary>The organisation mails (request to join, decision, colleague invitation), written to the outbox in the caller's unit of work.</summary>
public sealed class OrganisationMails(MailOutbox outbox, ProfileStore profiles, IBackgroundJobClient jobs, TimeProvider time,
    IOptions<AppOptions> app, IOptions<AccountOptions> accounts)
{
    public const string MembersPath = "/Organisations/Members";

    public async Task RequestToMembersAsync(IReadOnlyList<Person> members, string organisationName, string applicantName, string applicantEmail, long requestId, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej!

            {applicantName} ({applicantEmail}) har skapat ett konto i {profile.Name}s ärendesystem för bidrag och vill gå med i {organisationName}.
            Personen ser inget av organisationens ansökningar förrän någon av er eller förbundets kansli har godkänt.

            Godkänn eller avböj här: {Base}{MembersPath}

            Känner ni inte till personen avböjer ni.
            """;
        await outbox.EnqueueAsync($"organisation-request:{requestId}", members.Where(m => m.Active).Select(m => m.Email), $"{applicantName} vill gå med i {organisationName}", body, ct: ct);
    }

    public async Task DecisionAsync(Person person, string organisationName, bool approved, long requestId, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = approved
            ? $"""
              Hej {person.Name}!

              Du är nu medlem i {organisationName} i {profile.Name}s ärendesystem för bidrag och ser organisationens ansökningar.
              Logga in: {Base}/Account/Login
              """
            : $"""
              Hej {person.Name}!

              Din begäran om att gå med i {organisationName} i {profile.Name}s ärendesystem för bidrag har avböjts.
              Tror du att det är fel: be en kollega i organisationen att bjuda in dig, eller kontakta förbundets kansli.
              """;
        await outbox.EnqueueAsync($"organisation-decision:{requestId}", [person.Email], approved ? $"Välkommen till {organisationName}" : "Din begäran har avböjts", body, ct: ct);
    }

    public async Task InvitationAsync(string email, string organisationName, string invitedBy, string link, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var body = $"""
            Hej!

            {invitedBy} har bjudit in dig till {organisationName} i {profile.Name}s ärendesystem för bidrag, där organisationen söker
            och följer upp bidrag. Öppna länken för att skapa ditt konto (eller koppla det du redan har):
            {link}

            Länken kan användas en gång och gäller i {accounts.Value.ColleagueInvitationHours} timmar.
            """;
        await outbox.EnqueueAsync($"organisation-invite:{email}:{time.GetUtcNow().UtcTicks}", [email], $"Inbjudan till {organisationName}", body, ct: ct);
    }

    /// <summary>Delivers soon after the caller's commit instead of at the next sweep.</summary>
    public void Kick() => OutboxSweepStep.Kick(jobs);

    private string Base => app.Value.PublicBaseUrl.TrimEnd('/');
}
