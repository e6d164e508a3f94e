using System.Security.Claims;
using System.Text.Json.Serialization;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter<NewItemKind>))]
public enum NewItemKind { Application, EconomicReport, Free }

/// <summary>
/// The secretary builds the föredragningslista until the minutes are numbered: adds applications ready for the
/// board (which puts them "På föredragningslista" through the workflow), "Ekonomisk rapport" and free items;
/// edits every text; moves and removes items. New items go before the two closing standing items.
/// </summary>
public sealed class EditAgenda(GrantsDbContext db, MeetingStore store, AgendaPrefill prefill, IWorkflowEngine workflow, TimeProvider time)
{
    public const string PutOnAgendaTrigger = "satt-pa-foredragningslista";
    public const string OnAgendaState = "pa-foredragningslista";
    /// <summary>States from which an application may be put on an agenda (workflows/ansokan.json).</summary>
    public static readonly string[] ReadyStates = ["tillstyrkt", "avstyrkt", "bordlagd"];

    public sealed record AddRequest(NewItemKind? Kind, Guid? ApplicationId, string? Title);
    public sealed record UpdateRequest(string? Title, string? Text, List<string>? Proposal);
    public sealed record MoveRequest(int? Position);

    public async Task<Outcome<AgendaItem>> AddAsync(ClaimsPrincipal user, Guid meetingId, AddRequest r, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        if (meeting is null) return Outcome<AgendaItem>.NotFound();
        if (MeetingStore.Refusal(meeting, agenda: true) is { } refusal) return Outcome<AgendaItem>.Conflict(refusal);
        var errors = new ValidationErrors();
        if (r.Kind is null) errors.Add("kind", "Välj vad som ska läggas till: en ansökan, ekonomisk rapport eller ett eget ärende.");
        if (r.Kind == NewItemKind.Application && r.ApplicationId is null) errors.Add("applicationId", "Välj ansökan.");
        if (r.Kind == NewItemKind.Free && (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 1000)) errors.Add("title", "Ange ärendets rubrik (högst 1000 tecken).");
        if (!errors.IsEmpty) return Outcome<AgendaItem>.Invalid(errors);

        var actor = Actor.From(user);
        AgendaItem item;
        if (r.Kind == NewItemKind.Application)
        {
            var app = await db.Applications.Include(a => a.Organisation).SingleOrDefaultAsync(a => a.Id == r.ApplicationId, ct);
            if (app is null)
            {
                errors.Add("applicationId", "Ansökan finns inte.");
                return Outcome<AgendaItem>.Invalid(errors);
            }
            if (await OnOpenAgendaAsync(app.Id, ct))
                return Outcome<AgendaItem>.Conflict($"Ansökan {app.RegistrationNumber} står redan på en föredragningslista som inte är justerad.");
            if (app.State != OnAgendaState)
            {
                if (!ReadyStates.Contains(app.State))
                    return Outcome<AgendaItem>.Conflict($"Ansökan {app.RegistrationNumber} är inte klar för styrelsen (den måste vara tillstyrkt, avstyrkt eller bordlagd).");
                var moved = await workflow.ApplyAsync(app, Door.Agenda, PutOnAgendaTrigger, actor, $"Föredragningslistan {meeting.Date:yyyy-MM-dd}", ct);
                if (!moved.IsOk)
                {
                    db.ChangeTracker.Clear();
                    return Outcome.From<AgendaItem, WorkflowTransition>(moved);
                }
            }
            item = await prefill.ApplicationItemAsync(app, ct);
        }
        else if (r.Kind == NewItemKind.EconomicReport) item = await prefill.EconomicReportAsync(meeting.Date, ct);
        else item = new AgendaItem { Kind = AgendaItemKind.Free, Title = r.Title!.Trim(), Proposal = ["att"] };

        item.MeetingId = meeting.Id;
        var firstTrailing = meeting.Items.Where(CreateMeeting.IsTrailing).Select(i => i.Position).DefaultIfEmpty(int.MaxValue).Min();
        foreach (var later in meeting.Items.Where(i => i.Position >= firstTrailing)) later.Position++;
        item.Position = firstTrailing == int.MaxValue ? meeting.Items.Count + 1 : firstTrailing;
        meeting.Items.Add(item);
        db.Add(item);
        MeetingStore.Renumber(meeting);
        db.AuditEntries.Add(AuditEntry.Of(actor, time.GetUtcNow(), nameof(Meeting), meeting.Id.ToString(), "agenda.item-added", item.Title));
        var saved = await store.SaveAsync(meeting, item, ct);
        if (saved.IsOk) await workflow.RunPendingActionsAsync(ct);
        return saved;
    }

    public async Task<Outcome<AgendaItem>> UpdateAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, UpdateRequest r, CancellationToken ct)
    {
        var (meeting, item, failed) = await FindAsync(meetingId, itemId, agenda: false, ct);
        if (failed is not null) return failed;
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 1000) errors.Add("title", "Ange ärendets rubrik (högst 1000 tecken).");
        if (r.Text is { Length: > 20000 }) errors.Add("text", "Texten får vara högst 20 000 tecken.");
        var proposal = r.Proposal ?? [];
        for (var i = 0; i < proposal.Count; i++)
        {
            if (proposal[i] is null || proposal[i].Length > 4000) errors.Add($"proposal[{i}]", "Varje att-sats får vara högst 4000 tecken.");
            else if (!proposal[i].TrimStart().StartsWith("att", StringComparison.Ordinal)) errors.Add($"proposal[{i}]", "Förslaget skrivs som att-satser: börja med \"att\" (en tom \"att\" går bra).");
        }
        if (!errors.IsEmpty) return Outcome<AgendaItem>.Invalid(errors);
        item!.Title = r.Title!.Trim();
        item.Text = (r.Text ?? "").Trim();
        item.Proposal = proposal.Select(p => p.Trim()).ToList();
        db.AuditEntries.Add(AuditEntry.Of(Actor.From(user), time.GetUtcNow(), nameof(Meeting), meeting!.Id.ToString(), "agenda.item-edited", item.Title));
        return await store.SaveAsync(meeting, item, ct);
    }

    public async Task<Outcome<AgendaItem>> MoveAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, MoveRequest r, CancellationToken ct)
    {
        var (meeting, item, failed) = await FindAsync(meetingId, itemId, agenda: true, ct);
        if (failed is not null) return failed;
        var leading = meeting!.Items.Count(CreateMeeting.IsLeading);
        var errors = new ValidationErrors();
        if (CreateMeeting.IsLeading(item!)) return Outcome<AgendaItem>.Conflict("De två första ärendena (föregående protokoll och val av justerare) står alltid först.");
        if (r.Position is not { } position || position <= leading || position > meeting.Items.Count)
            errors.Add("position", $"Ange en plats mellan {leading + 1} och {meeting.Items.Count}.");
        if (!errors.IsEmpty) return Outcome<AgendaItem>.Invalid(errors);
        var ordered = meeting.Ordered.Where(i => i.Id != item!.Id).ToList();
        ordered.Insert(r.Position!.Value - 1, item!);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
        db.AuditEntries.Add(AuditEntry.Of(Actor.From(user), time.GetUtcNow(), nameof(Meeting), meeting.Id.ToString(), "agenda.item-moved", $"{item!.Title} → {r.Position}"));
        return await store.SaveAsync(meeting, item!, ct);
    }

    public async Task<Outcome<AgendaItem>> RemoveAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, CancellationToken ct)
    {
        var (meeting, item, failed) = await FindAsync(meetingId, itemId, agenda: true, ct);
        if (failed is not null) return failed;
        if (CreateMeeting.IsLeading(item!)) return Outcome<AgendaItem>.Conflict("De två första ärendena (föregående protokoll och val av justerare) kan inte tas bort.");
        // An application taken off stays "På föredragningslista" and can be put on another meeting's agenda.
        meeting!.Items.Remove(item!);
        db.Remove(item!);
        MeetingStore.Renumber(meeting);
        db.AuditEntries.Add(AuditEntry.Of(Actor.From(user), time.GetUtcNow(), nameof(Meeting), meeting.Id.ToString(), "agenda.item-removed", item!.Title));
        return await store.SaveAsync(meeting, item!, ct);
    }

    /// <summary>Applications the secretary can put on an agenda now.</summary>
    public async Task<List<Application>> CandidatesAsync(CancellationToken ct)
    {
        var apps = await db.Applications.AsNoTracking().Include(a => a.Organisation)
            .Where(a => ReadyStates.Contains(a.State) || a.State == OnAgendaState).ToListAsync(ct);
        var onOpen = await OpenAgendaApplicationIdsAsync(ct);
        return apps.Where(a => !onOpen.Contains(a.Id)).OrderBy(a => a.RegistrationYear).ThenBy(a => a.RegistrationSequence).ToList();
    }

    private async Task<bool> OnOpenAgendaAsync(Guid applicationId, CancellationToken ct) =>
        (await OpenAgendaApplicationIdsAsync(ct)).Contains(applicationId);

    private async Task<HashSet<Guid>> OpenAgendaApplicationIdsAsync(CancellationToken ct) =>
        (await db.AgendaItems.AsNoTracking()
            .Where(i => i.ApplicationId != null && db.Meetings.Any(m => m.Id == i.MeetingId && m.State != MeetingState.Adjusted))
            .Select(i => i.ApplicationId!.Value).ToListAsync(ct)).ToHashSet();

    private async Task<(Meeting?, AgendaItem?, Outcome<AgendaItem>?)> FindAsync(Guid meetingId, Guid itemId, bool agenda, CancellationToken ct)
    {
        var meeting = await store.LoadAsync(meetingId, ct);
        var item = meeting?.Items.SingleOrDefault(i => i.Id == itemId);
        if (meeting is null || item is null) return (null, null, Outcome<AgendaItem>.NotFound());
        if (MeetingStore.Refusal(meeting, agenda) is { } refusal) return (meeting, item, Outcome<AgendaItem>.Conflict(refusal));
        return (meeting, item, null);
    }
}
