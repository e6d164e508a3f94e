using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Lsg;

[Authorize(Policy = Policies.LsgRecorder)]
public sealed class StatementModel(GrantsDbContext db, LsgQueries queries, LsgMembership membership, RecordStatement record, DeclareConflict declare) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid? MeetingId { get; set; }
    [BindProperty] public LsgRecommendation? Recommendation { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Addition { get; set; }
    [BindProperty] public string? ConflictReason { get; set; }

    public QueueItem Item { get; private set; } = new(Guid.Empty, null, "", "", 0, 0, 0, 0, [], [], [], null);
    public List<LsgMeeting> Meetings { get; private set; } = [];
    public string? ConflictMessage { get; private set; }
    public bool CanDeclare { get; private set; }
    public bool InLsg { get; private set; }
    public string? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await record.HandleAsync(User, Id, new RecordStatement.Request(MeetingId, Recommendation, Reason, Addition), ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk) Recorded = outcome.Value!.Sentence;
        else if (outcome.Kind == OutcomeKind.Invalid) FieldKeys.CopyTo(outcome.Errors, ModelState, "");
        else ModelState.AddModelError("", outcome.Message ?? "");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeclareAsync(CancellationToken ct)
    {
        var outcome = await declare.HandleAsync(User, Id, new DeclareConflict.Request(ConflictReason), ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.IsOk) TempData["Message"] = "Jävet är anmält och sparat. En annan ledamot eller kansliet registrerar yttrandet.";
        else foreach (var (field, messages) in outcome.Errors.All) foreach (var m in messages) ModelState.AddModelError("ConflictReason", m);
        return outcome.IsOk ? Redirect($"/Lsg/Statement/{Id}") : await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var app = await ApplicationAccess.FindAsync(db, User, Id, ct);
        if (app is null) return false;
        await db.Entry(app).Collection(a => a.Attachments).LoadAsync(ct);
        Item = await queries.ItemAsync(app, ct);
        Meetings = await queries.MeetingsAsync(ct);
        InLsg = app.State == CurrentStatement.LsgState;
        var conflict = await membership.CheckAsync(User, app, ct);
        ConflictMessage = conflict.Message;
        CanDeclare = conflict.Member is not null && !conflict.Declared;
        return true;
    }
}
