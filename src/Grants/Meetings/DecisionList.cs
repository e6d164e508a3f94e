using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Meetings;

/// <summary>All application decisions in adjusted minutes, by meeting year, with the amounts granted per budget year (CSV/XLSX).</summary>
public sealed class DecisionList(GrantsDbContext db)
{
    public sealed record Row(DateOnly MeetingDate, int Paragraph, string? RegistrationNumber, string Organisation, string Project,
        DecisionKind Kind, long AmountApplied, IReadOnlyList<GrantedAmount> Granted);

    public async Task<List<Row>> RowsAsync(int? year, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items).Where(m => m.State == MeetingState.Adjusted).ToListAsync(ct);
        var items = meetings.Where(m => year is null || m.Date.Year == year)
            .SelectMany(m => m.Items.Where(i => i.ApplicationId is not null).Select(i => (Meeting: m, Item: i))).ToList();
        var ids = items.Select(x => x.Item.ApplicationId!.Value).ToList();
        // The columns the list shows, not whole applications with their forms: the list spans every decided case.
        var apps = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.RegistrationNumber, Organisation = a.Organisation!.Name, a.ProjectName, a.AmountApplied })
            .ToDictionaryAsync(a => a.Id, ct);
        return items.OrderBy(x => x.Meeting.Date).ThenBy(x => x.Item.ParagraphNumber).Select(x =>
        {
            var app = apps[x.Item.ApplicationId!.Value];
            return new Row(x.Meeting.Date, x.Item.ParagraphNumber ?? 0, app.RegistrationNumber, app.Organisation ?? "", app.ProjectName,
                x.Item.Decision.KindFor(app.AmountApplied), app.AmountApplied, x.Item.Decision.GrantedPerYear);
        }).ToList();
    }

    public async Task<Spreadsheet> SpreadsheetAsync(int? year, CancellationToken ct)
    {
        var rows = await RowsAsync(year, ct);
        var years = rows.SelectMany(r => r.Granted.Select(g => g.Year)).Distinct().Order().ToList();
        var headers = new List<string> { "Sammanträde", "Paragraf", "Diarienummer", "Sökande", "Projekt", "Beslut", "Sökt belopp (kronor)", "Beviljat totalt (kronor)" };
        headers.AddRange(years.Select(y => $"Beviljat {y} (kronor)"));
        var sheet = new Spreadsheet(year is { } y0 ? $"Beslut {y0}" : "Beslut", headers);
        foreach (var r in rows)
        {
            var cells = new List<object?> { r.MeetingDate, $"§ {r.Paragraph}", r.RegistrationNumber, r.Organisation, r.Project, KindLabel(r.Kind), r.AmountApplied, r.Granted.Sum(g => g.Amount) };
            cells.AddRange(years.Select(y => (object?)(r.Granted.FirstOrDefault(g => g.Year == y)?.Amount ?? 0L)));
            sheet.Add([.. cells]);
        }
        return sheet;
    }

    public static string KindLabel(DecisionKind kind) => kind switch
    {
        DecisionKind.Granted => "Beviljad",
        DecisionKind.PartlyGranted => "Delvis beviljad",
        DecisionKind.ConditionallyGranted => "Villkorat beviljad",
        DecisionKind.Rejected => "Avslagen",
        DecisionKind.Tabled => "Bordlagd",
        _ => "Återremitterad",
    };
}
