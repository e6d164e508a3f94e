using Grants.Infrastructure;
using Grants.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var mail = config.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        if (string.IsNullOrWhiteSpace(mail.SmtpHost)) services.AddSingleton<IMailSender, PickupFolderMailSender>();
        else services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<OutboxSweepStep>();
        services.AddScoped<ISweepStep>(sp => sp.GetRequiredService<OutboxSweepStep>());
        // One worker of its own for the mail queue; the general server (AddGrantsJobs) serves only the default queue.
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(1, mail.DeliveryWorkers);
            o.Queues = [OutboxDelivery.Queue];
        });
        return services;
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.HasIndex(m => m.Key).IsUnique();
        b.HasIndex(m => m.SentAt);
        b.Property(m => m.Attachments).HasJsonConversion();
    }
}
