using Grants.Applications;
using Grants.Eligibility;
using Grants.Infrastructure;
using Grants.Lsg;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>
/// The prefilled text of "Ekonomisk rapport" (§ 600). The economy feature registers one; without it the item
/// starts with an empty text and the proposal "att godkänna rapporten.".
/// </summary>
public interface IEconomicReportText
{
    Task<EconomicReportText> ForMeetingAsync(DateOnly meetingDate, CancellationToken ct);
}

public sealed record EconomicReportText(string Text, IReadOnlyList<string> Proposal);

/// <summary>Writes an application item in the sources' form (seeds/004 items 4, 5 and § 601–606), every text editable afterwards.</summary>
public sealed class AgendaPrefill(GrantsDbContext db, IServiceProvider services)
{
    public const string EconomicReportTitle = "Ekonomisk rapport";

    public async Task<AgendaItem> ApplicationItemAsync(Application app, CancellationToken ct)
    {
        var form = app.Form;
        var organisation = app.Organisation?.Name ?? form.Organisation.Name ?? "";
        var unit = string.IsNullOrWhiteSpace(form.Organisation.Unit) ? null : form.Organisation.Unit.Trim();
        var amount = SwedishIdentifiers.Kronor(app.AmountApplied);
        var purpose = FirstSentence(form.Project.Purpose);
        var title = $"Projekt {app.ProjectName} – Ansökan från {unit ?? organisation} om finansiering med {amount}"
            + (purpose is null ? "" : Purpose(LowerFirst(purpose))) + ". Se bilaga.";

        var statements = await db.LsgStatements.AsNoTracking().Where(s => s.ApplicationId == app.Id).ToListAsync(ct);
        var statement = statements.OrderByDescending(s => s.RecordedAt).FirstOrDefault();
        var paragraphs = new List<string>();
        if (FirstParagraph(form.Project.Background) is { } background) paragraphs.Add(background);
        if (statement is not null) paragraphs.Add(statement.Sentence);

        // The rules feature may not be registered (then the proposal is written without its findings).
        var findings = services.GetService<IEligibilityFindings>() is { } source ? await source.LatestAsync(app.Id, ct) : [];
        var ground = findings.FirstOrDefault(f => f.Level == FindingLevels.RejectionGround);
        var recipient = unit is null ? organisation : $"{organisation} ({unit})";
        var proposal = new List<string>();
        if (ground is not null || statement?.Recommendation == LsgRecommendation.AdviseAgainst)
        {
            var motivation = ground?.Message ?? $"Lokala samverkansgruppen har avstyrkt ansökan med hänvisning till {statement?.Reason?.TrimEnd('.')}";
            proposal.Add(DecisionClause.Print(ClauseKind.Reject, $"att avslå ansökan från {recipient} om medfinansiering med {amount} för projektet {app.ProjectName}.", Clause(motivation), null));
        }
        else
        {
            proposal.Add($"att bevilja {recipient} {amount} för genomförandet av projektet {app.ProjectName}.");
            // A condition carries its last day: the latest decision date the waiting funders gave, else the project start.
            var deadline = form.Financing.Where(f => f.Status == FunderStatus.Sokt).Max(f => f.DecisionDate) ?? form.Project.StartDate;
            proposal.AddRange(findings.Where(f => f.Level == FindingLevels.Condition && !string.IsNullOrWhiteSpace(f.Clause))
                .Select(f => DecisionClause.Print(ClauseKind.Condition, f.Clause!, null, deadline)));
        }
        return new AgendaItem
        {
            Kind = AgendaItemKind.Application, ApplicationId = app.Id, RegistrationNumber = app.RegistrationNumber,
            Title = title, Text = string.Join("\n\n", paragraphs), Proposal = proposal,
        };
    }

    public async Task<AgendaItem> EconomicReportAsync(DateOnly meetingDate, CancellationToken ct)
    {
        var text = services.GetService<IEconomicReportText>() is { } source
            ? await source.ForMeetingAsync(meetingDate, ct)
            : new EconomicReportText("", ["att godkänna rapporten."]);
        return new AgendaItem { Kind = AgendaItemKind.EconomicReport, Title = EconomicReportTitle, Text = text.Text, Proposal = text.Proposal.ToList() };
    }

    private static string? FirstParagraph(string? text) =>
        text?.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    /// <summary>The first sentence, when short enough for a heading.</summary>
    private static string? FirstSentence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        var end = t.IndexOf(". ", StringComparison.Ordinal);
        var sentence = (end > 0 ? t[..end] : t).TrimEnd('.', ' ');
        return sentence.Length <= 250 ? sentence : null;
    }

    /// <summary>"... om finansiering med 430 000 kronor av individuellt anpassade insatser" / "... för att eleverna ...".</summary>
    private static string Purpose(string purpose) =>
        purpose.StartsWith("att ", StringComparison.Ordinal) || purpose.StartsWith("för ", StringComparison.Ordinal) ? $" {(purpose.StartsWith("att ") ? "för " : "")}{purpose}" : $" av {purpose}";

    private static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    /// <summary>"att ..." read after "Avslaget motiveras med att": without a repeated lead-in or closing full stop.</summary>
    private static string Clause(string text)
    {
        var t = text.Trim().TrimEnd('.', ' ');
        return t.StartsWith("att ", StringComparison.OrdinalIgnoreCase) ? t[4..] : LowerFirst(t);
    }
}
