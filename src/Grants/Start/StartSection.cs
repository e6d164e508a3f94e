using System.Security.Claims;

namespace Grants.Start;

/// <summary>One thing on a user's start page: what it is, when, and where to act on it.</summary>
public sealed record StartTask(string Title, string Href, string? Detail = null, DateOnly? Due = null, bool Urgent = false);

/// <summary>A heading on the start page with the user's tasks under it; <see cref="Empty"/> is shown when there are none.</summary>
public sealed record StartSection(int Order, string Title, IReadOnlyList<StartTask> Tasks, string Empty, string? MoreHref = null, string? MoreText = null, string? Intro = null);

/// <summary>
/// Each feature answers for its own part of the start page from its own rows (the start page reads no feature's
/// tables). Null: nothing for this user (wrong role, or not signed in where the section needs it).
/// </summary>
public interface IStartSection
{
    Task<StartSection?> ForAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>Gathers every feature's section for the user, in order.</summary>
public sealed class StartPage(IEnumerable<IStartSection> sections)
{
    public async Task<IReadOnlyList<StartSection>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var found = new List<StartSection>();
        foreach (var s in sections)
            if (await s.ForAsync(user, ct) is { } section) found.Add(section);
        return found.OrderBy(s => s.Order).ToList();
    }
}
