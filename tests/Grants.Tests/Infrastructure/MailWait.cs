using System.Diagnostics;
using System.Text;
using Grants.Infrastructure;
using Grants.Mail;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Grants.Tests.Infrastructure;

/// <summary>
/// Waits for a mail the host's own background delivery (the outbox job on Hangfire's mail queue) hands to the real SMTP
/// server. No fixed sleep: it polls the Maildir. When it gives up it says why the mail is missing (the outbox rows,
/// Hangfire's queues and workers, the thread pool), so a failure on a loaded CI machine can be read from the log.
/// </summary>
public static class MailWait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task<MimeMessage> ForAsync(GrantsApp app, SmtpServer smtp, Func<MimeMessage, bool> match, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Limit)
        {
            if (smtp.Messages().LastOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail {what} within {Limit.TotalSeconds:0} s.\n{await DiagnoseAsync(app)}");
    }

    /// <summary>The mail to <paramref name="to"/> whose subject starts with <paramref name="subject"/>.</summary>
    public static Task<MimeMessage> ToAsync(GrantsApp app, SmtpServer smtp, string to, string subject) =>
        ForAsync(app, smtp,
            m => m.To.ToString().Contains(to, StringComparison.Ordinal) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal),
            $"'{subject}' to {to}");

    /// <summary>What the host's mail machinery is doing now: unsent outbox rows and Hangfire's view of its jobs.</summary>
    public static async Task<string> DiagnoseAsync(GrantsApp app)
    {
        var text = new StringBuilder();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var unsent = await db.OutboxMails.AsNoTracking().Where(m => m.SentAt == null).OrderBy(m => m.Id).Take(20).ToListAsync();
            text.AppendLine($"Unsent outbox rows: {unsent.Count}");
            foreach (var m in unsent)
                text.AppendLine($"  #{m.Id} {m.Key} attempts={m.Attempts} queuedBy={m.QueuedBy} claimedUntil={m.ClaimedUntil:O} error={m.LastError}");
        }
        var monitor = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        foreach (var s in monitor.Servers())
            text.AppendLine($"Server {s.Name}: workers={s.WorkersCount} queues={string.Join(",", s.Queues)} heartbeat={s.Heartbeat:O}");
        foreach (var q in monitor.Queues())
            text.AppendLine($"Queue {q.Name}: length={q.Length} first={string.Join(", ", q.FirstJobs.Select(j => j.Value.Job?.Method.Name))}");
        foreach (var p in monitor.ProcessingJobs(0, 20))
            text.AppendLine($"Processing: {p.Value.Job?.Type.Name}.{p.Value.Job?.Method.Name} since {p.Value.StartedAt:O}");
        foreach (var s in monitor.ScheduledJobs(0, 20))
            text.AppendLine($"Scheduled (retry): {s.Value.Job?.Type.Name}.{s.Value.Job?.Method.Name} at {s.Value.EnqueueAt:O}");
        foreach (var f in monitor.FailedJobs(0, 10))
            text.AppendLine($"Failed: {f.Value.Job?.Type.Name}.{f.Value.Job?.Method.Name}: {f.Value.ExceptionMessage}");
        ThreadPool.GetAvailableThreads(out var workers, out _);
        text.AppendLine($"Thread pool: threads={ThreadPool.ThreadCount} pending={ThreadPool.PendingWorkItemCount} available={workers}");
        return text.ToString();
    }
}
