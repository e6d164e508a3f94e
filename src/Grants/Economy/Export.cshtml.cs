using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Economy;

/// <summary>The exports for the signed-in pages (cookie); the same sheets as GET /api/economy/exports/{kind}.</summary>
[Authorize(Policy = Policies.EconomyReader)]
public sealed class ExportModel(EconomyQueries queries, LocalClock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? kind, int? year, string? format, CancellationToken ct)
    {
        if (kind is not ("commitments" or "payments") || format is not (null or "csv" or "xlsx")) return BadRequest();
        var sheet = EconomyExports.Build(kind, year, await queries.FiguresAsync(year, null, ct), clock);
        var name = EconomyExports.FileName(kind, year);
        return format == "xlsx"
            ? File(sheet.ToXlsx(), Spreadsheet.XlsxContentType, name + ".xlsx")
            : File(sheet.ToCsv(), Spreadsheet.CsvContentType, name + ".csv");
    }
}
