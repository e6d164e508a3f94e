using Grants.Applications;
using Grants.Association;

namespace Grants.Eligibility;

/// <summary>A huvudman as the rules see it: its key, kind (Forsakringskassan, Arbetsformedlingen, Region, Kommun) and names.</summary>
public sealed record MemberFact(string Key, string Kind, string Name, string GenitiveName);

/// <summary>A budget year: total costs, income (excl. the förbund's grant) and net cost.</summary>
public sealed record BudgetYearFact(int Year, long TotalCosts, long Income, long NetCost);

/// <summary>Another funder in the financing plan; Status is Sokt, Beviljad or Avslagen.</summary>
public sealed record FunderFact(string Name, long Amount, string Status);

/// <summary>The programme/call (utlysning) the application belongs to, as the rules see it.</summary>
public sealed record ProgrammeFact(string Name, DateTime? StartDate, DateTime? EndDate, int? AgeMin, int? AgeMax, long? CostCeiling, DateTime? ClosingDate);

/// <summary>
/// The input the rule expressions see as <c>input</c> (documented field by field in rules/README.md).
/// Facts only — every judgement (thresholds, lists, what counts) is in rules/*.json.
/// </summary>
public sealed class ApplicationFacts
{
    // The applicant
    public string OrganisationName { get; init; } = "";
    /// <summary>Kommun, Region, StatligMyndighet, IdeellForening, ..., ArbetsintegrerandeSocialtForetag, Annan; "" when not chosen.</summary>
    public string OrganisationType { get; init; } = "";
    public bool ApplicantIsMember { get; init; }
    public MemberFact? ApplicantMember { get; init; }

    // The project
    public string ProjectName { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string Activities { get; init; } = "";
    public string BoundariesAndAddedValue { get; init; } = "";
    public string Implementation { get; init; } = "";
    public int GoalsCount { get; init; }
    public DateTime? StartDate { get; init; }
    public DateTime? EndDate { get; init; }
    /// <summary>Whole months from start to end (a part month counts); null without both dates.</summary>
    public int? DurationMonths { get; init; }

    // The target group
    public string TargetGroupDescription { get; init; } = "";
    public List<string> TargetCategories { get; init; } = [];
    public int? Participants { get; init; }
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }

    // Cooperation: the members taking part, the applicant included when it is a member (each once)
    public List<MemberFact> ParticipatingMembers { get; init; } = [];
    public string OtherPartners { get; init; } = "";

    // Budget and financing (whole kronor)
    public List<BudgetYearFact> BudgetYears { get; init; } = [];
    public long TotalCosts { get; init; }
    public long Income { get; init; }
    /// <summary>Summa nettokostnader = the amount applied for.</summary>
    public long NetCost { get; init; }
    public List<FunderFact> Financing { get; init; } = [];

    // Follow-up and signature
    public string FollowUpPlan { get; init; } = "";
    public string ResponsibleName { get; init; } = "";
    public string SignatureName { get; init; } = "";
    public DateTime? SignatureDate { get; init; }

    // The förbund and its economy
    public string AssociationName { get; init; } = "";
    public List<MemberFact> AssociationMembers { get; init; } = [];
    /// <summary>The economic room for new projects in kronor; null when unknown.</summary>
    public long? EconomicRoom { get; init; }
    /// <summary>The programme/call, or null.</summary>
    public ProgrammeFact? Programme { get; init; }
    /// <summary>Today in the förbund's time zone.</summary>
    public DateTime Today { get; init; }
    /// <summary>Ankomstdatum of a received application; null for a draft.</summary>
    public DateTime? ArrivalDate { get; init; }

    public static ApplicationFacts From(ApplicationForm form, AssociationProfile profile, long? economicRoom, ProgrammeFact? programme, DateOnly today, DateOnly? arrivalDate = null)
    {
        var members = profile.Members.Select(Fact).ToList();
        var applicant = profile.MemberByOrganisationNumber(form.Organisation.OrganisationNumber);
        var participating = new List<MemberFact>();
        if (applicant is not null) participating.Add(Fact(applicant));
        foreach (var m in form.Cooperation.Members)
            if (profile.FindMember(m.MemberKey) is { } found && participating.All(p => p.Key != found.Key)) participating.Add(Fact(found));
        var totals = form.Totals;
        var p = form.Project;
        return new ApplicationFacts
        {
            OrganisationName = Text(form.Organisation.Name),
            OrganisationType = form.Organisation.Type?.ToString() ?? "",
            ApplicantIsMember = applicant is not null,
            ApplicantMember = applicant is null ? null : Fact(applicant),
            ProjectName = Text(p.Name),
            Purpose = Text(p.Purpose),
            Activities = Text(p.Activities),
            BoundariesAndAddedValue = Text(p.BoundariesAndAddedValue),
            Implementation = Text(p.Implementation),
            GoalsCount = p.Goals.Count(g => !string.IsNullOrWhiteSpace(g)),
            StartDate = Date(p.StartDate),
            EndDate = Date(p.EndDate),
            DurationMonths = p.StartDate is { } s && p.EndDate is { } e && e >= s ? Months(s, e) : null,
            TargetGroupDescription = Text(form.TargetGroup.Description),
            TargetCategories = form.TargetGroup.Categories.Select(c => c.ToString()).Distinct().ToList(),
            Participants = form.TargetGroup.Participants,
            AgeMin = form.TargetGroup.AgeMin,
            AgeMax = form.TargetGroup.AgeMax,
            ParticipatingMembers = participating,
            OtherPartners = Text(form.Cooperation.OtherPartners),
            BudgetYears = totals.Years.Select(y => new BudgetYearFact(y.Year, y.TotalCosts, y.Income, y.NetCost)).ToList(),
            TotalCosts = totals.TotalCosts,
            Income = totals.Income,
            NetCost = totals.NetCost,
            Financing = form.Financing.Select(f => new FunderFact(Text(f.Name), f.Amount, f.Status.ToString())).ToList(),
            FollowUpPlan = Text(form.FollowUp.Plan),
            ResponsibleName = Text(form.FollowUp.ResponsibleName),
            SignatureName = Text(form.Signature.Name),
            SignatureDate = Date(form.Signature.Date),
            AssociationName = profile.Name,
            AssociationMembers = members,
            EconomicRoom = economicRoom,
            Programme = programme,
            Today = today.ToDateTime(TimeOnly.MinValue),
            ArrivalDate = Date(arrivalDate),
        };
    }

    private static MemberFact Fact(Member m) => new(m.Key, m.Kind.ToString(), m.Name, m.GenitiveName);
    private static string Text(string? s) => s?.Trim() ?? "";
    private static DateTime? Date(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    /// <summary>2015-08-01..2015-12-31 is 5 months; 2015-01-01..2017-12-31 is 36; a part month counts as one.</summary>
    private static int Months(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        var months = (after.Year - start.Year) * 12 + after.Month - start.Month;
        return after.Day > start.Day ? months + 1 : months;
    }
}
