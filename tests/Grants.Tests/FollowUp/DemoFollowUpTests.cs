using Grants.Demo;
using Grants.FollowUp;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.FollowUp;

/// <summary>The demo förbund shows follow-up working: a granted project with a handed-in status report and an overdue final report.</summary>
public sealed class DemoFollowUpTests(DemoFollowUpTests.App app) : IClassFixture<DemoFollowUpTests.App>
{
    /// <summary>The demo as `--demo` loads it, follow-up included.</summary>
    public sealed class App : GrantsApp
    {
        public App() => With("App:DemoFollowUp", "true");
    }

    [Fact]
    public async Task The_demo_project_has_a_plan_a_handed_in_status_report_and_an_overdue_final_report_that_the_sweep_reminds_about()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GrantsDbContext>();
        var application = await db.Applications.SingleAsync(a => a.ProjectName == DemoFollowUp.ProjectName);
        application.State.Should().Be("delvis-beviljad");
        var reports = await db.Reports.AsNoTracking().Include(r => r.Versions).Where(r => r.ApplicationId == application.Id).OrderBy(r => r.DueDate).ToListAsync();
        reports.Select(r => (r.Kind, r.DueDate, r.State)).Should().Equal(
            (ReportKind.StatusReport, new DateOnly(2015, 6, 30), ReportStates.Submitted),
            (ReportKind.FinalReport, new DateOnly(2016, 2, 29), ReportStates.Planned));
        reports[0].Versions.Should().ContainSingle();

        await sp.GetRequiredService<ReportReminderStep>().RunAsync(app.Time.GetUtcNow(), default);
        db.ChangeTracker.Clear();
        (await db.Reports.SingleAsync(r => r.Id == reports[1].Id)).State.Should().Be(ReportStates.Late);
        var mail = await db.OutboxMails.SingleAsync(m => m.Key.StartsWith($"report-reminder:{reports[1].Id}:"));
        mail.Subject.Should().Be("Försenad återrapport: Slutrapport 2016-02-29");
        mail.Cc.Should().Contain("kansli@demo.grants.se");

        var row = (await sp.GetRequiredService<FollowUpQueries>().OverviewAsync(default)).Single(r => r.ApplicationId == application.Id);
        (row.Overdue, row.Granted, row.Reported, row.NextReportTitle).Should().Be((1, 200_000L, 32_500L, "Slutrapport 2016-02-29"));
    }
}
