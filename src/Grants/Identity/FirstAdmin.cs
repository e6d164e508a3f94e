using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;
using MimeKit;

namespace Grants.Identity;

/// <summary>
/// `dotnet run --project src/Grants -- create-admin --email x@y.se [--name "..."] [--force]`: the first
/// administrator of a fresh installation, with a one-time set-up link printed instead of mailed (mail may not be
/// configured yet). Refuses when an active administrator exists, unless --force; --force on an existing account
/// starts it over (password, second factors and sessions gone).
/// </summary>
public static class FirstAdmin
{
    public const string Command = "create-admin";

    public sealed record Result(bool Ok, string Message);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var email = Value(args, "--email");
        var name = Value(args, "--name") ?? "Administratör";
        var force = args.Contains("--force");
        if (email is null)
        {
            await output.WriteLineAsync("Användning: create-admin --email adress@forbund.se [--name \"Förnamn Efternamn\"] [--force]");
            return 2;
        }
        using var scope = services.CreateScope();
        var result = await CreateAsync(scope.ServiceProvider, email, name, force, CancellationToken.None);
        await output.WriteLineAsync(result.Message);
        return result.Ok ? 0 : 1;
    }

    public static async Task<Result> CreateAsync(IServiceProvider sp, string email, string name, bool force, CancellationToken ct)
    {
        email = email.Trim();
        if (!email.Contains('@') || !MailboxAddress.TryParse(email, out _)) return new Result(false, $"'{email}' är ingen giltig e-postadress.");
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (!force && admins.Any(a => a.IsActive && a.PasswordHash is not null))
            return new Result(false, "Det finns redan en aktiv administratör. Den bjuder in fler under Konton; ange --force för att ändå skapa en ny administratör.");

        var db = sp.GetRequiredService<GrantsDbContext>();
        var links = sp.GetRequiredService<AccountLinks>();
        var time = sp.GetRequiredService<TimeProvider>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByEmailAsync(email);
        var startedOver = user is not null;
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = name.Trim(), CreatedAt = time.GetUtcNow() };
            Check(await users.CreateAsync(user));
        }
        else
        {
            // The break-glass path (the only admin lost the phone or the password): the account starts over, so the
            // link leads through a new password and a new app, and every open session of it ends.
            user.DeactivatedAt = null;
            if (user.PasswordHash is not null) Check(await users.RemovePasswordAsync(user));
            await sp.GetRequiredService<SecondFactorSetup>().ClearAsync(user);
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin)) Check(await users.AddToRoleAsync(user, Roles.Admin));
        var link = links.Issue(user, AccountLinkPurpose.Setup);
        sp.GetRequiredService<AccountAudit>().Add(new Actor("cli", "Kommandoraden (create-admin)", "System"), user.Id, AccountAudit.FirstAdminCreated,
            startedOver ? $"{email}: befintligt konto startat om (lösenord, tvåstegsverifiering och inloggningar borttagna)" : email);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var hours = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value.SetupLinkHours;
        return new Result(true, $"Administratören {email} är skapad. Öppna länken inom {hours} timmar för att välja lösenord och tvåstegsverifiering (den fungerar en gång):\n{link}");
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
