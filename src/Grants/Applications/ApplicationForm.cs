using System.Text.Json.Serialization;

namespace Grants.Applications;

/// <summary>
/// The förbund's application form (ansökan) as data. The same shape is used by the JSON API,
/// the page, the stored versions and the eligibility rules. Sums are never typed: see <see cref="Budget"/>.
/// </summary>
public sealed class ApplicationForm
{
    public OrganisationSection Organisation { get; set; } = new();
    public ProjectSection Project { get; set; } = new();
    public TargetGroupSection TargetGroup { get; set; } = new();
    public CooperationSection Cooperation { get; set; } = new();
    public FollowUpSection FollowUp { get; set; } = new();
    public List<BudgetYear> Budget { get; set; } = [];
    public List<OtherFunder> Financing { get; set; } = [];
    public SignatureSection Signature { get; set; } = new();
    /// <summary>The programme/call (utlysning) the application belongs to, if any (Eligibility/Programme.cs).</summary>
    public Guid? ProgrammeId { get; set; }

    /// <summary>Computed budget totals; read-only in the JSON.</summary>
    [JsonIgnore]
    public BudgetTotals Totals => Applications.Budget.Compute(Budget);
}

[JsonConverter(typeof(JsonStringEnumConverter<OrganisationType>))]
public enum OrganisationType
{
    Kommun,
    Region,
    StatligMyndighet,
    IdeellForening,
    Stiftelse,
    Trossamfund,
    Aktiebolag,
    EkonomiskForening,
    ArbetsintegrerandeSocialtForetag,
    Annan,
}

[JsonConverter(typeof(JsonStringEnumConverter<PaymentAccountKind>))]
public enum PaymentAccountKind { Bankgiro, Plusgiro }

public sealed class OrganisationSection
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public OrganisationType? Type { get; set; }
    /// <summary>Firmatecknare or chef.</summary>
    public string? Signatory { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public ContactPerson Contact { get; set; } = new();
    public PaymentAccountKind? PaymentAccountKind { get; set; }
    public string? PaymentAccount { get; set; }
}

public sealed class ContactPerson
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }
}

public sealed class ProjectSection
{
    public string? Name { get; set; }
    /// <summary>Bakgrund / problemformulering.</summary>
    public string? Background { get; set; }
    public string? Purpose { get; set; }
    /// <summary>Measurable goals, one per entry.</summary>
    public List<string> Goals { get; set; } = [];
    /// <summary>Avgränsningar och mervärde.</summary>
    public string? BoundariesAndAddedValue { get; set; }
    /// <summary>Tid och aktivitetsplan.</summary>
    public string? Activities { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? GenderEquality { get; set; }
    public string? Accessibility { get; set; }
    public string? Diversity { get; set; }
    /// <summary>Implementering: what happens when the grant ends.</summary>
    public string? Implementation { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<TargetCategory>))]
public enum TargetCategory
{
    UngaUtanSysselsattning,
    Forsorjningsstod,
    Aktivitetsersattning,
    Sjukskrivna,
    Funktionsnedsattning,
    NyanlandaMedUppehallstillstand,
    Asylsokande,
    Langtidsarbetslosa,
}

public sealed class TargetGroupSection
{
    public string? Description { get; set; }
    public int? Participants { get; set; }
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    /// <summary>Expected gender split in whole participants.</summary>
    public int? Women { get; set; }
    public int? Men { get; set; }
    public List<TargetCategory> Categories { get; set; } = [];
}

public sealed class CooperationSection
{
    /// <summary>Which of the förbund's huvudmän take part, and how.</summary>
    public List<MemberParticipation> Members { get; set; } = [];
    /// <summary>Other partners (non-members), free text.</summary>
    public string? OtherPartners { get; set; }
}

public sealed class MemberParticipation
{
    public string MemberKey { get; set; } = "";
    public string? How { get; set; }
}

public sealed class FollowUpSection
{
    /// <summary>Uppföljning/utvärdering: how results are followed up.</summary>
    public string? Plan { get; set; }
    public string? ResponsibleName { get; set; }
    public string? ResponsibleEmail { get; set; }
}

public sealed class BudgetYear
{
    public int Year { get; set; }
    public long Personnel { get; set; }
    public long Premises { get; set; }
    /// <summary>Övriga kostnader inkl. startkostnader.</summary>
    public long Other { get; set; }
    public long Evaluation { get; set; }
    /// <summary>Intäkter excluding the förbund's grant.</summary>
    public long Income { get; set; }

    [JsonIgnore] public long TotalCosts => Personnel + Premises + Other + Evaluation;
    [JsonIgnore] public long NetCost => TotalCosts - Income;
}

[JsonConverter(typeof(JsonStringEnumConverter<FunderStatus>))]
public enum FunderStatus { Sokt, Beviljad, Avslagen }

public sealed class OtherFunder
{
    public string? Name { get; set; }
    public long Amount { get; set; }
    public FunderStatus Status { get; set; }
    public DateOnly? DecisionDate { get; set; }
}

public sealed class SignatureSection
{
    public string? Name { get; set; }
    /// <summary>Namnförtydligande.</summary>
    public string? NameInPrint { get; set; }
    public string? Role { get; set; }
    public DateOnly? Date { get; set; }
}
