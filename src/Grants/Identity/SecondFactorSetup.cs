using System.Globalization;
using System.Text;
using Grants.Association;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Grants.Identity;

/// <summary>Authenticator app (TOTP) through ASP.NET Core Identity's own key store and verifier, with a QR code and recovery codes.</summary>
public sealed class SecondFactorSetup(UserManager<AppUser> users, ProfileStore profiles)
{
    public sealed record Pairing(string Key, string FormattedKey, string Uri, string QrPngDataUri);

    /// <summary>The key to scan; kept (not renewed) until the factor is confirmed, so a reload shows the same code.</summary>
    public async Task<Pairing> PairingAsync(AppUser user, CancellationToken ct)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity stored no authenticator key.");
        }
        var issuer = (await profiles.GetAsync(ct)).Name;
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new Pairing(key, Format(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns the factor on when the code matches, and returns ten fresh recovery codes; null when the code is wrong.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(AppUser user, string? code)
    {
        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (clean.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean)) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
    }

    /// <summary>
    /// Makes every second factor stop counting (a lost phone): a new authenticator key that no app holds, no recovery
    /// codes, no passkeys. Renews the security stamp. Returns how many passkeys were removed.
    /// </summary>
    public async Task<int> ClearAsync(AppUser user)
    {
        var passkeys = await users.GetPasskeysAsync(user);
        foreach (var passkey in passkeys) Check(await users.RemovePasskeyAsync(user, passkey.CredentialId));
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        Check(await users.UpdateSecurityStampAsync(user));
        return passkeys.Count;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static string Format(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
