using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Grants.Infrastructure;

/// <summary>
/// Data-protection keys (they sign the sign-in cookie and bearer tokens) encrypted at rest with a certificate
/// when App:KeyCertificate (a .pfx file) is set, its password from App:KeyCertificatePassword. Without one the
/// keys lie in plain XML in an owner-only folder, and the app says so at start.
/// </summary>
public static class KeyProtection
{
    public const string CertificateKey = "App:KeyCertificate";
    public const string PasswordKey = "App:KeyCertificatePassword";

    public static IDataProtectionBuilder ProtectKeysIfConfigured(this IDataProtectionBuilder builder, IConfiguration config, IHostEnvironment env)
    {
        if (config[CertificateKey] is not { Length: > 0 } path) return builder;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(path, env.ContentRootPath), config[PasswordKey]);
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"{CertificateKey}: certifikatet saknar privat nyckel.");
        return builder.ProtectKeysWithCertificate(certificate);
    }

    /// <summary>Logs a warning when keys are stored unencrypted (any environment but Development).</summary>
    public static void WarnIfUnprotected(IConfiguration config, IHostEnvironment env, ILogger log)
    {
        if (config[CertificateKey] is { Length: > 0 } || env.IsDevelopment()) return;
        log.LogWarning("Data-protection keys are stored unencrypted; set {Setting} to a certificate (.pfx) to encrypt them at rest", CertificateKey);
    }
}
