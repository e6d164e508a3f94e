using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

public enum SignInStatus { Succeeded, Failed, Delayed, RequiresTwoFactor, NotAllowed }

/// <summary>The outcome of one attempt; <see cref="Message"/> is the Swedish text shown for it.</summary>
public sealed record SignInAttempt(SignInStatus Status, string Message, TimeSpan? RetryAfter = null)
{
    public const string WrongCredentials = "Fel e-post eller lösenord.";

    public static SignInAttempt Failed { get; } = new(SignInStatus.Failed, WrongCredentials);

    public static SignInAttempt Delayed(TimeSpan wait) =>
        new(SignInStatus.Delayed, $"För många misslyckade försök med adressen. Vänta {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} sekunder och försök igen.", wait);
}

/// <summary>Whether the demo switch is on (--demo, App:Demo or Development).</summary>
public sealed record DemoMode(bool On);

/// <summary>
/// Password sign-in shared by the login page (cookie) and the token endpoint (bearer). Unknown and known
/// addresses take the same path: one password hash is verified either way, the same failure is counted and
/// the same answer given, so neither text, status nor time tells whether an address has an account.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, AccountAudit audit,
    GrantsDbContext db, IPasswordHasher<AppUser> hasher, DummyPasswordHash dummy, DemoMode demo)
{

    public async Task<SignInAttempt> PasswordAsync(string email, string password, string scheme, CancellationToken ct)
    {
        email = email.Trim();
        if (await throttle.WaitAsync(email, ct) is { } wait) return SignInAttempt.Delayed(wait);

        var user = await users.FindByEmailAsync(email);
        bool valid;
        if (user is null)
        {
            // Spend the time a real check costs; the result is meaningless.
            hasher.VerifyHashedPassword(DummyPasswordHash.Nobody, dummy.Hash, password);
            valid = false;
        }
        else valid = await users.CheckPasswordAsync(user, password);
        if (user is null || !valid)
        {
            audit.Add(user is null ? Actor.System : await SelfAsync(user), user?.Id ?? "okänd adress", AccountAudit.SignInFailed, "Fel e-post eller lösenord");
            await throttle.FailedAsync(email, ct);
            return SignInAttempt.Failed;
        }
        await throttle.SucceededAsync(email, ct);

        if (!user.IsActive) return new SignInAttempt(SignInStatus.NotAllowed, "Kontot är avstängt. Kontakta förbundets administratör.");
        if (!user.EmailConfirmed)
            return new SignInAttempt(SignInStatus.NotAllowed, "Bekräfta först din e-postadress med länken i brevet vi skickade. Har länken gått ut registrerar du dig igen.");
        if (await NeedsSecondFactorSetupAsync(user))
            return new SignInAttempt(SignInStatus.NotAllowed, (await users.GetPasskeysAsync(user)).Count > 0
                // A passkey is the staff member's second factor, but a password cannot be followed by one: sign in with it.
                ? "Logga in med nyckel (passkey). För förbundets personal räcker inte lösenordet ensamt."
                : "Kontot saknar tvåstegsverifiering, som krävs för förbundets personal. Koppla en autentiseringsapp med länken i brevet du fick, eller be administratören om en ny länk.");

        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor) return new SignInAttempt(SignInStatus.RequiresTwoFactor, "Ange koden från din autentiseringsapp.");
        if (!result.Succeeded) return new SignInAttempt(SignInStatus.NotAllowed, "Kontot kan inte logga in just nu. Kontakta förbundets administratör.");
        await RecordSignInAsync(user, "lösenord", ct);
        return new SignInAttempt(SignInStatus.Succeeded, "");
    }

    /// <summary>
    /// The second step: an authenticator code or a recovery code for the user that passed the password step
    /// in this request (bearer) or through the two-factor cookie (pages). Throttled like passwords.
    /// </summary>
    public async Task<SignInAttempt> SecondFactorAsync(AppUser user, string? code, string? recoveryCode, string scheme, CancellationToken ct)
    {
        var email = user.Email ?? user.Id;
        if (await throttle.WaitAsync(email, ct) is { } wait) return SignInAttempt.Delayed(wait);
        signIn.AuthenticationScheme = scheme;
        var result = !string.IsNullOrWhiteSpace(recoveryCode)
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode.Replace(" ", "", StringComparison.Ordinal))
            : await signIn.TwoFactorAuthenticatorSignInAsync((code ?? "").Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (!result.Succeeded)
        {
            audit.Add(await SelfAsync(user), user.Id, AccountAudit.SignInFailed, "Fel kod för tvåstegsverifiering");
            await throttle.FailedAsync(email, ct);
            return new SignInAttempt(SignInStatus.Failed, "Koden stämmer inte. Försök igen med en ny kod.");
        }
        await throttle.SucceededAsync(email, ct);
        await RecordSignInAsync(user, string.IsNullOrWhiteSpace(recoveryCode) ? "lösenord och autentiseringsapp" : "lösenord och återställningskod", ct);
        return new SignInAttempt(SignInStatus.Succeeded, "");
    }

    /// <summary>
    /// Staff need a second step after a password (or an external sign-in without the provider's MFA): the authenticator
    /// app, except the demo's seeded users when the demo switch is on. A passkey sign-in needs none (PasskeySignIn).
    /// </summary>
    public async Task<bool> NeedsSecondFactorSetupAsync(AppUser user)
    {
        // Seeded demo users never went through set-up; real ones always do.
        if (user.TwoFactorEnabled || demo.On && user.ActivatedAt is null) return false;
        var roles = await users.GetRolesAsync(user);
        return roles.Any(Roles.Staff.Contains);
    }

    private async Task RecordSignInAsync(AppUser user, string how, CancellationToken ct)
    {
        audit.Add(await SelfAsync(user), user.Id, AccountAudit.SignedIn, how);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Actor> SelfAsync(AppUser user) => AccountAudit.Self(user, await users.GetRolesAsync(user));
}
