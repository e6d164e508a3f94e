using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Grants.Identity;

/// <summary>
/// "Nycklar (passkeys)" on Mitt konto: add one (named), list and remove them. ASP.NET Core Identity's own WebAuthn
/// support checks the ceremony (challenge, origin, user verification); the credentials live in AspNetUserPasskeys.
/// </summary>
public sealed class Passkeys(SignInManager<AppUser> signIn, UserManager<AppUser> users, AccountAudit audit, GrantsDbContext db, TimeProvider time)
{
    public const int NameMaxLength = 60;
    /// <summary>The field every error names (the form's name input).</summary>
    public const string NameField = "passkeyName";

    public sealed record Summary(string Id, string Name, DateTimeOffset CreatedAt);

    /// <summary>The options JSON for navigator.credentials.create(); Identity keeps the challenge in its own cookie.</summary>
    public async Task<string?> CreationOptionsAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) is { } user ? await CreationOptionsAsync(user) : null;

    /// <summary>The same for a person not signed in yet: the set-up link's account (AccountSetup).</summary>
    public Task<string> CreationOptionsAsync(AppUser user) =>
        signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.Email ?? user.UserName ?? user.Id,
            DisplayName = user.DisplayName,
        });

    public async Task<Outcome<Summary>> AddAsync(ClaimsPrincipal principal, string? name, string? credentialJson, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user) return Outcome<Summary>.NotFound();
        var added = await AttestAsync(user, name, credentialJson);
        if (!added.IsOk) return added;
        audit.Add(Actor.From(principal), user.Id, AccountAudit.PasskeyAdded, $"Nyckel \"{added.Value!.Name}\" lades till via Mitt konto");
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Checks the browser's answer to the options and stores the named passkey on the account; the caller audits.</summary>
    public async Task<Outcome<Summary>> AttestAsync(AppUser user, string? name, string? credentialJson)
    {
        var errors = new ValidationErrors();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(NameField, "Namn på nyckeln måste fyllas i, t.ex. \"Jobbdatorn\".");
        else if (name.Length > NameMaxLength) errors.Add(NameField, $"Namnet får vara högst {NameMaxLength} tecken.");
        else if (string.IsNullOrWhiteSpace(credentialJson)) errors.Add(NameField, "Webbläsaren skickade ingen nyckel. Försök igen och följ webbläsarens anvisningar.");
        if (!errors.IsEmpty) return Outcome<Summary>.Invalid(errors);

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson!);
        }
        catch (InvalidOperationException)
        {
            // Identity throws when no ceremony was started in this browser (the options step skipped or its cookie gone):
            // the client's mistake, answered at the field like a refused key.
            errors.Add(NameField, "Nyckeln kunde inte läggas till. Ladda om sidan och försök igen.");
            return Outcome<Summary>.Invalid(errors);
        }
        // The credential must be made for this account (the options carried its id as the user handle).
        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            errors.Add(NameField, "Nyckeln kunde inte läggas till. Försök igen.");
            return Outcome<Summary>.Invalid(errors);
        }
        var passkey = attestation.Passkey;
        passkey.Name = name;
        var result = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return ToSummary(passkey);
    }

    public async Task<IReadOnlyList<Summary>> ListAsync(AppUser user) =>
        (await users.GetPasskeysAsync(user)).Select(ToSummary).OrderBy(p => p.CreatedAt).ToList();

    public async Task<Outcome<Summary>> RemoveAsync(ClaimsPrincipal principal, string? id, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user) return Outcome<Summary>.NotFound();
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id ?? "");
        }
        catch (FormatException)
        {
            return Outcome<Summary>.NotFound();
        }
        // Only the person's own passkeys: another account's credential id is simply not found.
        if (await users.GetPasskeyAsync(user, credentialId) is not { } passkey) return Outcome<Summary>.NotFound();
        var result = await users.RemovePasskeyAsync(user, credentialId);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        // A key is usually removed because a device is lost: sessions opened elsewhere end, this browser stays signed in.
        result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        audit.Add(Actor.From(principal), user.Id, AccountAudit.PasskeyRemoved, $"Nyckel \"{passkey.Name}\" togs bort via Mitt konto; andra inloggningar avslutade");
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        return ToSummary(passkey);
    }

    private Summary ToSummary(UserPasskeyInfo p) =>
        new(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Namnlös nyckel", p.CreatedAt == default ? time.GetUtcNow() : p.CreatedAt);
}
