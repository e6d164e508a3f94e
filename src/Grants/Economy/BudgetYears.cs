using System.Security.Claims;
using System.Text.Json;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Economy;

/// <summary>The kansli keeps the budget years: the plan (save), the accounts' outcome (actuals) and the closing.</summary>
public sealed class BudgetYears(GrantsDbContext db, ProfileStore profiles, WriteGate gate, TimeProvider time, IOptions<EconomyOptions> options)
{
    public const long MaxAmount = 1_000_000_000_000;

    public sealed record ContributionInput(string? MemberKey, long? Amount);
    public sealed record LineInput(string? Label, long? Amount);
    public sealed record SaveRequest(
        long? CarriedOverSurplus,
        long? RecommendedMaxEquity,
        List<ContributionInput>? Contributions,
        List<LineInput>? OtherIncome,
        List<LineInput>? OperatingCosts);
    public sealed record ActualRequest(DateOnly? Date, ActualKind? Kind, string? Label, long? Amount, string? Reference, Guid? CorrectsId);

    public static string ClosedMessage(int year) => $"Budgetåret {year} är stängt och kan inte ändras.";

    public async Task<Outcome<BudgetYear>> SaveAsync(ClaimsPrincipal user, int year, SaveRequest r, int? ifMatch, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var profile = await profiles.GetAsync(ct);
        if (year is < 2000 or > 2100) errors.Add("year", "Budgetåret måste vara ett årtal mellan 2000 och 2100.");
        if (r.CarriedOverSurplus is not { } surplus || Math.Abs(surplus) > MaxAmount) errors.Add("carriedOverSurplus", "Ange överfört överskott från tidigare år i hela kronor (0 om inget).");
        if (r.RecommendedMaxEquity is not { } equity || equity < 0 || equity > MaxAmount) errors.Add("recommendedMaxEquity", "Ange Nationella rådets rekommenderade högsta egna kapital i hela kronor (0 eller mer).");
        var contributions = r.Contributions ?? [];
        for (var i = 0; i < contributions.Count; i++)
        {
            var c = contributions[i];
            if (string.IsNullOrWhiteSpace(c.MemberKey) || profile.FindMember(c.MemberKey) is null) errors.Add($"contributions[{i}].memberKey", "Välj en av förbundets huvudmän.");
            else if (contributions.Take(i).Any(o => o.MemberKey == c.MemberKey)) errors.Add($"contributions[{i}].memberKey", "Huvudmannen finns redan med; ange ett belopp per huvudman.");
            if (c.Amount is not { } a || a < 0 || a > MaxAmount) errors.Add($"contributions[{i}].amount", "Ange bidraget i hela kronor (0 eller mer).");
        }
        CheckLines(errors, "otherIncome", r.OtherIncome ?? []);
        CheckLines(errors, "operatingCosts", r.OperatingCosts ?? []);
        if (errors.IsEmpty)
        {
            var byMember = contributions.ToDictionary(c => c.MemberKey!, c => c.Amount!.Value);
            foreach (var party in MemberSplit.Check(profile.Members, byMember, options.Value.SplitToleranceKronor).Where(p => !p.WithinTolerance))
                errors.Add("contributions", $"{party.Label} ska enligt 5 § lagen (2003:1210) bidra med {party.ShareLabel} ({SplitText(party.Expected)}) men bidrar med " +
                                            $"{Applications.SwedishIdentifiers.Kronor(party.Amount)} (tillåten avrundning {options.Value.SplitToleranceKronor} kronor).");
        }
        if (!errors.IsEmpty) return Outcome<BudgetYear>.Invalid(errors);

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        using var _ = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var budget = await db.BudgetYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (budget is { Closed: true }) return Outcome<BudgetYear>.Conflict(ClosedMessage(year));
        if (ifMatch is { } expected && (budget?.Version ?? 0) != expected)
            return Outcome<BudgetYear>.Conflict("Budgetåret har ändrats av någon annan sedan du hämtade det. Hämta det på nytt och gör om ändringen.");
        var isNew = budget is null;
        budget ??= new BudgetYear { Year = year };
        var before = isNew ? null : Describe(budget, await db.BudgetLines.Where(l => l.Year == year).ToListAsync(ct));
        budget.CarriedOverSurplus = r.CarriedOverSurplus!.Value;
        budget.RecommendedMaxEquity = r.RecommendedMaxEquity!.Value;
        budget.UpdatedAt = now;
        budget.UpdatedBy = actor.Name;
        budget.UpdatedByRole = actor.Role;
        budget.Version++;
        if (isNew) db.BudgetYears.Add(budget);
        // The plan of an open year is replaced as a whole; the audit row keeps what it was.
        await db.BudgetLines.Where(l => l.Year == year).ExecuteDeleteAsync(ct);
        var lines = contributions.Select(c => new BudgetLine { Year = year, Kind = BudgetLineKind.Contribution, MemberKey = c.MemberKey, Label = profile.FindMember(c.MemberKey!)!.Name, Amount = c.Amount!.Value })
            .Concat((r.OtherIncome ?? []).Select(l => new BudgetLine { Year = year, Kind = BudgetLineKind.OtherIncome, Label = l.Label!.Trim(), Amount = l.Amount!.Value }))
            .Concat((r.OperatingCosts ?? []).Select(l => new BudgetLine { Year = year, Kind = BudgetLineKind.OperatingCost, Label = l.Label!.Trim(), Amount = l.Amount!.Value }))
            .ToList();
        db.BudgetLines.AddRange(lines);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(BudgetYear), year.ToString(), isNew ? "economy.year-created" : "economy.year-saved",
            JsonSerializer.Serialize(new { before, after = Describe(budget, lines) })));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return budget;
    }

    public async Task<Outcome<BudgetYear>> CloseAsync(ClaimsPrincipal user, int year, CancellationToken ct)
    {
        var actor = Actor.From(user);
        using var _ = await gate.EnterAsync(ct);
        var budget = await db.BudgetYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (budget is null) return Outcome<BudgetYear>.NotFound();
        if (budget.Closed) return Outcome<BudgetYear>.Conflict(ClosedMessage(year));
        budget.Closed = true;
        budget.ClosedAt = time.GetUtcNow();
        budget.ClosedBy = actor.Name;
        budget.Version++;
        db.AuditEntries.Add(AuditEntry.Of(actor, budget.ClosedAt.Value, nameof(BudgetYear), year.ToString(), "economy.year-closed"));
        await db.SaveChangesAsync(ct);
        return budget;
    }

    public async Task<Outcome<ActualEntry>> RecordActualAsync(ClaimsPrincipal user, int year, ActualRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.Date is not { } date) errors.Add("date", "Ange datum (ÅÅÅÅ-MM-DD).");
        else if (date.Year != year) errors.Add("date", $"Datumet måste ligga i budgetåret {year}.");
        if (r.Kind is null) errors.Add("kind", "Ange om posten är en intäkt (Income) eller en kostnad (Cost).");
        if (string.IsNullOrWhiteSpace(r.Label) || r.Label.Length > 200) errors.Add("label", "Ange vad posten avser (högst 200 tecken).");
        if (r.Reference is { Length: > 100 }) errors.Add("reference", "Referensen får vara högst 100 tecken.");
        ActualEntry? corrected = null;
        if (r.CorrectsId is { } cid && (corrected = await db.ActualEntries.AsNoTracking().SingleOrDefaultAsync(a => a.Id == cid && a.Year == year, ct)) is null)
            errors.Add("correctsId", "Posten som ska rättas finns inte i budgetåret.");
        // Only a correction may be negative: an entry is never changed, it is offset.
        if (r.Amount is not { } amount || amount == 0 || Math.Abs(amount) > MaxAmount || (amount < 0 && corrected is null))
            errors.Add("amount", "Ange beloppet i hela kronor, större än 0 (ett negativt belopp bara som rättelse av en tidigare post).");
        if (corrected is not null && r.Kind is { } k && k != corrected.Kind) errors.Add("kind", "En rättelse har samma slag som posten den rättar.");
        if (!errors.IsEmpty) return Outcome<ActualEntry>.Invalid(errors);

        var actor = Actor.From(user);
        using var _ = await gate.EnterAsync(ct);
        var budget = await db.BudgetYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (budget is null) return Outcome<ActualEntry>.Conflict($"Budgetåret {year} finns inte; lägg in budgeten först.");
        if (budget.Closed) return Outcome<ActualEntry>.Conflict(ClosedMessage(year));
        var entry = new ActualEntry
        {
            Year = year, Date = r.Date!.Value, Kind = r.Kind!.Value, Label = r.Label!.Trim(), Amount = r.Amount!.Value, Reference = r.Reference?.Trim(),
            CorrectsId = corrected?.Id, RecordedAt = time.GetUtcNow(), RecordedByUserId = actor.UserId, RecordedBy = actor.Name, RecordedByRole = actor.Role,
        };
        db.ActualEntries.Add(entry);
        db.AuditEntries.Add(AuditEntry.Of(actor, entry.RecordedAt, nameof(ActualEntry), entry.Id.ToString(), "economy.actual-recorded",
            $"{entry.Date:yyyy-MM-dd} {entry.Kind} {entry.Label} {entry.Amount}"));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    private static void CheckLines(ValidationErrors errors, string field, List<LineInput> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i].Label) || lines[i].Label!.Length > 200) errors.Add($"{field}[{i}].label", "Ange vad raden avser (högst 200 tecken).");
            if (lines[i].Amount is not { } a || a < 0 || a > MaxAmount) errors.Add($"{field}[{i}].amount", "Ange beloppet i hela kronor (0 eller mer).");
        }
    }

    private static string SplitText(decimal expected) =>
        decimal.Truncate(expected) == expected ? Applications.SwedishIdentifiers.Kronor((long)expected) : expected.ToString("#,0.##", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")) + " kronor";

    private static object Describe(BudgetYear y, IEnumerable<BudgetLine> lines) => new
    {
        y.CarriedOverSurplus,
        y.RecommendedMaxEquity,
        lines = lines.Select(l => new { kind = l.Kind.ToString(), l.MemberKey, l.Label, l.Amount }),
    };
}
