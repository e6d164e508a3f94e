using Grants.Identity;
using Grants.Infrastructure;
using Grants.Organisations;
using Grants.Tests.Infrastructure;
using Grants.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Organisations.ApplicantPages;

namespace Grants.Tests.Identity;

/// <summary>The sweep deletes registrations never confirmed within Accounts:UnconfirmedRetentionDays (7), and nothing else.</summary>
public sealed class UnconfirmedRegistrationTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private const string Stale = "glomsk@sju.example";
    private const string Confirmed = "bekraftad@sju.example";
    private const string Again = "igen@sju.example";
    private const string InvitedStaff = "inbjuden.personal@forbund.example";

    [Fact]
    public async Task Unconfirmed_registrations_older_than_the_retention_are_deleted_once_and_audited_while_confirmed_invited_and_renewed_ones_stay()
    {
        await RegisterAsync(Browser(app), "Greta Glömsk", Stale, "802401-4568", "Sjuans förening");
        await RegisterAsync(Browser(app), "Bo Bekräftad", Confirmed, "802401-4568", "Sjuans förening");
        await ConfirmAsync(Browser(app), await LinkMailedAsync(app, Confirmed, "account-confirm:"));
        await RegisterAsync(Browser(app), "Ivar Igen", Again, "802401-4568", "Sjuans förening");
        await InvitedStaffAsync();
        var staleId = await IdOfAsync(Stale);

        app.Time.Advance(TimeSpan.FromDays(5));
        await RegisterAsync(Browser(app), "Ivar Igen", Again, "802401-4568", "Sjuans förening"); // registering again restarts the period
        app.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5));
        await SweepAsync();
        (await EmailsAsync()).Should().Contain(Stale, "seven days have not passed yet");

        app.Time.Advance(TimeSpan.FromMinutes(10));
        await SweepAsync();
        await SweepAsync(); // a second run finds nothing more to do
        (await EmailsAsync()).Should().NotContain(Stale).And.Contain([Confirmed, Again, InvitedStaff]);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await db.Set<MembershipRequest>().AnyAsync(r => r.UserId == staleId)).Should().BeFalse();
            (await db.AccountLinks.AnyAsync(l => l.UserId == staleId)).Should().BeFalse();
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AccountAudit.EntityType && a.EntityId == staleId).ToListAsync();
            audit.Where(a => a.Action == AccountAudit.UnconfirmedDeleted).Should().ContainSingle()
                .Which.Details.Should().Be("Registreringen bekräftades inte inom 7 dagar");
            audit.Should().Contain(a => a.Action == AccountAudit.Registered).And.OnlyContain(a => a.Details == null || !a.Details.Contains(Stale),
                "the log keeps the event but not the address");
        }

        app.Time.Advance(TimeSpan.FromDays(5));
        await SweepAsync();
        (await EmailsAsync()).Should().NotContain(Again).And.Contain([Confirmed, InvitedStaff]);
    }

    /// <summary>An invited staff member who has not yet set up the account is unconfirmed too, but never swept.</summary>
    private async Task InvitedStaffAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = InvitedStaff, Email = InvitedStaff, DisplayName = "Inbjuden Personal", CreatedAt = app.Time.GetUtcNow() };
        (await users.CreateAsync(user)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Lsg)).Succeeded.Should().BeTrue();
    }

    private async Task SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowSweep>().RunAsync(CancellationToken.None);
    }

    private async Task<List<string?>> EmailsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.Where(u => u.Email!.EndsWith("sju.example") || u.Email == InvitedStaff)
            .Select(u => u.Email).ToListAsync();
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
