using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Identity;

/// <summary>
/// The current password asked before a change on "Mitt konto", throttled like sign-in so an open session
/// cannot be used to guess it.
/// </summary>
public sealed class CurrentPassword(UserManager<AppUser> users, SignInThrottle throttle)
{
    /// <summary>True when right; otherwise an error on <paramref name="field"/>.</summary>
    public async Task<bool> CheckAsync(AppUser user, string? password, ValidationErrors errors, string field, CancellationToken ct)
    {
        var key = user.Email ?? user.Id;
        if (await throttle.WaitAsync(key, ct) is { } wait)
        {
            errors.Add(field, $"För många felaktiga försök. Vänta {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} sekunder och försök igen.");
            return false;
        }
        if (!string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password))
        {
            await throttle.SucceededAsync(key, ct);
            return true;
        }
        await throttle.FailedAsync(key, ct);
        errors.Add(field, "Nuvarande lösenord stämmer inte.");
        return false;
    }
}
