using System.ComponentModel.DataAnnotations;

namespace Grants.Infrastructure;

/// <summary>Settings under "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or PostgreSql (scale-out).</summary>
    [Required, RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "Database:Provider måste vara Sqlite eller PostgreSql.")]
    public string Provider { get; set; } = "Sqlite";

    [Required(ErrorMessage = "Database:ConnectionString saknas.")]
    public string ConnectionString { get; set; } = "";

    public const string SynchronousFull = "FULL";
    public const string SynchronousNormal = "NORMAL";

    /// <summary>SQLite's synchronous pragma: FULL (default; every acknowledged commit survives a power cut) or NORMAL.</summary>
    [RegularExpression("^(FULL|NORMAL)$", ErrorMessage = "Database:SqliteSynchronous måste vara FULL eller NORMAL.")]
    public string SqliteSynchronous { get; set; } = SynchronousFull;
}

/// <summary>Settings under "Hangfire".</summary>
public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    public const string InMemoryStorage = "InMemory";
    public const string PostgreSqlStorage = "PostgreSql";

    /// <summary>InMemory (one instance) is safe because every due item is a database row swept by a recurring job;
    /// PostgreSql when several instances share one database.</summary>
    [Required, RegularExpression("^(InMemory|PostgreSql)$", ErrorMessage = "Hangfire:Storage måste vara InMemory eller PostgreSql.")]
    public string Storage { get; set; } = InMemoryStorage;

    /// <summary>Hangfire's PostgreSQL database (schema "hangfire"); empty means Database:ConnectionString.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Cron (5 or 6 fields) for the sweep that finds due timers and reminders.</summary>
    [Required(ErrorMessage = "Hangfire:SweepCron saknas.")]
    public string SweepCron { get; set; } = "*/5 * * * *";

    public int WorkerCount { get; set; } = 2;
}

/// <summary>Settings under "App".</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Used in links inside mails.</summary>
    [Required(ErrorMessage = "App:PublicBaseUrl saknas."), Url(ErrorMessage = "App:PublicBaseUrl måste vara en absolut http(s)-adress.")]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Cookies only over HTTPS. Off only for local development on plain http.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Loads demo users and demo applications (also switched on by --demo).</summary>
    public bool Demo { get; set; }

    /// <summary>With the demo: a granted project with its report plan and reports (Aktiv uppföljning). Tests that walk the
    /// demo applications through the board turn it off, since it decides that case ahead of them.</summary>
    public bool DemoFollowUp { get; set; } = true;

    /// <summary>Time zone for ankomstdatum and every date shown.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Stockholm";

    [Range(1, 100_000_000, ErrorMessage = "App:MaxAttachmentBytes måste vara mellan 1 och 100000000.")]
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}
