using Grants.FollowUp;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Meetings;
using Grants.Shared;
using Grants.Tests.Infrastructure;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.FollowUp;

/// <summary>Decisions published the way the board's adjustment publishes them, and the sweep and outbox run by hand.</summary>
public static class FollowUpArrange
{
    public static readonly Actor Secretary = new("board-secretary", "Karin Kansli (sekreterare)", Roles.Secretariat);
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>A GrantsApp whose mail goes to the SMTP fixture (the fixture never runs the recurring sweep by itself).</summary>
    public static GrantsApp WithSmtp(SmtpServer smtp)
    {
        var app = new GrantsApp();
        foreach (var (key, value) in smtp.Settings()) app.With(key, value);
        return app;
    }

    /// <summary>09:00 Stockholm time on the day.</summary>
    public static DateTimeOffset At(DateOnly day, int hour = 9)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local)).ToUniversalTime();
    }

    public static async Task<Guid> DemoApplicationAsync(GrantsApp app, string projectName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Applications.SingleAsync(a => a.ProjectName == projectName)).Id;
    }

    /// <summary>
    /// Puts the application on the agenda (the LSG and agenda steps are tested in their own features), then in one unit of work
    /// fires the board's trigger, publishes the decision to every listener, saves once and runs the entry actions: as the adjustment does.
    /// </summary>
    public static async Task PublishAsync(GrantsApp app, Guid applicationId, DecisionKind kind, DateOnly start, DateOnly end,
        IReadOnlyList<GrantedAmount> granted, IReadOnlyList<DecisionCondition>? conditions = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GrantsDbContext>();
        var engine = sp.GetRequiredService<IWorkflowEngine>();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        application.State = "pa-foredragningslista";
        var trigger = kind switch
        {
            DecisionKind.Granted => "bevilja",
            DecisionKind.PartlyGranted => "bevilja-delvis",
            DecisionKind.ConditionallyGranted => "bevilja-villkorat",
            _ => "avsla",
        };
        var fired = await engine.ApplyAsync(application, Door.Adjustment, trigger, Secretary, "§ 700", default);
        fired.IsOk.Should().BeTrue(fired.Message);
        var decision = new ApplicationDecisionTaken(applicationId, Guid.NewGuid(), new DateOnly(2026, 2, 24), 700, kind, granted, conditions ?? [],
            start, end, null, app.Time.GetUtcNow(), Secretary);
        foreach (var listener in sp.GetServices<IDecisionListener>()) await listener.OnDecisionTakenAsync(decision, default);
        await db.SaveChangesAsync();
        await engine.RunPendingActionsAsync(default);
    }

    public static async Task<List<Report>> ReportsAsync(GrantsApp app, Guid applicationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().Reports.AsNoTracking().Include(r => r.Plan).Include(r => r.Versions)
            .Where(r => r.ApplicationId == applicationId).OrderBy(r => r.DueDate).ToListAsync();
    }

    /// <summary>Moves the clock and runs the report reminder step once, as the sweep does.</summary>
    public static async Task<int> RemindAsync(GrantsApp app, DateOnly day, int hour = 9)
    {
        app.Time.SetUtcNow(At(day, hour));
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportReminderStep>().RunAsync(app.Time.GetUtcNow(), default);
    }

    /// <summary>Delivers every unsent outbox row through the real delivery job (throws while SMTP is down, as Hangfire sees it).</summary>
    public static async Task DeliverAsync(GrantsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        var ids = await db.OutboxMails.Where(m => m.SentAt == null).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        foreach (var id in ids)
        {
            await using var one = app.Services.CreateAsyncScope();
            await one.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(id, default);
        }
    }

    public static string ReportLink(Guid reportId) => $"http://127.0.0.1:5080/FollowUp/Report/{reportId}";
}
