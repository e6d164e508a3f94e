using System.Security.Claims;
using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Eligibility;

/// <summary>A stored run as shown on the application page and in the API.</summary>
public sealed record EligibilityRunDto(
    long Id, DateTimeOffset RanAt, string RanBy, string RanByRole, string Reason, int? ApplicationVersion,
    string RuleSetVersion, IReadOnlyList<RuleFile> RuleFiles, IReadOnlyList<RuleFinding> Findings, IReadOnlyList<RuleError> Errors)
{
    public static EligibilityRunDto From(EligibilityRun r) =>
        new(r.Id, r.RanAt, r.RanBy, r.RanByRole, r.Reason, r.ApplicationVersion, r.RuleSetVersion, r.RuleFiles, r.Findings, r.Errors);
}

/// <summary>The kansli re-runs the rules in force over a received application's latest version; every run is kept.</summary>
public sealed class RerunEligibility(GrantsDbContext db, EligibilityEvaluator evaluator, LocalClock clock)
{
    public async Task<Outcome<EligibilityRun>> HandleAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Secretariat)) return Outcome<EligibilityRun>.Forbidden("Bara kansliet kan pröva reglerna på nytt.");
        var app = await ApplicationAccess.FindAsync(db, user, applicationId, ct);
        if (app is null) return Outcome<EligibilityRun>.NotFound();
        if (app.IsDraft) return Outcome<EligibilityRun>.Conflict("Ansökan är ett utkast; reglerna prövas när den skickas in.");
        var actor = Actor.From(user).ActingAs([Roles.Secretariat]);
        var now = clock.Now;
        var run = evaluator.Record(app, await evaluator.EvaluateAsync(app.Form, app.ArrivalDate, ct), actor, now, EligibilityRun.Rerun);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Application), app.Id.ToString(), "eligibility.rerun", run.RuleSetVersion));
        await db.SaveChangesAsync(ct);
        return run;
    }
}

/// <summary>Reads stored runs, scoped like the application itself (another organisation's id answers 404).</summary>
public sealed class EligibilityQueries(GrantsDbContext db)
{
    public async Task<List<EligibilityRunDto>?> RunsAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken ct)
    {
        if (!await ApplicationAccess.Visible(db, user).AnyAsync(a => a.Id == applicationId, ct)) return null;
        var runs = await db.EligibilityRuns.AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderByDescending(r => r.Id).ToListAsync(ct);
        return runs.Select(EligibilityRunDto.From).ToList();
    }

    public async Task<List<Programme>> ProgrammesAsync(CancellationToken ct) =>
        (await db.Programmes.AsNoTracking().ToListAsync(ct)).OrderBy(p => p.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).ToList();
}
