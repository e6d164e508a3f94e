using Grants.Shared;

namespace Grants.FollowUp;

/// <summary>
/// A report as data (API, page and stored versions), after the status-report template in seeds/001:
/// Organisation, Personal, Individ, participant figures and outcomes. A final report adds a result per
/// measurable goal of the application and the economic account (outcome per budget row and year).
/// </summary>
public sealed class ReportForm
{
    public string? Organisation { get; set; }
    public string? Personnel { get; set; }
    public string? Individual { get; set; }
    public ParticipantFigures Participants { get; set; } = new();
    public ParticipantOutcomes Outcomes { get; set; } = new();
    public List<GoalResult> Goals { get; set; } = [];
    public List<EconomyYear> Economy { get; set; } = [];
}

public sealed class ParticipantFigures
{
    public int? Women { get; set; }
    public int? Men { get; set; }
    public int? Other { get; set; }
    /// <summary>New this period.</summary>
    public int? New { get; set; }
    /// <summary>Ended this period.</summary>
    public int? Ended { get; set; }

    public int Total => (Women ?? 0) + (Men ?? 0) + (Other ?? 0);
}

/// <summary>Where the participants who ended went (seeds/001), and how many are "vilande".</summary>
public sealed class ParticipantOutcomes
{
    public int? Work { get; set; }
    public int? Studies { get; set; }
    /// <summary>Annan insats / rätt instans.</summary>
    public int? OtherIntervention { get; set; }
    /// <summary>Avslutat på egen begäran.</summary>
    public int? OwnRequest { get; set; }
    /// <summary>Vilande: paused, expected back.</summary>
    public int? Dormant { get; set; }
}

public sealed class GoalResult
{
    /// <summary>The application's goal (filled in by the server from the application).</summary>
    public string? Goal { get; set; }
    public string? Result { get; set; }
}

/// <summary>Outcome (utfall) of one budget year, whole kronor, in the application's budget rows.</summary>
public sealed class EconomyYear
{
    public int Year { get; set; }
    public long? Personnel { get; set; }
    public long? Premises { get; set; }
    public long? Other { get; set; }
    public long? Evaluation { get; set; }

    public long Total => (Personnel ?? 0) + (Premises ?? 0) + (Other ?? 0) + (Evaluation ?? 0);
}

/// <summary>Field checks with Swedish messages keyed by JSON path; a final report must be complete.</summary>
public static class ReportValidator
{
    private const int MaxText = 20_000;
    private const int MaxCount = 100_000;
    private const long MaxKronor = 10_000_000_000;

    public static ValidationErrors Validate(ReportForm form, ReportKind kind, IReadOnlyList<string> goals, IReadOnlyCollection<int> years)
    {
        var e = new ValidationErrors();
        Text(e, "organisation", form.Organisation, "Organisation");
        Text(e, "personnel", form.Personnel, "Personal");
        Text(e, "individual", form.Individual, "Individ");

        var p = form.Participants;
        Count(e, "participants.women", p.Women, "antalet kvinnor");
        Count(e, "participants.men", p.Men, "antalet män");
        Count(e, "participants.other", p.Other, "antalet med annan eller ingen angiven könstillhörighet");
        Count(e, "participants.new", p.New, "antalet nya deltagare under perioden");
        Count(e, "participants.ended", p.Ended, "antalet avslutade under perioden");
        if (p.New > p.Total) e.Add("participants.new", "Antalet nya kan inte vara fler än antalet deltagare.");
        if (p.Ended > p.Total) e.Add("participants.ended", "Antalet avslutade kan inte vara fler än antalet deltagare.");

        var o = form.Outcomes;
        Count(e, "outcomes.work", o.Work, "antalet till arbete");
        Count(e, "outcomes.studies", o.Studies, "antalet till studier");
        Count(e, "outcomes.otherIntervention", o.OtherIntervention, "antalet till annan insats eller rätt instans");
        Count(e, "outcomes.ownRequest", o.OwnRequest, "antalet som avslutat på egen begäran");
        Count(e, "outcomes.dormant", o.Dormant, "antalet vilande");
        if ((o.Work ?? 0) + (o.Studies ?? 0) + (o.OtherIntervention ?? 0) + (o.OwnRequest ?? 0) > (p.Ended ?? 0))
            e.Add("outcomes.work", "Arbete, studier, annan insats och egen begäran kan tillsammans inte vara fler än antalet avslutade.");
        if (o.Dormant > p.Total - (p.Ended ?? 0)) e.Add("outcomes.dormant", "Antalet vilande kan inte vara fler än deltagarna som inte har avslutats.");

        if (kind == ReportKind.FinalReport)
        {
            for (var i = 0; i < goals.Count; i++)
            {
                var result = i < form.Goals.Count ? form.Goals[i].Result : null;
                if (string.IsNullOrWhiteSpace(result)) e.Add($"goals[{i}].result", $"Beskriv resultatet för målet ”{goals[i]}”.");
                else if (result.Length > MaxText) e.Add($"goals[{i}].result", $"Resultatet får vara högst {MaxText} tecken.");
            }
            foreach (var year in years.Where(y => !form.Economy.Any(x => x.Year == y)))
                e.Add("economy", $"Den ekonomiska redovisningen saknar år {year}.");
        }

        for (var i = 0; i < form.Economy.Count; i++)
        {
            var row = form.Economy[i];
            if (!years.Contains(row.Year)) e.Add($"economy[{i}].year", $"År {row.Year} finns inte i projektets budget.");
            else if (form.Economy.Take(i).Any(x => x.Year == row.Year)) e.Add($"economy[{i}].year", $"År {row.Year} finns redan i redovisningen.");
            Kronor(e, $"economy[{i}].personnel", row.Personnel, "personal");
            Kronor(e, $"economy[{i}].premises", row.Premises, "lokal");
            Kronor(e, $"economy[{i}].other", row.Other, "övriga kostnader");
            Kronor(e, $"economy[{i}].evaluation", row.Evaluation, "utvärdering");
        }
        return e;
    }

    private static void Text(ValidationErrors e, string field, string? value, string section)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(field, $"Fyll i avsnittet {section}.");
        else if (value.Length > MaxText) e.Add(field, $"Avsnittet {section} får vara högst {MaxText} tecken.");
    }

    private static void Count(ValidationErrors e, string field, int? value, string what)
    {
        if (value is null) e.Add(field, $"Ange {what} (0 om inga).");
        else if (value < 0 || value > MaxCount) e.Add(field, $"Ange {what} som ett heltal mellan 0 och {MaxCount}.");
    }

    private static void Kronor(ValidationErrors e, string field, long? value, string row)
    {
        if (value is null) e.Add(field, $"Ange utfallet för {row} i hela kronor (0 om inget).");
        else if (value < 0 || value > MaxKronor) e.Add(field, $"Utfallet för {row} måste vara ett belopp i hela kronor från 0.");
    }
}
