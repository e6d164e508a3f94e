using System.ComponentModel.DataAnnotations;

namespace Grants.Mail;

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

    /// <summary>Hangfire workers that serve only the mail queue, so mail never waits behind other background work.</summary>
    [Range(1, 16, ErrorMessage = "Mail:DeliveryWorkers måste vara mellan 1 och 16.")]
    public int DeliveryWorkers { get; set; } = 1;

    [Required(ErrorMessage = "Mail:PickupFolder saknas.")]
    public string PickupFolder { get; set; } = "data/mail";
}
