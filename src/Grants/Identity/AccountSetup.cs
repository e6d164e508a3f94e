using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>
/// What a set-up or reset link leads through: choose a password, then (staff, on set-up) pair an authenticator
/// app or create a passkey. The link is consumed only when the last step is done, so a person interrupted half-way can continue.
/// </summary>
public sealed class AccountSetup(UserManager<AppUser> users, AccountLinks links, SecondFactorSetup factors, Passkeys passkeys, AccountAudit audit,
    GrantsDbContext db, TimeProvider time)
{
    public enum Step { Invalid, Password, Factor }

    public sealed record State(Step Step, AccountLink? Link, AppUser? User);

    public async Task<State> StateAsync(string? token, CancellationToken ct)
    {
        var link = await links.FindAsync(token, ct);
        var user = link is null ? null : await users.FindByIdAsync(link.UserId);
        if (link is null || user is null || !user.IsActive || link.Purpose is not (AccountLinkPurpose.Setup or AccountLinkPurpose.PasswordReset))
            return new State(Step.Invalid, null, null);
        var step = link.Purpose == AccountLinkPurpose.Setup && user.PasswordHash is not null && await NeedsFactorAsync(user) ? Step.Factor : Step.Password;
        return new State(step, link, user);
    }

    /// <summary>Sets the password; returns the next step (Factor for staff on set-up) or null when done.</summary>
    public async Task<Outcome<Step?>> SetPasswordAsync(State state, string? password, string? confirm, CancellationToken ct)
    {
        var (link, user) = (state.Link!, state.User!);
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(password)) errors.Add("password", "Välj ett lösenord.");
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                foreach (var e in result.Errors) errors.Add("password", e.Description);
            }
            if (password != confirm) errors.Add("confirm", "Lösenorden är inte lika.");
        }
        if (!errors.IsEmpty) return Outcome<Step?>.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (user.PasswordHash is not null) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password!));
        // A password set anywhere ends the sessions opened with the old one.
        Check(await users.UpdateSecurityStampAsync(user));
        var self = AccountAudit.Self(user, await users.GetRolesAsync(user));
        Step? next = null;
        if (link.Purpose == AccountLinkPurpose.PasswordReset)
        {
            audit.Add(self, user.Id, AccountAudit.PasswordReset, "Via länk i e-post");
            await links.ConsumeAsync(link, ct);
        }
        else if (await NeedsFactorAsync(user)) next = Step.Factor;
        else await ActivateAsync(user, link, self, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return next;
    }

    /// <summary>Confirms the authenticator code, activates the account and returns its recovery codes.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> ConfirmFactorAsync(State state, string? code, CancellationToken ct)
    {
        var (link, user) = (state.Link!, state.User!);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var codes = await factors.ConfirmAsync(user, code);
        if (codes is null)
        {
            var errors = new ValidationErrors();
            errors.Add("code", "Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu.");
            return Outcome<IReadOnlyList<string>>.Invalid(errors);
        }
        var self = AccountAudit.Self(user, await users.GetRolesAsync(user));
        audit.Add(self, user.Id, AccountAudit.FactorSet, "Autentiseringsapp och tio återställningskoder");
        await ActivateAsync(user, link, self, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>The other second factor: a passkey made on this page activates the account; no recovery codes (an Admin resets a lost one).</summary>
    public async Task<Outcome<Passkeys.Summary>> ConfirmPasskeyAsync(State state, string? name, string? credentialJson, CancellationToken ct)
    {
        var (link, user) = (state.Link!, state.User!);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = await passkeys.AttestAsync(user, name, credentialJson);
        if (!added.IsOk) return added;
        var self = AccountAudit.Self(user, await users.GetRolesAsync(user));
        audit.Add(self, user.Id, AccountAudit.FactorSet, $"Nyckel (passkey) \"{added.Value!.Name}\"");
        await ActivateAsync(user, link, self, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>The options for navigator.credentials.create() on the pairing step.</summary>
    public Task<string> PasskeyOptionsAsync(State state) => passkeys.CreationOptionsAsync(state.User!);

    private async Task ActivateAsync(AppUser user, AccountLink link, Actor self, CancellationToken ct)
    {
        // A set-up link after a second-factor reset leads here too: that account was activated long ago.
        var first = user.ActivatedAt is null;
        user.ActivatedAt ??= time.GetUtcNow();
        // The address received the link, so it is confirmed.
        user.EmailConfirmed = true;
        Check(await users.UpdateAsync(user));
        if (first) audit.Add(self, user.Id, AccountAudit.Activated, user.Email);
        await links.ConsumeAsync(link, ct);
    }

    private async Task<bool> NeedsFactorAsync(AppUser user) =>
        !user.TwoFactorEnabled && (await users.GetRolesAsync(user)).Any(Roles.Staff.Contains);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
