using System.Security.Claims;
using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Start;
using Microsoft.EntityFrameworkCore;

namespace Grants.Eligibility;

/// <summary>The start page's "what the förbund funds now": calls (utlysningar) still open, soonest closing first. For visitors and applicants.</summary>
public sealed class OpenCallsSection(GrantsDbContext db, LocalClock clock) : IStartSection
{
    public async Task<StartSection?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        if (signedIn && !user.IsInRole(Roles.Applicant)) return null;
        var today = clock.Today;
        var open = (await db.Programmes.AsNoTracking().ToListAsync(ct))
            .Where(p => p.IsOpenOn(today))
            .OrderBy(p => p.ClosingDate ?? DateOnly.MaxValue).ThenBy(p => p.Name)
            .Select(p => new StartTask(p.Name, signedIn ? $"/Applications/Edit?programme={p.Id}" : "/Account/Register", Describe(p), p.ClosingDate))
            .ToList();
        return new StartSection(signedIn ? 30 : 10, "Öppna utlysningar", open,
            "Just nu finns ingen särskild utlysning. Förbundet tar ändå emot ansökningar om medel för samverkansprojekt löpande.",
            Intro: "Förbundet finansierar samverkansprojekt mellan Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna för personer som behöver samordnade insatser för att komma i arbete.");
    }

    private static string Describe(Programme p)
    {
        var parts = new List<string>();
        if (p.ClosingDate is { } c) parts.Add($"Sista ansökningsdag {c:yyyy-MM-dd}");
        if (p.StartDate is { } s && p.EndDate is { } e) parts.Add($"projekttid {s:yyyy-MM-dd}–{e:yyyy-MM-dd}");
        if (p.AgeMin is { } min && p.AgeMax is { } max) parts.Add($"målgrupp {min}–{max} år");
        if (p.CostCeiling is { } ceiling) parts.Add($"högst {SwedishIdentifiers.Kronor(ceiling)} per ansökan");
        var facts = parts.Count == 0 ? "" : string.Join(", ", parts) + ".";
        return p.Description is { } text ? $"{text.TrimEnd('.')}. {facts}".TrimEnd() : facts;
    }
}
