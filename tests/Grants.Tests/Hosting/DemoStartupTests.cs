using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Hosting;

/// <summary>
/// The demo loads as `dotnet run -- --demo` loads it: with every feature's demo on and a clock that moves while
/// it loads (a frozen test clock once hid a demo step that compared two readings of it).
/// </summary>
public sealed class DemoStartupTests
{
    [Fact]
    public async Task The_whole_demo_loads_with_a_moving_clock()
    {
        await using var app = new GrantsApp().With("App:DemoFollowUp", "true");
        app.Time.AutoAdvanceAmount = TimeSpan.FromMilliseconds(3);
        var health = await app.Anonymous().GetAsync("/health");
        health.IsSuccessStatusCode.Should().BeTrue();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        (await db.Meetings.CountAsync()).Should().Be(1, "the demo board has its upcoming meeting");
        (await db.Applications.CountAsync(a => a.State == "pa-foredragningslista")).Should().Be(4);
        (await db.ReportPlans.CountAsync()).Should().Be(1, "the follow-up demo has its project");
        (await db.BudgetYears.CountAsync()).Should().BeGreaterThanOrEqualTo(2);
    }
}
