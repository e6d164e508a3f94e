using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Meetings;

[Authorize(Policy = Policies.BoardReader)]
public sealed class IndexModel(MeetingQueries queries, CreateMeeting create, DecisionList decisions, IAuthorizationService authorization)
    : MeetingPageModel(authorization)
{
    public List<MeetingSummary> Meetings { get; private set; } = [];

    [BindProperty] public CreateMeeting.Request New { get; set; } = new(null, null, null, null);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await MayAsync(Policies.MeetingAdmin)) return Forbid();
        var outcome = await create.HandleAsync(User, New, ct);
        await LoadAsync(ct);
        return Failed(outcome, "New") ?? Done("Sammanträdet är skapat.", $"/Meetings/Meeting/{outcome.Value!.Id}");
    }

    /// <summary>All decisions (optionally one year) as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetDecisionsAsync(int? year, string? format, CancellationToken ct)
    {
        var sheet = await decisions.SpreadsheetAsync(year, ct);
        var name = year is { } y ? $"beslut-{y}" : "beslut";
        return format == "xlsx" ? File(sheet.ToXlsx(), Spreadsheet.XlsxContentType, name + ".xlsx") : File(sheet.ToCsv(), Spreadsheet.CsvContentType, name + ".csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await ResolveRightsAsync();
        Meetings = await queries.ListAsync(ct);
    }
}
