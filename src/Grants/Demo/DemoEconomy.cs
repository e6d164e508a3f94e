using Grants.Economy;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Demo;

/// <summary>
/// The demo förbund's economy: budget year 2015 entered so that the report per 2015-03-31 reproduces § 600 of
/// seeds/004 (result 323 919, income 6 594 370, carried-over surplus 2 192 262, recommended max equity 1 220 000,
/// room 2 207 732), and a budget for the current year. The minutes give only the totals; the breakdown into members'
/// contributions, cost lines, earlier decisions and first-quarter bookings below is constructed for the demo.
/// § 600 states the forecast costs as 5 385 900 but its own result (1 235 470 = 6 594 370 − costs) needs 5 358 900:
/// the demo follows the result (and so the room), which the board approved, and takes 5 358 900 as the costs.
/// Decisions adjusted in the system (READY, Knut'n 2.0, VIA ...) become commitments through the board's listener.
/// </summary>
public static class DemoEconomy
{
    public const int Year = 2015;
    public static readonly DateOnly ReportDate = new(2015, 3, 31);

    public static async Task LoadAsync(GrantsDbContext db, DateTimeOffset now, int currentYear)
    {
        if (await db.BudgetYears.AnyAsync()) return;
        var kansli = DemoData.Users.First(u => u.Role == Roles.Secretariat);
        var userId = await db.Users.Where(u => u.Email == kansli.Email).Select(u => u.Id).SingleAsync();
        var actor = new Actor(userId, kansli.Name, Roles.Secretariat);

        var members = (await db.AssociationProfiles.AsNoTracking().SingleAsync()).Members;
        AddYear(db, actor, now, Year, carriedOver: 2_192_262, maxEquity: 1_220_000,
            contributions: Split(members, 6_000_000, firstKommunPercent: 85),
            otherIncome: [("Slutrekvirering Europeiska socialfonden, förstudien Improve", 569_370), ("Övriga intäkter (ränta m.m.)", 25_000)],
            operatingCosts: [("Kansli (förbundschef, sekreterare, lokaler)", 1_450_000), ("Information och gemensam kompetensutveckling", 300_000), ("Styrelse och revision", 180_000)]);

        // Ordinarie samverkan and an earlier decision (the samordnare of 2015-03-05): "tidigare beslutad projektverksamhet".
        var torget = Commitment(actor, now, "Arbetsmarknadstorget (ordinarie samverkan)", "Skellefteå kommun", 1_600_000, new DateOnly(2014, 11, 20), 571);
        var ungkomp = Commitment(actor, now, "UngKOMP (ordinarie samverkan)", "Skellefteå kommun", 1_300_000, new DateOnly(2014, 11, 20), 572);
        var samordnare = Commitment(actor, now, "Samordnare långvarigt ekonomiskt bistånd", "Norsjö kommun", 528_900, new DateOnly(2015, 3, 5), 589);
        db.Commitments.AddRange(torget, ungkomp, samordnare);

        db.ActualEntries.AddRange(
            Actual(actor, now, new DateOnly(2015, 1, 31), ActualKind.Income, "Huvudmännens bidrag, första kvartalet", 1_500_000),
            Actual(actor, now, new DateOnly(2015, 3, 31), ActualKind.Cost, "Kansli, första kvartalet", 412_081),
            Actual(actor, now, new DateOnly(2015, 3, 31), ActualKind.Cost, "Information och kompetensutveckling, första kvartalet", 39_000));
        db.Payments.AddRange(
            Payment(actor, now, torget, new DateOnly(2015, 2, 15), 400_000, "Ver 2015-0112"),
            Payment(actor, now, ungkomp, new DateOnly(2015, 2, 15), 325_000, "Ver 2015-0113"));

        if (currentYear != Year)
        {
            AddYear(db, actor, now, currentYear, carriedOver: 1_800_000, maxEquity: 1_300_000,
                contributions: Split(members, 6_400_000, firstKommunPercent: 85),
                otherIncome: [],
                operatingCosts: [("Kansli (förbundschef, sekreterare, lokaler)", 1_600_000), ("Information och gemensam kompetensutveckling", 400_000)]);
        }
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(BudgetYear), Year.ToString(), "economy.demo-loaded"));
        await db.SaveChangesAsync();
    }

    private static void AddYear(GrantsDbContext db, Actor actor, DateTimeOffset now, int year, long carriedOver, long maxEquity,
        (Association.Member Member, long Amount)[] contributions, (string Label, long Amount)[] otherIncome, (string Label, long Amount)[] operatingCosts)
    {
        db.BudgetYears.Add(new BudgetYear { Year = year, CarriedOverSurplus = carriedOver, RecommendedMaxEquity = maxEquity, UpdatedAt = now, UpdatedBy = actor.Name, UpdatedByRole = actor.Role, Version = 1 });
        db.BudgetLines.AddRange(contributions.Select(c => new BudgetLine { Year = year, Kind = BudgetLineKind.Contribution, MemberKey = c.Member.Key, Label = c.Member.Name, Amount = c.Amount }));
        db.BudgetLines.AddRange(otherIncome.Select(l => new BudgetLine { Year = year, Kind = BudgetLineKind.OtherIncome, Label = l.Label, Amount = l.Amount }));
        db.BudgetLines.AddRange(operatingCosts.Select(l => new BudgetLine { Year = year, Kind = BudgetLineKind.OperatingCost, Label = l.Label, Amount = l.Amount }));
    }

    /// <summary>
    /// The 5 § split of a total over the profile's members: half to Försäkringskassan, a quarter to the (first) region, a
    /// quarter to the kommuner (the first kommun a given percentage of it, the rest evenly; in the demo Skellefteå 85 %, Norsjö 15 %).
    /// </summary>
    private static (Association.Member, long)[] Split(List<Association.Member> members, long total, int firstKommunPercent)
    {
        var result = new List<(Association.Member, long)>();
        if (members.FirstOrDefault(m => m.Kind == Association.MemberKind.Forsakringskassan) is { } fk) result.Add((fk, total / 2));
        if (members.FirstOrDefault(m => m.Kind == Association.MemberKind.Region) is { } region) result.Add((region, total / 4));
        var kommuner = members.Where(m => m.Kind == Association.MemberKind.Kommun).ToList();
        var share = total / 4;
        if (kommuner.Count == 1) result.Add((kommuner[0], share));
        else if (kommuner.Count > 1)
        {
            var first = share * firstKommunPercent / 100;
            var each = (share - first) / (kommuner.Count - 1);
            result.Add((kommuner[0], share - each * (kommuner.Count - 1)));
            result.AddRange(kommuner.Skip(1).Select(k => (k, each)));
        }
        return [.. result];
    }

    private static Commitment Commitment(Actor a, DateTimeOffset now, string name, string recipient, long amount, DateOnly decided, int paragraph) => new()
    {
        ProjectName = name, Recipient = recipient, Year = Year, Amount = amount, DecisionKind = "Granted", DecisionDate = decided, ParagraphNumber = paragraph,
        RecordedAt = now, RecordedByUserId = a.UserId, RecordedBy = a.Name, RecordedByRole = a.Role,
    };

    private static ActualEntry Actual(Actor a, DateTimeOffset now, DateOnly date, ActualKind kind, string label, long amount) => new()
    {
        Year = Year, Date = date, Kind = kind, Label = label, Amount = amount, RecordedAt = now, RecordedByUserId = a.UserId, RecordedBy = a.Name, RecordedByRole = a.Role,
    };

    private static Payment Payment(Actor a, DateTimeOffset now, Commitment c, DateOnly date, long amount, string reference) => new()
    {
        CommitmentId = c.Id, Date = date, Amount = amount, Reference = reference, RecordedAt = now, RecordedByUserId = a.UserId, RecordedBy = a.Name, RecordedByRole = a.Role,
    };
}
