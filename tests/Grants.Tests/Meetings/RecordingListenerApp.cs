using System.Collections.Concurrent;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Shared;
using Grants.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Meetings;

/// <summary>The app with one extra <see cref="IDecisionListener"/> that writes an audit row (in the adjustment's unit of work) and remembers what it got.</summary>
public sealed class RecordingListenerApp : GrantsApp
{
    public ConcurrentQueue<ApplicationDecisionTaken> Received { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddScoped<IDecisionListener>(sp => new RecordingListener(sp.GetRequiredService<GrantsDbContext>(), Received)));
    }

    private sealed class RecordingListener(GrantsDbContext db, ConcurrentQueue<ApplicationDecisionTaken> received) : IDecisionListener
    {
        public Task OnDecisionTakenAsync(ApplicationDecisionTaken decision, CancellationToken ct)
        {
            received.Enqueue(decision);
            db.AuditEntries.Add(AuditEntry.Of(decision.AdjustedBy, decision.AdjustedAt, "TestListener", decision.ApplicationId.ToString(), "test.decision-taken",
                $"{decision.Kind} {decision.TotalGranted}"));
            return Task.CompletedTask;
        }
    }
}
