using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Eligibility;

/// <summary>
/// Demo: a programme/call modelled on Ciceron (seeds/000: young people 16–29, local projects; closed long ago), a call
/// open now (closing six weeks from the day the demo is loaded, so the start pages show an open call), and the stored
/// rule run of every received demo application, as if the rules had run when it was submitted. Idempotent.
/// </summary>
public sealed class EligibilityDemo(GrantsDbContext db, EligibilityEvaluator evaluator, TimeProvider time)
{
    public const string ProgrammeName = "Unga vuxna 16–29 (efter Ciceron)";
    public const string OpenCallName = "Samverkansprojekt för arbete och studier";

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (!await db.Programmes.AnyAsync(ct))
        {
            var now = time.GetUtcNow();
            db.Programmes.Add(new Programme
            {
                Name = ProgrammeName,
                Description = "Lokala projekt för unga vuxna som varken arbetar eller studerar.",
                StartDate = new DateOnly(2015, 8, 1),
                EndDate = new DateOnly(2017, 12, 31),
                AgeMin = 16,
                AgeMax = 29,
                CostCeiling = 500_000,
                ClosingDate = new DateOnly(2015, 9, 30),
                CreatedAt = now,
                CreatedBy = "Demodata",
                UpdatedAt = now,
                UpdatedBy = "Demodata",
                Version = 1,
            });
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Stockholm).DateTime);
            db.Programmes.Add(new Programme
            {
                Name = OpenCallName,
                Description = "Medel till projekt där minst två av huvudmännen tillsammans hjälper personer som behöver samordnade insatser att komma i arbete eller studier.",
                OpensOn = today.AddDays(-14),
                ClosingDate = today.AddDays(42),
                AgeMin = 16,
                AgeMax = 64,
                CostCeiling = 1_000_000,
                CreatedAt = now,
                CreatedBy = "Demodata",
                UpdatedAt = now,
                UpdatedBy = "Demodata",
                Version = 1,
            });
        }

        var withRun = await db.EligibilityRuns.Select(r => r.ApplicationId).Distinct().ToListAsync(ct);
        var received = await db.Applications.Include(a => a.Versions)
            .Where(a => a.ReceivedAt != null && !withRun.Contains(a.Id)).ToListAsync(ct);
        foreach (var app in received)
        {
            var submitted = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityId == app.Id.ToString() && e.Action == "application.submitted").FirstOrDefaultAsync(ct);
            var actor = submitted is null ? Actor.System : new Actor(submitted.UserId, submitted.UserName, submitted.Role);
            var evaluation = await evaluator.EvaluateAsync(app.Form, app.ArrivalDate, ct);
            evaluator.Record(app, evaluation, actor, app.ReceivedAt!.Value, EligibilityRun.Submitted);
        }
        await db.SaveChangesAsync(ct);
    }
}
