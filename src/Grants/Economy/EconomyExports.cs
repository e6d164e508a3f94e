using Grants.Shared;

namespace Grants.Economy;

/// <summary>Commitments or payments per year and project as a spreadsheet (CSV or XLSX through Shared/Spreadsheet).</summary>
public static class EconomyExports
{
    public static Spreadsheet Build(string kind, int? year, IReadOnlyList<CommitmentFigures> figures, LocalClock clock) =>
        kind == "payments" ? PaymentsSheet(year, figures, clock) : CommitmentsSheet(year, figures);

    public static string FileName(string kind, int? year) =>
        (kind == "payments" ? "utbetalningar" : "ataganden") + (year is { } y ? "-" + y : "");

    public static Spreadsheet CommitmentsSheet(int? year, IReadOnlyList<CommitmentFigures> figures)
    {
        var sheet = new Spreadsheet(year is { } y ? $"Åtaganden {y}" : "Åtaganden",
            ["År", "Projekt", "Diarienummer", "Mottagare", "Beslutsdatum", "Paragraf", "Status", "Beviljat", "Frigjort", "Förfallet", "Utbetalt", "Återstår", "Rekvirerat"]);
        foreach (var f in figures)
            sheet.Add(f.Commitment.Year, f.Commitment.ProjectName, f.Commitment.RegistrationNumber, f.Commitment.Recipient, f.Commitment.DecisionDate,
                f.Commitment.ParagraphNumber is { } p ? $"§ {p}" : null, EconomyText.Status(f.Status), f.Commitment.Amount, f.Released, f.Lapsed, f.Paid, f.Remaining, f.Requisitioned);
        return sheet;
    }

    public static Spreadsheet PaymentsSheet(int? year, IReadOnlyList<CommitmentFigures> figures, LocalClock clock)
    {
        var sheet = new Spreadsheet(year is { } y ? $"Utbetalningar {y}" : "Utbetalningar",
            ["År", "Projekt", "Diarienummer", "Mottagare", "Utbetalningsdatum", "Belopp", "Referens", "Rättar", "Registrerad", "Registrerad av", "Roll"]);
        foreach (var f in figures)
            foreach (var p in f.Payments)
                sheet.Add(f.Commitment.Year, f.Commitment.ProjectName, f.Commitment.RegistrationNumber, f.Commitment.Recipient, p.Date, p.Amount, p.Reference,
                    p.CorrectsId?.ToString(), clock.Format(p.RecordedAt), p.RecordedBy, p.RecordedByRole);
        return sheet;
    }
}

/// <summary>Swedish labels for the economy's states.</summary>
public static class EconomyText
{
    public static string Status(CommitmentStatus s) => s switch
    {
        CommitmentStatus.Firm => "Beviljat",
        CommitmentStatus.ConditionalPending => "Villkorat (villkoren ej uppfyllda)",
        CommitmentStatus.Lapsed => "Förfallet/återkallat",
        _ => s.ToString(),
    };
}
