using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>The board's adjusted decision on one application, as the application page shows it.</summary>
public sealed record ApplicationDecision(Guid MeetingId, DateOnly MeetingDate, int Paragraph, string Outcome, IReadOnlyList<string> Clauses, IReadOnlyList<string> Notes, DateOnly? AdjustedOn)
{
    public string ExtractHref => $"/Minutes/Extract/{MeetingId}/{Paragraph}";
}

/// <summary>For pages outside the board feature: the decisions in adjusted minutes on an application, newest last.</summary>
public interface IApplicationDecisions
{
    Task<IReadOnlyList<ApplicationDecision>> ForAsync(Guid applicationId, long amountApplied, CancellationToken ct);
}

public sealed class ApplicationDecisions(GrantsDbContext db) : IApplicationDecisions
{
    public async Task<IReadOnlyList<ApplicationDecision>> ForAsync(Guid applicationId, long amountApplied, CancellationToken ct)
    {
        // Only adjusted minutes: an unadjusted decision is not yet a decision anyone may act on.
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items)
            .Where(m => m.State == MeetingState.Adjusted && m.Items.Any(i => i.ApplicationId == applicationId))
            .ToListAsync(ct);
        return meetings.OrderBy(m => m.Date)
            .SelectMany(m => m.Items.Where(i => i.ApplicationId == applicationId && i.ParagraphNumber is not null)
                .Select(i => new ApplicationDecision(m.Id, m.Date, i.ParagraphNumber ?? 0, Label(i.Decision.KindFor(amountApplied)),
                    i.Decision.Clauses.Select(c => c.Text).ToList(), i.Decision.Notes(), m.AdjustedOn)))
            .ToList();
    }

    public static string Label(DecisionKind kind) => kind switch
    {
        DecisionKind.Granted => "Beviljad",
        DecisionKind.PartlyGranted => "Delvis beviljad",
        DecisionKind.ConditionallyGranted => "Beviljad med villkor",
        DecisionKind.Rejected => "Avslagen",
        DecisionKind.Tabled => "Bordlagd till ett senare sammanträde",
        _ => "Återremitterad för mer beredning",
    };
}
