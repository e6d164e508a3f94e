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

    /// <summary>
    /// An instant as a person reads it: "2026-03-13 00:30" in the förbund's time zone. Every page, document, mail and
    /// export that shows a time goes through here (an instant stored in UTC never reaches a person as UTC).
    /// </summary>
    public string Format(DateTimeOffset t) => ToLocal(t).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? t) => t is { } v ? Format(v) : "";

    /// <summary>The local date of an instant, as people read dates: "2026-03-13".</summary>
    public string FormatDate(DateTimeOffset t) => DateOf(t).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string FormatDate(DateTimeOffset? t) => t is { } v ? FormatDate(v) : "";
}
