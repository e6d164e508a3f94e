using System.Diagnostics;
using Grants.Applications;
using Grants.FollowUp;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grants.Bench;

/// <summary>
/// One run of the report reminder sweep step over N active report plans (three reports each; 2 % of the reports have a
/// reminder occasion due today), beside a baseline in the same database and run: the bare indexed query that only selects
/// the due rows. Sizes 1 000, 10 000 and 100 000 plans show how the run grows. BENCH_POSTGRES adds PostgreSQL.
/// </summary>
public static class ReminderBench
{
    private static readonly DateOnly Today = new(2026, 6, 16);

    public static async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1_000, 10_000, 100_000];
        Console.WriteLine($"Reminder benchmark: {Environment.ProcessorCount} cores; 3 reports per plan, 2 % due today");
        Console.WriteLine($"{"engine",-10} {"plans",8} {"reports",8} {"due",6} {"baseline query",15} {"reminder run",13} {"per due report",15} {"idle re-run",12}");
        var dir = Directory.CreateTempSubdirectory("grants-bench-rem-");
        foreach (var n in sizes)
            await RunSizeAsync(n, DatabaseEngine.Sqlite, $"Data Source={Path.Combine(dir.FullName, $"grants-{n}.db")}", dir.FullName);
        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } server)
        {
            foreach (var n in sizes)
                await RunSizeAsync(n, DatabaseEngine.PostgreSql, await BarePostgres.FreshDatabaseAsync(server, $"bench_reminders_{n}"), dir.FullName);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private static async Task RunSizeAsync(int plans, string provider, string connectionString, string dir)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
        await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(SubmitBench.RepoRoot(), "src", "Grants"));
            b.UseSetting("Urls", "http://127.0.0.1:0");
            b.UseSetting("Database:Provider", provider);
            b.UseSetting("Database:ConnectionString", connectionString);
            b.UseSetting("Mail:PickupFolder", Path.Combine(dir, $"mail-{provider}-{plans}"));
            b.UseSetting("App:Demo", "true");
            b.UseSetting("Hangfire:SweepCron", "0 0 1 1 *");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        }))
        {
            _ = factory.Services;
            var reports = await SeedAsync(factory.Services, plans);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            await ReportReminderStep.Due(db, Today).Select(r => r.Id).ToListAsync(); // warm-up: compile the query, open the pool

            var watch = Stopwatch.StartNew();
            var due = (await ReportReminderStep.Due(db, Today).Select(r => r.Id).ToListAsync()).Count;
            var baseline = watch.Elapsed;

            watch.Restart();
            await scope.ServiceProvider.GetRequiredService<ReportReminderStep>().RunAsync(clock.GetUtcNow(), default);
            var run = watch.Elapsed;

            watch.Restart();
            await scope.ServiceProvider.GetRequiredService<ReportReminderStep>().RunAsync(clock.GetUtcNow(), default);
            var idle = watch.Elapsed;
            Console.WriteLine($"{provider,-10} {plans,8} {reports,8} {due,6} {Ms(baseline),15} {Ms(run),13} {Ms(run / Math.Max(1, due)),15} {Ms(idle),12}");
        }
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0.0} ms";

    /// <summary>Plans, reports and their applications written in batches (not timed); each report pinned to aterrapport and planned.</summary>
    private static async Task<int> SeedAsync(IServiceProvider services, int plans)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var template = await db.Applications.AsNoTracking().FirstAsync(a => a.ProjectName == "READY");
        var hash = scope.ServiceProvider.GetRequiredService<WorkflowRegistry>().CurrentOf(Report.WorkflowKey).Hash;
        var appHash = scope.ServiceProvider.GetRequiredService<WorkflowRegistry>().CurrentOf(Application.WorkflowKey).Hash;
        var count = 0;
        for (var i = 0; i < plans; i++)
        {
            var app = new Application
            {
                OrganisationId = template.OrganisationId, Form = template.Form, ProjectName = $"Projekt {i}", State = "beviljad", WorkflowHash = appHash,
                CreatedAt = template.CreatedAt, UpdatedAt = template.CreatedAt, CreatedBy = "bench", UpdatedBy = "bench",
                // A record beyond utkast carries its number and arrival (the database's check constraint).
                ReceivedAt = template.CreatedAt, ArrivalDate = new DateOnly(2025, 3, 1),
                RegistrationNumber = $"BENCH 2025/{i}", RegistrationYear = 2025, RegistrationSequence = i + 1,
            };
            var plan = new ReportPlan
            {
                ApplicationId = app.Id, DecisionKind = DecisionKind.Granted, ParagraphNumber = 700 + i, MeetingDate = Today.AddDays(-200),
                Granted = [new GrantedAmount(2026, 100_000)], ProjectStart = Today.AddDays(-180), ProjectEnd = Today.AddDays(400),
                ResponsibleName = "Ansvarig", ResponsibleEmail = $"ansvarig{i}@exempel.se", ActivatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = "bench",
            };
            db.Applications.Add(app);
            db.ReportPlans.Add(plan);
            for (var k = 0; k < 3; k++)
            {
                count++;
                // 2 % have an occasion today (due in 14 days); the rest wait for a later day.
                var dueToday = count % 50 == 0;
                var dueDate = dueToday ? Today.AddDays(14) : Today.AddDays(30 + (count % 300));
                db.Reports.Add(new Report
                {
                    PlanId = plan.Id, ApplicationId = app.Id, Kind = k == 2 ? ReportKind.FinalReport : ReportKind.StatusReport, DueDate = dueDate,
                    State = ReportStates.Planned, WorkflowHash = hash, NextActionOn = dueDate.AddDays(-14), UpdatedBy = "bench",
                });
            }
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return count;
    }
}
