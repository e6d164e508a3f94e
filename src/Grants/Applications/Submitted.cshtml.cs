using Grants.Identity;
using Grants.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Applications;

/// <summary>The confirmation after submit: the diarienummer, where the receipt goes and what happens next.</summary>
[Authorize(Policy = Policies.ApplicationReader)]
public sealed class SubmittedModel(ApplicationQueries queries, IBoardCalendar board) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Application Application { get; private set; } = new();
    public DateOnly? NextBoardMeeting { get; private set; }
    public IReadOnlyList<string> ReceiptTo { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.GetAsync(User, Id, ct) is not { } app) return NotFound();
        if (app.IsDraft) return Redirect($"/Applications/Edit/{Id}");
        Application = app;
        NextBoardMeeting = await board.NextMeetingAsync(ct);
        ReceiptTo = ApplicationReceipts.Recipients(app);
        return Page();
    }
}
