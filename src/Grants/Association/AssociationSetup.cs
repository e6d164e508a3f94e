using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grants.Association;

public static class AssociationSetup
{
    public static IServiceCollection AddAssociation(this IServiceCollection services)
    {
        services.AddOptions<AssociationOptions>().BindConfiguration(AssociationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AssociationOptions>, AssociationOptionsValidator>();
        services.AddScoped<ProfileStore>();
        services.AddScoped<UpdateProfile>();
        return services;
    }
}

internal sealed class AssociationProfileConfiguration : IEntityTypeConfiguration<AssociationProfile>
{
    public void Configure(EntityTypeBuilder<AssociationProfile> b) => b.Property(p => p.Members).HasJsonConversion();
}
