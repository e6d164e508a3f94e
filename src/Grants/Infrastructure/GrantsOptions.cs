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
}

/// <summary>Settings under "Hangfire".</summary>
public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    /// <summary>InMemory is safe because every due item is a database row swept by a recurring job.</summary>
    [Required, RegularExpression("^(InMemory)$", ErrorMessage = "Hangfire:Storage måste vara InMemory.")]
    public string Storage { get; set; } = "InMemory";

    /// <summary>Cron (5 or 6 fields) for the sweep that finds due timers and reminders.</summary>
    [Required(ErrorMessage = "Hangfire:SweepCron saknas.")]
    public string SweepCron { get; set; } = "*/5 * * * *";

    public int WorkerCount { get; set; } = 2;
}

/// <summary>Settings under "Mail".</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>SMTP host; empty means "write .eml files to PickupFolder" (the embedded default).</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "Mail:SmtpPort måste vara mellan 1 och 65535.")]
    public int SmtpPort { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    [RegularExpression("^(None|StartTls|SslOnConnect|Auto)$", ErrorMessage = "Mail:Tls måste vara None, StartTls, SslOnConnect eller Auto.")]
    public string Tls { get; set; } = "Auto";

    public string? User { get; set; }
    public string? Password { get; set; }

    [Required(ErrorMessage = "Mail:From saknas."), EmailAddress(ErrorMessage = "Mail:From måste vara en e-postadress.")]
    public string From { get; set; } = "";

    public string FromName { get; set; } = "";

    [Required(ErrorMessage = "Mail:PickupFolder saknas.")]
    public string PickupFolder { get; set; } = "data/mail";
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

    /// <summary>Where ASP.NET Core data-protection keys are kept (relative to the content root).</summary>
    public string DataProtectionKeysFolder { get; set; } = "data/keys";

    [Range(1, 100_000_000, ErrorMessage = "App:MaxAttachmentBytes måste vara mellan 1 och 100000000.")]
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}
