using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Grants.Demo;

/// <summary>
/// Demo users and the demo förbund's applications (modelled on seeds/004, persons fictional).
/// Loaded only with --demo, App:Demo=true or in Development; idempotent.
/// </summary>
public sealed class DemoData(GrantsDbContext db, UserManager<AppUser> users, TimeProvider time, ILogger<DemoData> log, Workflow.IWorkflowEngine workflow,
    Eligibility.EligibilityDemo eligibility, DemoFollowUp followUp, DemoBoard board, Microsoft.Extensions.Options.IOptions<AppOptions> options)
{
    public const string Password = "Demo-losen-2026!";

    public sealed record DemoUser(string Email, string Name, string Role, string? OrganisationNumber);

    public static readonly DemoUser[] Users =
    [
        new("sokande@demo.grants.se", "Sara Sökande (Gymnasiekontoret)", Roles.Applicant, "212000-2643"),
        new("sokande.norsjo@demo.grants.se", "Nils Norsjö (Norsjö kommun)", Roles.Applicant, "212000-2858"),
        new("kansli@demo.grants.se", "Karin Kansli (förbundschef)", Roles.Secretariat, null),
        new("lsg@demo.grants.se", "Lars Lsg (Arbetsförmedlingen)", Roles.Lsg, null),
        new("styrelse@demo.grants.se", "Stina Styrelse (ordförande)", Roles.Board, null),
        new("admin@demo.grants.se", "Adam Admin", Roles.Admin, null),
    ];

    public async Task LoadAsync()
    {
        var now = time.GetUtcNow();
        foreach (var org in DemoApplications.Organisations)
        {
            var digits = SwedishIdentifiers.Digits(org.OrganisationNumber);
            if (!await db.Organisations.AnyAsync(o => o.OrganisationNumber == digits))
                db.Organisations.Add(new Organisation { Name = org.Name, OrganisationNumber = digits, CreatedAt = now });
        }
        await db.SaveChangesAsync();

        foreach (var u in Users)
        {
            if (await users.FindByEmailAsync(u.Email) is not null) continue;
            Guid? orgId = null;
            if (u.OrganisationNumber is { } nr)
            {
                var digits = SwedishIdentifiers.Digits(nr);
                orgId = (await db.Organisations.SingleAsync(o => o.OrganisationNumber == digits)).Id;
            }
            var user = new AppUser { UserName = u.Email, Email = u.Email, EmailConfirmed = true, DisplayName = u.Name, OrganisationId = orgId };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo user {u.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, u.Role);
        }

        if (!await db.Applications.AnyAsync())
        {
            await DemoApplications.LoadAsync(db, now, workflow);
            log.LogInformation("Demo applications loaded");
        }
        await DemoLsg.LoadAsync(db, now);
        // Budget year 2015 reproducing § 600, and the current year.
        await DemoEconomy.LoadAsync(db, now, TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year);
        // The rule runs first: the follow-up demo moves a case on past the no-hinder guard.
        await eligibility.LoadAsync();
        if (options.Value.DemoFollowUp) await followUp.LoadAsync();
        await board.LoadAsync();
    }
}
