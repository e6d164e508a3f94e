using Grants.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Grants.Mail;

/// <summary>Sends one message. Throws when it could not be handed over, so a Hangfire job retries it.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The embedded default: each message becomes an .eml file in the pickup folder.</summary>
public sealed class PickupFolderMailSender(IOptions<MailOptions> options, IHostEnvironment env, ILogger<PickupFolderMailSender> log) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.PickupFolder, env.ContentRootPath);
        OwnerOnlyFiles.Folder(folder);
        EnsureFrom(message, options.Value);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        await using (var file = OwnerOnlyFiles.Create(path)) await message.WriteToAsync(file, cancellationToken);
        // Ids only: subjects and addresses carry names (personal data) and stay out of the log.
        log.LogInformation("Mail {MessageId} written to {Path}", message.MessageId, path);
    }

    internal static void EnsureFrom(MimeMessage message, MailOptions options)
    {
        if (message.From.Count == 0) message.From.Add(new MailboxAddress(options.FromName, options.From));
    }
}

/// <summary>MailKit over SMTP, used when Mail:SmtpHost is set.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> log) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        PickupFolderMailSender.EnsureFrom(message, o);
        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost saknas."), o.SmtpPort, Enum.Parse<SecureSocketOptions>(o.Tls), cancellationToken);
        if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        log.LogInformation("Mail {MessageId} sent via {Host}:{Port}", message.MessageId, o.SmtpHost, o.SmtpPort);
    }
}
