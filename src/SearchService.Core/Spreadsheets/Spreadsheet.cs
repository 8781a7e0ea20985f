namespace SearchService.Core.Spreadsheets;

/// <summary>What a column holds, so a spreadsheet can store it as a number or a date (sortable in Excel) rather than text.</summary>
public enum ColumnKind { Text, Number, Date }

/// <summary>A column: its header and kind, and a width in characters for XLSX.</summary>
public sealed record SheetColumn(string Header, ColumnKind Kind = ColumnKind.Text, double Width = 16);

/// <summary>
/// One cell: a value (text, a number or a date, as its column says; null for empty) and,
/// optionally, the address it cites: XLSX makes the cell a link to it.
/// </summary>
public readonly record struct SheetCell(object? Value, string? Link = null)
{
    public static implicit operator SheetCell(string? text) => new(text);
    public static implicit operator SheetCell(int number) => new(number);
    public static implicit operator SheetCell(double number) => new(number);
    public static implicit operator SheetCell(DateOnly? date) => new(date);
}

/// <summary>
/// A table to export (CSV or XLSX): a sheet of columns and rows, what it holds (shown on an
/// "About" sheet in XLSX), and a note written after the last row when the rows were cut short
/// by a row limit, so the file itself says it is not complete.
/// </summary>
public sealed record Spreadsheet(string SheetName, IReadOnlyList<SheetColumn> Columns, IEnumerable<IReadOnlyList<SheetCell>> Rows)
{
    /// <summary>What the file holds, as label and value pairs ("Query", "Filters", "Rows", "Exported").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> About { get; init; } = [];

    /// <summary>Said after the last row when the table is incomplete (a row limit was reached); null when it is whole.</summary>
    public string? TruncationNote { get; init; }

    /// <summary>The document title (XLSX core properties).</summary>
    public string Title { get; init; } = "";

    /// <summary>When the file was made (XLSX core properties), from the caller's clock; left out when null.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>The spreadsheet formats, as named in requests and file extensions.</summary>
public static class SpreadsheetFormats
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public static readonly IReadOnlyList<string> All = [Csv, Xlsx];

    public static string ContentType(string format) => format == Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";
}
