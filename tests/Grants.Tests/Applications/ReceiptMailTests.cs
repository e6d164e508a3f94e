using System.Diagnostics;
using System.Net;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Grants.Tests.Applications;

/// <summary>The kvittens: written with the submission, rendered as PDF by the receipt step, delivered through the real SMTP server.</summary>
public sealed class ReceiptMailTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    [Fact]
    public async Task A_submitted_application_gets_one_receipt_mail_with_the_application_as_a_pdf()
    {
        await using var app = new GrantsApp();
        foreach (var (key, value) in smtp.Settings()) app.With(key, value);
        var client = await app.BearerClientAsync(Login.Applicant);
        var draft = await client.CreateDraftAsync(Forms.Complete().Set("project.name", System.Text.Json.Nodes.JsonValue.Create("Kvittensprojektet")));
        var id = Api.IdOf(draft);
        var submitted = await (await client.SubmitAsync(id)).ExpectJsonAsync(HttpStatusCode.OK);
        var number = submitted["registrationNumber"]!.GetValue<string>();

        // The submit's kick may be rendering the receipt right now (its claim makes our run skip it): run the step until the
        // receipt is queued, then once more — a re-run writes nothing more (one key).
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ApplicationReceiptStep>().RunAsync(app.Time.GetUtcNow(), default);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
                if (await db.ApplicationReceipts.AnyAsync(r => r.ApplicationId == id && r.QueuedAt != null)) break;
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The receipt was not queued within 60 s.");
            await Task.Delay(100);
        }
        await using (var again = app.Services.CreateAsyncScope())
            await again.ServiceProvider.GetRequiredService<ApplicationReceiptStep>().RunAsync(app.Time.GetUtcNow(), default);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await db.OutboxMails.CountAsync(m => m.Key == $"application-receipt:{id}")).Should().Be(1);
            (await db.ApplicationReceipts.SingleAsync(r => r.ApplicationId == id)).QueuedAt.Should().NotBeNull();
            foreach (var mailId in await db.OutboxMails.Where(m => m.SentAt == null).Select(m => m.Id).ToListAsync())
            {
                await using var one = app.Services.CreateAsyncScope();
                await one.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(mailId, default);
            }
        }

        var mail = await MailWait.ForAsync(app, smtp, m => m.Subject?.Contains(number, StringComparison.Ordinal) == true, $"with {number}");
        smtp.Messages().Count(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true).Should().Be(1);
        mail.Subject.Should().Be($"Kvittens: ansökan {number} har kommit in");
        mail.To.Mailboxes.Select(m => m.Address).Should().BeEquivalentTo(["karin.exempel@exempel.se", "rektor@exempel.se"]);
        mail.TextBody.Should().Contain($"Diarienummer: {number}").And.Contain("Lokala samverkansgruppen (LSG)").And.Contain("Kvittensprojektet");
        var attachment = mail.Attachments.OfType<MimeKit.MimePart>().Should().ContainSingle().Subject;
        attachment.FileName.Should().EndWith(".pdf");
        using var bytes = new MemoryStream();
        await (attachment.Content ?? throw new InvalidOperationException("The attachment has no content.")).DecodeToAsync(bytes);
        using var pdf = PdfDocument.Open(bytes.ToArray());
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        text.Should().Contain("Ansökan om medel").And.Contain(number).And.Contain("Kvittensprojektet").And.Contain("Gymnasiekontoret");
    }
}

