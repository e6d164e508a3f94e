using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grants.Tests.Workflow;

/// <summary>
/// The app over a real SQLite file in a private folder, with a private copy of workflows/ (so a test may
/// change a definition) and a FakeTimeProvider. Minimal on purpose; the shared fixture lives in tests/Grants.Tests/Infrastructure.
/// </summary>
public sealed class WorkflowHost : WebApplicationFactory<Program>
{
    public const string Password = "Test-losen-2026!";
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "grants-wf-" + Guid.NewGuid().ToString("N"));
    public string WorkflowsDir => Path.Combine(Dir, "workflows");
    public string MailDir => Path.Combine(Dir, "mail");
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    /// <summary>This run's engine (<see cref="Infrastructure.TestDatabase"/>).</summary>
    public Infrastructure.TestDatabase Database { get; }

    public WorkflowHost()
    {
        CopyDirectory(RepoWorkflows(), WorkflowsDir);
        Database = Infrastructure.TestDatabase.Create(Dir);
    }

    /// <summary>A host whose workflows/ copy is changed before start (broken-definition tests).</summary>
    public static WorkflowHost With(Action<string> prepareWorkflows)
    {
        var host = new WorkflowHost();
        prepareWorkflows(host.WorkflowsDir);
        return host;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Grants.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Grants.sln not found above the test output.");
    }

    public static string RepoWorkflows() => Path.Combine(RepoRoot(), "workflows");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Mail:PickupFolder", MailDir);
        builder.UseSetting("App:Demo", "false");
        // The test client talks plain http; Secure cookies (the default) would make antiforgery refuse every form page.
        builder.UseSetting("App:SecureCookies", "false");
        builder.UseSetting("Workflow:DefinitionsFolder", WorkflowsDir);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Time));
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Delivers every unsent outbox row now (to the pickup folder), as the kicked sweep would.</summary>
    public async Task DeliverOutboxAsync()
    {
        List<long> ids;
        await using (var scope = Scope())
            ids = await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().OutboxMails.Where(m => m.SentAt == null).Select(m => m.Id).ToListAsync();
        foreach (var id in ids)
        {
            await using var one = Scope();
            await one.ServiceProvider.GetRequiredService<Grants.Mail.OutboxDelivery>().DeliverAsync(id, default);
        }
    }

    public async Task<Organisation> OrganisationAsync(string name = "Skellefteå kommun", string number = "2120002643")
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationNumber == number);
        if (org is not null) return org;
        org = new Organisation { Name = name, OrganisationNumber = number, CreatedAt = Time.GetUtcNow() };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org;
    }

    /// <summary>A user in the role, signed in through the real token endpoint.</summary>
    public async Task<HttpClient> ClientAsync(string role, Guid? organisationId = null, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant().Replace('ö', 'o')}-{Guid.NewGuid():N}@test.example";
        string? authenticatorKey = null;
        await using (var scope = Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}", OrganisationId = organisationId };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
            // Staff must sign in with a second factor: give the account an authenticator and send its code.
            var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
            if (Roles.Staff.Contains(role))
            {
                if (!account.TwoFactorEnabled)
                {
                    await users.ResetAuthenticatorKeyAsync(account);
                    await users.SetTwoFactorEnabledAsync(account, true);
                }
                authenticatorKey = await users.GetAuthenticatorKeyAsync(account);
            }
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // The authenticator token provider checks against the wall clock, not the fake one.
        var code = authenticatorKey is null ? null : Grants.Tests.Identity.Totp.Code(authenticatorKey, DateTimeOffset.UtcNow);
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password, twoFactorCode = code });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public sealed record TokenResponse(string AccessToken);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Database.Drop();
        try { Directory.Delete(Dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), true);
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

/// <summary>A complete, valid application form (fictional persons).</summary>
public static class Forms
{
    public static ApplicationForm Complete(string project = "Vägen vidare", params OtherFunder[] financing) => new()
    {
        Organisation = new OrganisationSection
        {
            Name = "Skellefteå kommun", Unit = "Gymnasiekontoret", Type = OrganisationType.Kommun, Signatory = "Eva Exempel",
            OrganisationNumber = "212000-2643", Address = "Storgatan 1", PostalCode = "931 85", City = "Skellefteå",
            Contact = new ContactPerson { Name = "Kim Kontakt", Phone = "0910-00 00 00", Email = "kim.kontakt@test.example" },
            PaymentAccountKind = PaymentAccountKind.Bankgiro, PaymentAccount = "5741-0151",
        },
        Project = new ProjectSection
        {
            Name = project, Background = "Bakgrund", Purpose = "Syfte", Goals = ["20 deltagare i arbete eller studier"],
            BoundariesAndAddedValue = "Mervärde", Activities = "Aktiviteter", StartDate = new DateOnly(2026, 8, 1), EndDate = new DateOnly(2027, 6, 30),
            GenderEquality = "Jämställdhet", Accessibility = "Tillgänglighet", Diversity = "Mångfald", Implementation = "Implementering",
        },
        TargetGroup = new TargetGroupSection { Description = "Unga 16–24", Participants = 20, AgeMin = 16, AgeMax = 24, Women = 10, Men = 10 },
        Cooperation = new CooperationSection { Members = [new MemberParticipation { MemberKey = "skelleftea", How = "Huvudman" }, new MemberParticipation { MemberKey = "af", How = "Handledning" }] },
        FollowUp = new FollowUpSection { Plan = "Lägesrapport två gånger per år", ResponsibleName = "Rita Rektor", ResponsibleEmail = "rita.rektor@test.example" },
        Budget = [new BudgetYear { Year = 2026, Personnel = 200_000, Other = 20_000 }, new BudgetYear { Year = 2027, Personnel = 200_000 }],
        Financing = financing.ToList(),
        Signature = new SignatureSection { Name = "Eva Exempel", NameInPrint = "Eva Exempel", Role = "Förvaltningschef", Date = new DateOnly(2026, 3, 1) },
    };
}
