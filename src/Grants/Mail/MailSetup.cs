using Grants.Infrastructure;
using Grants.Shared;
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
