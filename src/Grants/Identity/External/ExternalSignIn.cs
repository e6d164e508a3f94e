using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity.External;

public enum ExternalStatus { Succeeded, RequiresTwoFactor, NotLinked, Refused, Failed }

/// <summary>The outcome of coming back from a provider; <see cref="Message"/> is the Swedish text shown for it.</summary>
public sealed record ExternalOutcome(ExternalStatus Status, string Message, ExternalProviderOptions? Provider = null);

/// <summary>
/// Signs in the person the provider sent back. An identity already linked signs in its account. An unlinked one
/// is linked only when the provider vouches for the e-mail (email_verified=true) and it matches an active account
/// whose own address is confirmed and whose roles fit the provider's audience; anything else is linked by an Admin.
/// Staff must show a second factor: the provider's "amr"/"acr" claim, or else the local authenticator app.
/// </summary>
public sealed class ExternalSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, ExternalProviders providers,
    PasswordSignIn passwords, AccountAudit audit, GrantsDbContext db)
{
    public const string EmailVerifiedClaim = "email_verified";
    private const string AmrMapped = "http://schemas.microsoft.com/claims/authnmethodsreferences";
    private const string AcrMapped = "http://schemas.microsoft.com/claims/authnclassreference";

    public async Task<ExternalOutcome> CompleteAsync(CancellationToken ct)
    {
        if (await signIn.GetExternalLoginInfoAsync() is not { } info || providers.Find(info.LoginProvider) is not { } provider)
            return new ExternalOutcome(ExternalStatus.Failed, "Inloggningen kunde inte slutföras. Börja om från inloggningssidan.");

        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            user = await LinkByVerifiedEmailAsync(info, provider);
            if (user is null)
            {
                audit.Add(Actor.System, Subject(info), AccountAudit.ExternalRefused, $"{provider.DisplayName}: ingen kopplad identitet");
                await db.SaveChangesAsync(ct);
                await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
                return new ExternalOutcome(ExternalStatus.NotLinked,
                    $"Din identitet hos {provider.DisplayName} är inte kopplad till något konto här.", provider);
            }
        }

        var self = AccountAudit.Self(user, await users.GetRolesAsync(user));
        var mfa = ShowsSecondFactor(info.Principal, provider);
        var refusal = !user.IsActive ? "Kontot är avstängt. Kontakta förbundets administratör."
            : !mfa && await passwords.NeedsSecondFactorSetupAsync(user)
                ? $"Personal måste logga in med tvåstegsverifiering. {provider.DisplayName} intygade ingen, och kontot saknar autentiseringsapp."
                  + ((await users.GetPasskeysAsync(user)).Count > 0 ? " Logga in med nyckel (passkey) i stället." : "")
                : null;
        if (refusal is not null)
        {
            audit.Add(self, user.Id, AccountAudit.ExternalRefused, $"{provider.DisplayName}: {refusal}");
            await db.SaveChangesAsync(ct);
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
            return new ExternalOutcome(ExternalStatus.Refused, refusal, provider);
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        // The provider's second factor stands in for the local one; without it an account with an app must also pass it.
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: mfa);
        if (result.RequiresTwoFactor)
        {
            audit.Add(self, user.Id, AccountAudit.ExternalSecondStep, $"{provider.DisplayName}: autentiseringsappen krävs");
            await db.SaveChangesAsync(ct);
            return new ExternalOutcome(ExternalStatus.RequiresTwoFactor, "Ange koden från din autentiseringsapp.", provider);
        }
        if (!result.Succeeded)
        {
            audit.Add(self, user.Id, AccountAudit.ExternalRefused, $"{provider.DisplayName}: kontot kan inte logga in");
            await db.SaveChangesAsync(ct);
            return new ExternalOutcome(ExternalStatus.Refused, "Kontot kan inte logga in just nu. Kontakta förbundets administratör.", provider);
        }
        audit.Add(self, user.Id, AccountAudit.SignedIn, $"extern inloggning via {provider.DisplayName}{(mfa ? " med tvåstegsverifiering hos leverantören" : "")}");
        await db.SaveChangesAsync(ct);
        return new ExternalOutcome(ExternalStatus.Succeeded, "", provider);
    }

    /// <summary>Whether the provider's token says it checked more than one factor.</summary>
    public static bool ShowsSecondFactor(ClaimsPrincipal principal, ExternalProviderOptions provider)
    {
        var amr = principal.FindAll("amr").Concat(principal.FindAll(AmrMapped)).Select(c => c.Value);
        var acr = principal.FindAll("acr").Concat(principal.FindAll(AcrMapped)).Select(c => c.Value);
        return amr.Any(v => provider.MfaAmrValues.Contains(v, StringComparer.Ordinal))
            || acr.Any(v => provider.MfaAcrValues.Contains(v, StringComparer.Ordinal));
    }

    private async Task<AppUser?> LinkByVerifiedEmailAsync(ExternalLoginInfo info, ExternalProviderOptions provider)
    {
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        var verified = string.Equals(info.Principal.FindFirstValue(EmailVerifiedClaim), "true", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(email) || !verified) return null;
        if (await users.FindByEmailAsync(email.Trim()) is not { IsActive: true, EmailConfirmed: true } user) return null;
        var roles = await users.GetRolesAsync(user);
        var fits = provider.Audience == ExternalAudience.Staff ? roles.Any(Roles.Staff.Contains) : roles.Contains(Roles.Applicant);
        if (!fits) return null;
        var added = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, provider.DisplayName));
        if (!added.Succeeded) return null;
        audit.Add(AccountAudit.Self(user, roles), user.Id, AccountAudit.ExternalLinked, $"{provider.DisplayName}: e-postadressen intygad av leverantören");
        return user;
    }

    private static string Subject(ExternalLoginInfo info) => $"{info.LoginProvider}:{info.ProviderKey}";
}
