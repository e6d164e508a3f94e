using Grants.Infrastructure;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;

namespace Grants.Identity;

/// <summary>
/// "Logga in med nyckel (passkey)". A passkey is something the person has, unlocked by something they are or know
/// (user verification is required), and bound to this site's address, so it is a phishing-resistant second factor
/// on its own: staff need no authenticator code after it. The same refusals as the password path apply.
/// </summary>
public sealed class PasskeySignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, AccountAudit audit, GrantsDbContext db)
{
    /// <summary>RFC 8176 has no passkey value; "hwk" (proof of possession of a hardware key) is the closest.</summary>
    public const string AuthenticationMethod = "hwk";

    /// <summary>The options JSON for navigator.credentials.get(): any passkey of this site (discoverable), no user named.</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    public async Task<SignInAttempt> SignInAsync(string? credentialJson, CancellationToken ct)
    {
        const string failed = "Inloggningen med nyckeln misslyckades. Försök igen, eller logga in med lösenord.";
        if (string.IsNullOrWhiteSpace(credentialJson)) return new SignInAttempt(SignInStatus.Failed, failed);
        PasskeyAssertionResult<AppUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // Identity throws when no ceremony was started in this browser (the options step skipped or its cookie gone).
            return new SignInAttempt(SignInStatus.Failed, failed);
        }
        if (!assertion.Succeeded)
        {
            audit.Add(Shared.Actor.System, "okänd nyckel", AccountAudit.SignInFailed, "Nyckel (passkey) som inte godtogs");
            await db.SaveChangesAsync(ct);
            return new SignInAttempt(SignInStatus.Failed, failed);
        }
        var user = assertion.User;
        if (!user.IsActive) return new SignInAttempt(SignInStatus.NotAllowed, "Kontot är avstängt. Kontakta förbundets administratör.");
        if (!user.EmailConfirmed) return new SignInAttempt(SignInStatus.NotAllowed, "Bekräfta först din e-postadress med länken i brevet vi skickade.");

        // The signature counter and backup flags the authenticator reported.
        var updated = await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        if (!updated.Succeeded) throw new InvalidOperationException(string.Join("; ", updated.Errors.Select(e => e.Description)));
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", AuthenticationMethod)]);
        audit.Add(AccountAudit.Self(user, await users.GetRolesAsync(user)), user.Id, AccountAudit.SignedIn,
            $"nyckel (passkey) \"{assertion.Passkey.Name}\"");
        await db.SaveChangesAsync(ct);
        return new SignInAttempt(SignInStatus.Succeeded, "");
    }
}
