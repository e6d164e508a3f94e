using System.Security.Claims;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Meetings;

/// <summary>
/// Writes down the decision taken on one item: att-clauses, or bordläggning / återremiss, plus jäv and
/// reservations. Allowed until the minutes are adjusted; the workflow moves only at adjustment. Refused while the
/// board is not beslutför (Board:Quorum) for the item: attendance comes first, and a jäv can break the quorum.
/// </summary>
public sealed class RecordDecision(GrantsDbContext db, MeetingStore store, TimeProvider time, IOptions<BoardOptions> options)
{
    public sealed record AmountRequest(int? Year, long? Amount);
    public sealed record ClauseRequest(ClauseKind? Kind, string? Text, List<AmountRequest>? Amounts, string? Motivation, string? Funder,
        DateOnly? Deadline, DateOnly? ProjectStart, DateOnly? ProjectEnd);
    public sealed record PersonRequest(string? Name, string? Text);
    /// <summary>Jäv: which of the deciding board members left the item, and why.</summary>
    public sealed record RecusalRequest(Guid? BoardMemberId, string? Reason);
    public sealed record Request(DecisionOutcome? Outcome, ReferBackTarget? ReferBackTo, List<ClauseRequest>? Clauses,
        List<RecusalRequest>? Recusals, List<PersonRequest>? Reservations);

    public async Task<Outcome<AgendaItem>> HandleAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, Request r, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        var item = meeting?.Items.SingleOrDefault(i => i.Id == itemId);
        if (meeting is null || item is null) return Outcome<AgendaItem>.NotFound();
        if (MeetingStore.Refusal(meeting, agenda: false) is { } refusal) return Outcome<AgendaItem>.Conflict(refusal);

        var board = (await db.BoardMembers.AsNoTracking().ToListAsync(ct)).Where(m => m.Serves(meeting.Date)).ToDictionary(m => m.Id);
        var errors = Validate(r, item.ApplicationId is not null);
        Recusals(errors, r.Recusals, meeting, board);
        if (!errors.IsEmpty) return Outcome<AgendaItem>.Invalid(errors);
        var recusals = (r.Recusals ?? []).Select(p => new Recusal(p.BoardMemberId!.Value, board[p.BoardMemberId.Value].Name, Trimmed(p.Reason))).ToList();
        if (Quorum.Refusal(meeting, board.Values, new ItemDecision { Recusals = recusals }, options.Value.Quorum) is { } notQuorate)
            return Outcome<AgendaItem>.Conflict(notQuorate);

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
            Recusals = recusals,
            Reservations = (r.Reservations ?? []).Select(p => new Reservation(p.Name!.Trim(), Trimmed(p.Text))).ToList(),
            RecordedAt = now,
            RecordedBy = $"{actor.Name} ({actor.Role})",
        };
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Meeting), meeting.Id.ToString(), "minutes.decision-recorded",
            $"{item.Title}: {string.Join(" ", item.Decision.Clauses.Select(c => c.Printed))}{string.Join(" ", item.Decision.Notes())}"));
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
            else if (c.Kind is { } kind && DecisionClause.RepeatsField(kind, c.Text))
                errors.Add($"{at}.text", kind == ClauseKind.Reject
                    ? $"Skriv motiveringen bara i fältet Motivering; protokollet skriver \"{DecisionClause.MotivationLead} ...\" efter att-satsen."
                    : $"Skriv villkorets sista dag bara i fältet Sista dag; protokollet skriver \"{DecisionClause.DeadlineLead} ...\" efter att-satsen.");
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
        Persons(errors, "reservations", r.Reservations);
        return errors;
    }

    /// <summary>Jäv names one of the meeting's deciding, once, and never the chair or a justerare (they adjust every §).</summary>
    private static void Recusals(ValidationErrors errors, List<RecusalRequest>? recusals, Meeting meeting, Dictionary<Guid, BoardMember> board)
    {
        var seen = new HashSet<Guid>();
        for (var i = 0; i < (recusals?.Count ?? 0); i++)
        {
            var at = $"recusals[{i}]";
            var r = recusals![i];
            if (r.BoardMemberId is not { } id || !board.TryGetValue(id, out var member) || meeting.Attendance.Deciding.All(d => d.BoardMemberId != id))
                errors.Add($"{at}.boardMemberId", "Välj den som anmälde jäv bland sammanträdets beslutande (registrera närvaron först).");
            else if (!seen.Add(id)) errors.Add($"{at}.boardMemberId", $"{member.Name} står redan som jävig i ärendet.");
            else if (id == meeting.Attendance.ChairId || meeting.Attendance.AdjusterIds.Contains(id))
                errors.Add($"{at}.boardMemberId", $"{member.Name} är {(id == meeting.Attendance.ChairId ? "ordförande" : "utsedd att justera")} och justerar hela protokollet; "
                    + "den som är jävig i ett ärende kan inte justera det. Utse en annan ordförande eller justerare under närvaro först.");
            if (r.Reason is { Length: > 2000 }) errors.Add($"{at}.reason", "Högst 2000 tecken.");
        }
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
