using System.Text.Json;
using Grants.Applications;
using Grants.Association;
using Grants.Demo;
using Grants.Identity;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Demo;

/// <summary>The demo applications: complete, faithful to seeds/004 in amounts and groups, and free of real persons.</summary>
public sealed class DemoApplicationsTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    /// <summary>Net amount applied for per year, as the notice, minutes and forms of seeds/004 state it.</summary>
    private static readonly Dictionary<string, Dictionary<int, long>> SourceAmountsPerYear = new()
    {
        ["ready"] = new() { [2015] = 430_000 },
        ["knutn"] = new() { [2015] = 266_000, [2016] = 139_600 },
        ["orienteringskurs"] = new() { [2015] = 400_000, [2016] = 400_000, [2017] = 400_000 },
        ["via"] = new() { [2015] = 600_000 },
        ["vaxthuset"] = new() { [2015] = 295_000 },
        ["solen"] = new() { [2015] = 820_000 },
        ["migrantmodrar"] = new() { [2015] = 180_000 },
    };

    /// <summary>Totals from the sources (Aktiv uppföljning states only 400 000 over 2015–2017).</summary>
    private static readonly Dictionary<string, long> SourceTotals = new()
    {
        ["ready"] = 430_000,
        ["knutn"] = 405_600,
        ["orienteringskurs"] = 1_200_000,
        ["via"] = 600_000,
        ["vaxthuset"] = 295_000,
        ["aktiv-uppfoljning"] = 400_000,
        ["solen"] = 820_000,
        ["migrantmodrar"] = 180_000,
    };

    /// <summary>Real persons and their contact details in seeds/004; none may appear in the demo.</summary>
    private static readonly string[] SeedPersons =
    [
        "Midlert", "Lundholm", "Lindfors", "Wikström", "Eleonore", "Hedman", "Stellan", "Berglund", "Almgren",
        "Viklund", "Kenneth Andersson", "Eva Hedlund", "Lindgren-Tuoma", "Margareta Larsson", "Rönnblom", "Behrens",
        "Lundmark", "Carolina Marklund", "Söderberg", "Camilla Hedlund", "Håkan Jansson",
        "@skelleftea.se", "@norsjo.se", "070-910591", "71 25 65", "141 39", "249 99 50",
    ];

    [Fact]
    public void There_are_the_eight_cases_of_the_source()
    {
        DemoApplications.Cases().Select(c => c.Form.Project.Name).Should().BeEquivalentTo(
            "READY", "Knut'n 2.0", "Orienteringskurs i samverkan", "VIA – Validering.Innovativt.Arbeta.",
            "Växthuset", "Aktiv uppföljning", "Solen", "Migrantmödrar");
    }

    [Fact]
    public void Every_demo_form_passes_submit_validation_against_the_demo_members()
    {
        var profile = DemoProfile();
        var failures = DemoApplications.Cases()
            .Select(c => (c.Key, Errors: ApplicationValidator.Validate(c.Form, profile, ValidationMode.Submit).ToDictionary()))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Key}: {string.Join("; ", r.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))}")
            .ToList();
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Amounts_applied_for_match_the_sources()
    {
        foreach (var c in DemoApplications.Cases())
        {
            c.Form.Totals.AmountApplied.Should().Be(SourceTotals[c.Key], c.Key);
            if (SourceAmountsPerYear.TryGetValue(c.Key, out var perYear))
                c.Form.Totals.Years.ToDictionary(y => y.Year, y => y.NetCost).Should().BeEquivalentTo(perYear, c.Key);
        }
        Case("aktiv-uppfoljning").Form.Budget.Select(y => y.Year).Should().Equal(2015, 2016, 2017);
    }

    [Fact]
    public void Target_groups_types_and_funders_follow_the_sources()
    {
        Case("solen").Form.TargetGroup.Categories.Should().Contain(TargetCategory.Asylsokande);
        Case("migrantmodrar").Form.TargetGroup.Categories.Should().Contain(TargetCategory.Asylsokande);
        Case("via").Form.TargetGroup.Categories.Should().Contain(TargetCategory.NyanlandaMedUppehallstillstand);
        Case("via").Form.TargetGroup.Participants.Should().Be(30);
        Case("via").Form.Financing.Should().HaveCount(2).And.OnlyContain(f => f.Status == FunderStatus.Sokt);
        Case("via").Form.Financing.Select(f => f.Name).Should().Contain(n => n!.Contains("socialfonden")).And.Contain("Skellefteå kommun");
        Case("vaxthuset").Form.Organisation.Type.Should().Be(OrganisationType.ArbetsintegrerandeSocialtForetag);
        Case("orienteringskurs").Form.TargetGroup.AgeMin.Should().Be(25);
        Case("orienteringskurs").Form.TargetGroup.AgeMax.Should().Be(64);

        // "Few participants for its cost": the förbund's share per participant is far above every other case's.
        static long PerParticipant(DemoApplications.DemoCase c) => c.Form.Totals.AmountApplied / c.Form.TargetGroup.Participants!.Value;
        var orientering = PerParticipant(Case("orienteringskurs"));
        DemoApplications.Cases().Where(c => c.Key != "orienteringskurs").Select(PerParticipant)
            .Should().OnlyContain(p => p * 2 < orientering);

        foreach (var c in DemoApplications.Cases())
            c.Form.Cooperation.Members.Select(m => m.MemberKey).Should().BeSubsetOf(["fk", "af", "skelleftea", "norsjo", "region-vb"]);
    }

    [Fact]
    public void No_person_from_the_seed_appears_in_the_demo()
    {
        var texts = DemoApplications.Cases().Select(c => JsonSerializer.Serialize(c.Form, FormJsonOptions.Options))
            .Concat(DemoData.Users.Select(u => u.Name + " " + u.Email))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoRoot, "src", "Grants", "Demo"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText))
            .ToList();
        foreach (var person in SeedPersons)
            texts.Should().NotContain(t => t.Contains(person, StringComparison.OrdinalIgnoreCase), $"\"{person}\" is a real person in seeds/004");

        foreach (var f in DemoApplications.Cases().Select(c => c.Form))
        {
            f.Organisation.Contact.Email.Should().EndWith("@exempel.se");
            f.FollowUp.ResponsibleEmail.Should().EndWith("@exempel.se");
        }
    }

    [Fact]
    public void Submissions_form_a_gapless_series_in_May_2015_and_drafts_belong_to_the_demo_applicant()
    {
        var cases = DemoApplications.Cases();
        var received = cases.Where(c => c.Submission is not null).Select(c => c.Submission!).ToList();
        received.Select(s => s.Sequence).Order().Should().Equal(Enumerable.Range(1, received.Count));
        received.Should().OnlyContain(s => s.ArrivalDate.Year == 2015 && s.ArrivalDate.Month == 5);
        received.OrderBy(s => s.Sequence).Select(s => s.ArrivalDate).Should().BeInAscendingOrder();

        var drafts = cases.Where(c => c.Submission is null).ToList();
        drafts.Should().NotBeEmpty().And.OnlyContain(c => c.OrganisationNumber == "212000-2643");
        DemoData.Users.Should().Contain(u => u.Role == Roles.Applicant && u.OrganisationNumber == "212000-2643");

        var organisations = DemoApplications.Organisations.Select(o => o.OrganisationNumber).ToList();
        organisations.Should().OnlyHaveUniqueItems().And.OnlyContain(n => SwedishIdentifiers.IsValidOrganisationNumber(n));
        foreach (var c in cases)
        {
            organisations.Should().Contain(c.OrganisationNumber, c.Key);
            c.Form.Organisation.OrganisationNumber.Should().Be(c.OrganisationNumber, c.Key);
        }
    }

    [Fact]
    public async Task Loading_stores_received_applications_with_version_1_and_the_series_continues()
    {
        // The app over a real SQLite file (migrated, profile stored, workflows loaded): the workflow engine moves received ones to "inkommen".
        using var host = new Workflow.WorkflowHost();
        _ = host.Server;
        {
            var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
            await using (var scope = host.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
                foreach (var o in DemoApplications.Organisations)
                    db.Organisations.Add(new Organisation { Name = o.Name, OrganisationNumber = SwedishIdentifiers.Digits(o.OrganisationNumber), CreatedAt = now });
                foreach (var u in DemoData.Users)
                    db.Users.Add(new AppUser { UserName = u.Email, Email = u.Email, DisplayName = u.Name });
                await db.SaveChangesAsync();
                await DemoApplications.LoadAsync(db, now, scope.ServiceProvider.GetRequiredService<Grants.Workflow.IWorkflowEngine>());
            }

            await using (var check = host.Scope())
            {
                var db = check.ServiceProvider.GetRequiredService<GrantsDbContext>();
                var apps = await db.Applications.Include(a => a.Versions).Include(a => a.Organisation).ToListAsync();
                apps.Should().HaveCount(8);
                var received = apps.Where(a => !a.IsDraft).OrderBy(a => a.RegistrationSequence).ToList();
                received.Select(a => a.RegistrationNumber).Should().Equal(Enumerable.Range(1, 7).Select(n => $"SKN 2015/{n}"));
                received.Should().OnlyContain(a => a.State == ApplicationStates.Received && a.Versions.Count == 1 && a.ArrivalDate!.Value.Month == 5);
                received.Single(a => a.ProjectName == "READY").RegisteredOnBehalf.Should().BeFalse();
                received.Single(a => a.ProjectName == "Växthuset").RegisteredOnBehalf.Should().BeTrue();
                foreach (var a in apps)
                {
                    a.AmountApplied.Should().Be(a.Form.Totals.AmountApplied);
                    a.Organisation!.OrganisationNumber.Should().Be(SwedishIdentifiers.Digits(a.Form.Organisation.OrganisationNumber));
                }
                received.Single(a => a.ProjectName == "Knut'n 2.0").Versions[0].ReadForm().Totals.AmountApplied.Should().Be(405_600);
                apps.Single(a => a.IsDraft).Organisation!.OrganisationNumber.Should().Be("2120002643");
                (await db.AuditEntries.CountAsync(e => e.Action == "application.submitted")).Should().Be(7);

                // The next submission of 2015 continues the series: the counter stands at the last number loaded.
                (await db.RegistrationCounters.SingleAsync(c => c.Year == 2015)).Last.Should().Be(7);
            }
        }
    }

    private static DemoApplications.DemoCase Case(string key) => DemoApplications.Cases().Single(c => c.Key == key);

    private static AssociationProfile DemoProfile()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoRoot, "src", "Grants", "appsettings.json")).Build();
        var options = config.GetSection(AssociationOptions.Section).Get<AssociationOptions>()
            ?? throw new InvalidOperationException("appsettings.json has no Association section.");
        return AssociationProfile.FromOptions(options);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grants.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Grants.sln not found above the test output folder.");
    }
}
