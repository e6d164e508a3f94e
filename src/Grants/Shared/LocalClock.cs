using Grants.Infrastructure;
using Microsoft.Extensions.Options;

namespace Grants.Shared;

/// <summary>The förbund's local time (Europe/Stockholm) over the injected TimeProvider.</summary>
public sealed class LocalClock(TimeProvider time, IOptions<AppOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);
    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);
    public DateTimeOffset ToLocal(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, _zone);
    public DateOnly DateOf(DateTimeOffset t) => DateOnly.FromDateTime(ToLocal(t).DateTime);
}
