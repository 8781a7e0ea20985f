using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace SearchService.Core.Tests;

/// <summary>A worksheet read back: its name, its rows of cell texts (dates as yyyy-mm-dd), and the link of each linked cell by reference ("A2").</summary>
public sealed record ReadSheet(string Name, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyDictionary<string, string> Links);

/// <summary>
/// Reads exported spreadsheets back for tests, as a person's spreadsheet program would: XLSX with
/// the Open XML SDK (and its validator), CSV with CsvHelper's parser. Shared by the library, API
/// and browser tests.
/// </summary>
public static class SpreadsheetFile
{
    /// <summary>The Open XML validator's complaints about a workbook: empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(Stream xlsx)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, false);
        return new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static IReadOnlyList<ReadSheet> ReadXlsx(Stream xlsx)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, false);
        var workbook = doc.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var formats = workbook.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToList() ?? [];
        var sheets = new List<ReadSheet>();
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<IReadOnlyList<string>>();
            foreach (var row in part.Worksheet!.Descendants<Row>())
            {
                int index = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                while (rows.Count < index - 1) rows.Add([]);
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    int column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column) cells.Add("");
                    cells.Add(Text(cell, shared, formats));
                }
                rows.Add(cells);
            }
            var links = part.Worksheet.Descendants<Hyperlink>().Where(h => h.Id is not null && h.Reference is not null)
                .ToDictionary(h => h.Reference!.Value!, h => part.HyperlinkRelationships.Single(r => r.Id == h.Id!.Value).Uri.ToString());
            sheets.Add(new ReadSheet(sheet.Name!.Value!, rows, links));
        }
        return sheets;
    }

    /// <summary>CSV rows as a spreadsheet program reads them (quoted commas, quotes and line breaks inside cells).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReadCsv(Stream csv)
    {
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<IReadOnlyList<string>>();
        while (parser.Read()) rows.Add(parser.Record ?? []);
        return rows;
    }

    private static string Text(Cell cell, List<string> shared, List<uint> formats)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString) return shared[int.Parse(value, CultureInfo.InvariantCulture)];
        if (cell.StyleIndex?.Value is { } style && style < formats.Count && formats[(int)style] is 14 or 164 &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return value;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (reference is null) return null;
        int n = 0;
        foreach (char c in reference.TakeWhile(char.IsLetter)) n = n * 26 + (c - 'A' + 1);
        return n - 1;
    }
}
