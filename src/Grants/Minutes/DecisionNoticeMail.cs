using System.Text;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Meetings;
using Grants.Workflow;
using Microsoft.Extensions.Options;

namespace Grants.Minutes;

/// <summary>
/// The beslutsmeddelande's text in plain Swedish, from a template file the förbund edits
/// (workflows/mail/beslutsmeddelande*.txt). The code supplies only the facts; the wording is the template's.
/// </summary>
public sealed class DecisionNoticeMail(MailTemplates templates, IOptions<AppOptions> app)
{
    /// <summary>Granted in full, in part or under conditions.</summary>
    public const string GrantedTemplate = "beslutsmeddelande";
    public const string RejectedTemplate = "beslutsmeddelande-avslag";
    /// <summary>Bordlagd or återremitterad: no decision on the matter yet.</summary>
    public const string PostponedTemplate = "beslutsmeddelande-bordlagd";

    public static string TemplateFor(DecisionKind kind) => kind switch
    {
        DecisionKind.Granted or DecisionKind.PartlyGranted or DecisionKind.ConditionallyGranted => GrantedTemplate,
        DecisionKind.Rejected => RejectedTemplate,
        _ => PostponedTemplate,
    };

    public (string Subject, string Body) Compose(DecisionNotice notice, MinutesDocument minutes, Application application, string attachmentName)
    {
        var paragraph = minutes.Paragraphs.First(p => p.Number == notice.ParagraphNumber);
        var project = application.ProjectName.Length > 0 ? application.ProjectName : application.Form.Project.Name ?? "";
        var baseUrl = app.Value.PublicBaseUrl.TrimEnd('/');
        var values = new Dictionary<string, string>
        {
            ["forbund"] = minutes.AssociationName,
            ["projekt"] = project,
            ["diarienummer"] = application.RegistrationNumber ?? "",
            ["sokande"] = application.Form.Organisation.Name ?? "",
            ["kontaktperson"] = application.Form.Organisation.Contact.Name ?? "",
            ["sammantradesdatum"] = MinutesLayout.Date(notice.MeetingDate),
            ["paragraf"] = $"§ {notice.ParagraphNumber}",
            ["beslut"] = Decision(notice, application.AmountApplied),
            ["belopp"] = Amounts(notice.Granted),
            ["villkor"] = Conditions(notice.Conditions),
            ["motivering"] = notice.Motivation ?? "",
            ["beslutstext"] = string.Join("\n", paragraph.Clauses.Select(c => c.Trim())),
            ["projekttid"] = Period(notice.ProjectStart ?? application.Form.Project.StartDate, notice.ProjectEnd ?? application.Form.Project.EndDate),
            ["anslag_nedtas"] = minutes.Posting is { } p ? MinutesLayout.Date(p.TakenDownOn) : "tre veckor efter att justeringen har anslagits",
            ["bilaga"] = attachmentName,
            ["lank"] = $"{baseUrl}/Applications/Details/{application.Id}",
            ["utdrag"] = $"{baseUrl}/Minutes/Extract/{notice.MeetingId}/{notice.ParagraphNumber}",
        };
        return templates.Render(TemplateFor(notice.Kind), values);
    }

    public static string Decision(DecisionNotice n, long applied)
    {
        var total = SwedishIdentifiers.Kronor(n.Granted.Sum(g => g.Amount));
        return n.Kind switch
        {
            DecisionKind.Granted => $"Styrelsen har beviljat er ansökan. Ni får {total}.",
            DecisionKind.PartlyGranted => $"Styrelsen har beviljat en del av det ni sökte. Ni får {total}" +
                (applied > 0 ? $" av sökta {SwedishIdentifiers.Kronor(applied)}." : "."),
            DecisionKind.ConditionallyGranted => $"Styrelsen har beviljat er ansökan med {total} under villkor. " +
                "Pengarna kan betalas ut först när villkoren nedan är uppfyllda.",
            DecisionKind.Rejected => "Styrelsen har avslagit er ansökan" + (applied > 0 ? $" om {SwedishIdentifiers.Kronor(applied)}." : "."),
            DecisionKind.Tabled => "Styrelsen har bordlagt ärendet. Beslutet skjuts upp till ett senare sammanträde.",
            DecisionKind.ReferredBack => "Styrelsen har återremitterat ärendet, det vill säga skickat tillbaka det för mer beredning. " +
                "Det kommer tillbaka till styrelsen vid ett senare sammanträde.",
            _ => throw new InvalidOperationException($"Unknown decision kind {n.Kind}."),
        };
    }

    public static string Amounts(IReadOnlyList<GrantedAmount> granted)
    {
        if (granted.Count == 0) return "Inga medel beviljades.";
        var sb = new StringBuilder();
        foreach (var g in granted.OrderBy(g => g.Year)) sb.Append("- ").Append(g.Year).Append(": ").AppendLine(SwedishIdentifiers.Kronor(g.Amount));
        if (granted.Count > 1) sb.Append("Totalt: ").AppendLine(SwedishIdentifiers.Kronor(granted.Sum(g => g.Amount)));
        return sb.ToString().TrimEnd();
    }

    public static string Conditions(IReadOnlyList<DecisionCondition> conditions)
    {
        if (conditions.Count == 0) return "Beslutet har inga villkor.";
        var sb = new StringBuilder();
        foreach (var c in conditions)
        {
            // The clause may end with its own full stop; the sentence gets exactly one.
            sb.Append("- ").Append(c.Text.Trim().TrimEnd('.'));
            if (c.Funder is { Length: > 0 } funder) sb.Append(" (väntar på beslut från ").Append(funder).Append(')');
            if (c.Deadline is { } d) sb.Append(". Villkoret ska vara uppfyllt senast ").Append(MinutesLayout.Date(d));
            sb.AppendLine(".");
        }
        return sb.ToString().TrimEnd();
    }

    private static string Period(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } s, { } e) => $"{MinutesLayout.Date(s)} – {MinutesLayout.Date(e)}",
        (null, { } e) => $"till och med {MinutesLayout.Date(e)}",
        _ => "enligt ansökan",
    };
}
