using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;

namespace Grants.Meetings;

/// <summary>
/// Writes down the decision taken on one item: att-clauses, or bordläggning / återremiss, plus jäv and
/// reservations. Allowed until the minutes are adjusted; the workflow moves only at adjustment.
/// </summary>
public sealed class RecordDecision(GrantsDbContext db, MeetingStore store, TimeProvider time)
{
    public sealed record AmountRequest(int? Year, long? Amount);
    public sealed record ClauseRequest(ClauseKind? Kind, string? Text, List<AmountRequest>? Amounts, string? Motivation, string? Funder,
        DateOnly? Deadline, DateOnly? ProjectStart, DateOnly? ProjectEnd);
    public sealed record PersonRequest(string? Name, string? Text);
    public sealed record Request(DecisionOutcome? Outcome, ReferBackTarget? ReferBackTo, List<ClauseRequest>? Clauses,
        List<PersonRequest>? Recusals, List<PersonRequest>? Reservations);

    public async Task<Outcome<AgendaItem>> HandleAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, Request r, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        var item = meeting?.Items.SingleOrDefault(i => i.Id == itemId);
        if (meeting is null || item is null) return Outcome<AgendaItem>.NotFound();
        if (MeetingStore.Refusal(meeting, agenda: false) is { } refusal) return Outcome<AgendaItem>.Conflict(refusal);

        var errors = Validate(r, item.ApplicationId is not null);
        if (!errors.IsEmpty) return Outcome<AgendaItem>.Invalid(errors);

        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        item.Decision = new ItemDecision
        {
            Recorded = true,
            Outcome = r.Outcome!.Value,
            ReferBackTo = r.Outcome == DecisionOutcome.ReferredBack ? r.ReferBackTo : null,
            Clauses = (r.Clauses ?? []).Select(c => new DecisionClause
            {
                Kind = c.Kind!.Value, Text = Att(c.Text!),
                Amounts = c.Kind == ClauseKind.Grant ? (c.Amounts ?? []).Select(a => new GrantedAmount(a.Year!.Value, a.Amount!.Value)).ToList() : [],
                Motivation = Trimmed(c.Motivation), Funder = Trimmed(c.Funder), Deadline = c.Deadline,
                ProjectStart = c.ProjectStart, ProjectEnd = c.ProjectEnd,
            }).ToList(),
            Recusals = (r.Recusals ?? []).Select(p => new Recusal(p.Name!.Trim(), Trimmed(p.Text))).ToList(),
            Reservations = (r.Reservations ?? []).Select(p => new Reservation(p.Name!.Trim(), Trimmed(p.Text))).ToList(),
            RecordedAt = now,
            RecordedBy = $"{actor.Name} ({actor.Role})",
        };
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Meeting), meeting.Id.ToString(), "minutes.decision-recorded",
            $"{item.Title}: {string.Join(" ", item.Decision.Clauses.Select(c => c.Text))}{string.Join(" ", item.Decision.Notes())}"));
        return await store.SaveAsync(meeting, item, ct);
    }

    private static ValidationErrors Validate(Request r, bool application)
    {
        var errors = new ValidationErrors();
        if (r.Outcome is null) errors.Add("outcome", "Ange om ärendet avgjordes, bordlades eller återremitterades.");
        if (r.Outcome == DecisionOutcome.ReferredBack && application && r.ReferBackTo is null)
            errors.Add("referBackTo", "Ange om ärendet återremitteras till lokala samverkansgruppen eller till beredning.");
        var clauses = r.Clauses ?? [];
        if (r.Outcome == DecisionOutcome.Decided && clauses.Count == 0) errors.Add("clauses", "Skriv minst en att-sats.");
        for (var i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            var at = $"clauses[{i}]";
            if (c.Kind is null) errors.Add($"{at}.kind", "Välj vilket slags att-sats det är.");
            if (string.IsNullOrWhiteSpace(c.Text) || c.Text.Trim() == "att" || c.Text.Length > 4000)
                errors.Add($"{at}.text", "Skriv att-satsen som den beslutades (högst 4000 tecken).");
            if (c.Kind == ClauseKind.Grant)
            {
                var amounts = c.Amounts ?? [];
                if (amounts.Count == 0) errors.Add($"{at}.amounts", "Ange beviljat belopp per år.");
                for (var j = 0; j < amounts.Count; j++)
                {
                    if (amounts[j].Year is not (>= 2000 and <= 2100)) errors.Add($"{at}.amounts[{j}].year", "Ange året (ÅÅÅÅ).");
                    if (amounts[j].Amount is not (> 0 and <= 1_000_000_000)) errors.Add($"{at}.amounts[{j}].amount", "Ange beloppet i hela kronor, större än 0.");
                }
                if (amounts.GroupBy(a => a.Year).Any(g => g.Count() > 1)) errors.Add($"{at}.amounts", "Varje år anges en gång.");
                if (c.ProjectStart is { } s && c.ProjectEnd is { } e && e < s) errors.Add($"{at}.projectEnd", "Projekttiden kan inte sluta före den börjar.");
            }
            if (c.Kind == ClauseKind.Reject && application && string.IsNullOrWhiteSpace(c.Motivation))
                errors.Add($"{at}.motivation", "Ett avslag motiveras: skriv vad som följer på \"Avslaget motiveras med att\".");
            if (c.Kind == ClauseKind.Condition && application && c.Deadline is null)
                errors.Add($"{at}.deadline", "Ange sista dag för när villkoret ska vara uppfyllt (ÅÅÅÅ-MM-DD).");
        }
        if (r.Outcome == DecisionOutcome.Decided && application && clauses.All(c => c.Kind is not null))
        {
            var grants = clauses.Count(c => c.Kind == ClauseKind.Grant);
            var rejects = clauses.Count(c => c.Kind == ClauseKind.Reject);
            if (grants + rejects == 0) errors.Add("clauses", "Ett beslut om en ansökan beviljar eller avslår den (eller så bordläggs eller återremitteras ärendet).");
            if (grants > 0 && rejects > 0) errors.Add("clauses", "Ansökan kan inte både beviljas och avslås i samma beslut.");
            if (rejects > 0 && clauses.Any(c => c.Kind == ClauseKind.Condition)) errors.Add("clauses", "Ett avslag har inga villkor.");
        }
        Persons(errors, "recusals", r.Recusals);
        Persons(errors, "reservations", r.Reservations);
        return errors;
    }

    private static void Persons(ValidationErrors errors, string field, List<PersonRequest>? people)
    {
        for (var i = 0; i < (people?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(people![i].Name) || people[i].Name!.Length > 200) errors.Add($"{field}[{i}].name", "Ange namnet (högst 200 tecken).");
            if (people[i].Text is { Length: > 2000 }) errors.Add($"{field}[{i}].text", "Högst 2000 tecken.");
        }
    }

    private static string Att(string text)
    {
        var t = text.Trim();
        return t.StartsWith("att ", StringComparison.Ordinal) ? t : "att " + t;
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
