using Grants.Mail;
using Grants.Tests.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Grants.Tests.Mail;

/// <summary>The SMTP sender against a real SMTP server (aiosmtpd) that goes down and comes back.</summary>
public sealed class SmtpMailSenderTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    [Fact]
    public async Task Mail_is_delivered_refused_while_the_server_is_down_and_delivered_again_after_restart()
    {
        await using var app = new GrantsApp();
        foreach (var (key, value) in smtp.Settings()) app.With(key, value);
        var sender = app.Services.GetRequiredService<IMailSender>();
        sender.Should().BeOfType<SmtpMailSender>();

        await sender.SendAsync(Message("Första"));
        smtp.Messages().Select(m => m.Subject).Should().Contain("Första");
        var first = smtp.Messages().Single(m => m.Subject == "Första");
        first.From.Mailboxes.Single().Address.Should().Be("noreply@samordning.example");
        first.To.Mailboxes.Single().Address.Should().Be("sokande@exempel.se");

        await smtp.StopAsync();
        var whileDown = () => sender.SendAsync(Message("Under avbrott"));
        await whileDown.Should().ThrowAsync<Exception>().Where(e => e is System.Net.Sockets.SocketException || e is SmtpProtocolException || e is IOException);

        await smtp.StartAsync();
        await sender.SendAsync(Message("Efter omstart"));
        smtp.Messages().Select(m => m.Subject).Should().Contain("Efter omstart").And.NotContain("Under avbrott");
    }

    private static MimeMessage Message(string subject)
    {
        var m = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "Hej från Grants." } };
        m.To.Add(new MailboxAddress("Sökande", "sokande@exempel.se"));
        return m;
    }
}
