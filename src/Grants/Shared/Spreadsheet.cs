using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Grants.Shared;

/// <summary>
/// A table exported as CSV (semicolon-separated, UTF-8 with BOM, as Swedish Excel opens it) or XLSX
/// (OpenXml). Cells are strings, whole numbers (kronor) or dates; numbers stay numbers in XLSX.
/// </summary>
public sealed class Spreadsheet(string sheetName, IReadOnlyList<string> headers)
{
    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<string> Headers => headers;
    public IReadOnlyList<object?[]> Rows => _rows;

    public Spreadsheet Add(params object?[] cells)
    {
        if (cells.Length != headers.Count) throw new ArgumentException($"Expected {headers.Count} cells, got {cells.Length}.");
        _rows.Add(cells);
        return this;
    }

    public byte[] ToCsv()
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', headers.Select(Quote)).Append("\r\n");
        foreach (var row in _rows) sb.AppendJoin(';', row.Select(c => Quote(Text(c)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheetPart = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(RowOf(headers.Cast<object?>()));
            foreach (var row in _rows) data.Append(RowOf(row));
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = book.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = book.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static Row RowOf(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var c in cells)
        {
            row.Append(c switch
            {
                int or long or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(c, CultureInfo.InvariantCulture) ?? "") },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Text(c)) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }
        return row;
    }

    private static string Text(object? c) => c switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // An instant has no date or time until a time zone is chosen: the caller passes LocalClock.Format(t).
        DateTimeOffset => throw new InvalidOperationException("A time in a spreadsheet is formatted with LocalClock.Format (Europe/Stockholm) by the caller."),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => c.ToString() ?? "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
