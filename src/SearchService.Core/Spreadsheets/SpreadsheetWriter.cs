using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SearchService.Core.Spreadsheets;

/// <summary>
/// Writes a <see cref="Spreadsheet"/> as CSV (CsvHelper: RFC 4180, UTF-8 with a byte-order mark so
/// Excel reads the accents, cells that a spreadsheet would run as formulas escaped) or XLSX (Open
/// XML SDK, rows streamed: a frozen header row with filters, numbers and dates stored as such,
/// cited cells as links, and an "About" sheet saying what the file holds).
/// </summary>
public static class SpreadsheetWriter
{
    /// <summary>Excel's limit on the characters in one cell; longer text is cut and says so.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>Excel's limit on the links in one worksheet; past it cells keep their text without a link.</summary>
    public const int MaxLinks = 65_000;

    public static void Write(Spreadsheet sheet, string format, Stream output)
    {
        switch (format)
        {
            case SpreadsheetFormats.Csv: WriteCsv(sheet, output); break;
            case SpreadsheetFormats.Xlsx: WriteXlsx(sheet, output); break;
            default: throw new ArgumentException($"Unknown spreadsheet format '{format}': use csv or xlsx.", nameof(format));
        }
    }

    // ---- CSV -----------------------------------------------------------------------------------

    public static void WriteCsv(Spreadsheet sheet, Stream output)
    {
        output.Write(Encoding.UTF8.Preamble);
        using var text = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using var csv = new CsvWriter(text, config);
        foreach (var c in sheet.Columns) csv.WriteField(c.Header);
        csv.NextRecord();
        foreach (var row in sheet.Rows)
        {
            for (int i = 0; i < sheet.Columns.Count; i++) csv.WriteField(CsvText(i < row.Count ? row[i].Value : null));
            csv.NextRecord();
        }
        if (sheet.TruncationNote is { } note)
        {
            csv.WriteField(note);
            csv.NextRecord();
        }
    }

    private static string CsvText(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // ---- XLSX ----------------------------------------------------------------------------------

    private const uint StyleHeader = 1, StyleDate = 2, StyleLink = 3, StyleNote = 4;

    public static void WriteXlsx(Spreadsheet sheet, Stream output)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        doc.PackageProperties.Title = sheet.Title.Length > 0 ? sheet.Title : sheet.SheetName;
        doc.PackageProperties.Creator = "SearchService";
        if (sheet.Created is { } created) doc.PackageProperties.Created = created.UtcDateTime;
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();

        var name = SheetName(sheet.SheetName);
        var data = workbook.AddNewPart<WorksheetPart>();
        int lastRow = WriteData(sheet, data);
        var about = workbook.AddNewPart<WorksheetPart>();
        WriteAbout(sheet, about);

        var lastColumn = ColumnName(sheet.Columns.Count);
        workbook.Workbook.Append(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(
                new Sheet { Name = name, SheetId = 1, Id = workbook.GetIdOfPart(data) },
                new Sheet { Name = "About", SheetId = 2, Id = workbook.GetIdOfPart(about) }),
            new DefinedNames(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${lastColumn}${Math.Max(1, lastRow)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 0,
                Hidden = true,
            }));
        workbook.Workbook.Save();
    }

    /// <summary>The data sheet, streamed row by row; returns the last row of the table (the header is row 1).</summary>
    private static int WriteData(Spreadsheet sheet, WorksheetPart part)
    {
        var links = new List<Hyperlink>();
        int rowIndex = 1;
        using (var w = OpenXmlWriter.Create(part))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 }));
            var columns = new Columns();
            for (int i = 0; i < sheet.Columns.Count; i++)
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Columns[i].Width, CustomWidth = true });
            w.WriteElement(columns);
            w.WriteStartElement(new SheetData());

            w.WriteStartElement(new Row { RowIndex = 1 });
            for (int i = 0; i < sheet.Columns.Count; i++) w.WriteElement(TextCell(Reference(i, 1), sheet.Columns[i].Header, StyleHeader));
            w.WriteEndElement();

            foreach (var row in sheet.Rows)
            {
                rowIndex++;
                w.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
                for (int i = 0; i < sheet.Columns.Count && i < row.Count; i++)
                {
                    var cell = row[i];
                    if (cell.Value is null) continue;
                    var reference = Reference(i, rowIndex);
                    bool link = cell.Link is not null && links.Count < MaxLinks && Uri.TryCreate(cell.Link, UriKind.Absolute, out _);
                    w.WriteElement(ValueCell(reference, cell.Value, sheet.Columns[i].Kind, link));
                    if (link)
                    {
                        var rel = part.AddHyperlinkRelationship(new Uri(cell.Link!, UriKind.Absolute), true);
                        links.Add(new Hyperlink { Reference = reference, Id = rel.Id });
                    }
                }
                w.WriteEndElement();
            }
            int lastTableRow = rowIndex;
            if (sheet.TruncationNote is { } note)
            {
                rowIndex += 2;
                w.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
                w.WriteElement(TextCell(Reference(0, rowIndex), note, StyleNote));
                w.WriteEndElement();
            }
            w.WriteEndElement(); // sheetData
            w.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(sheet.Columns.Count)}{Math.Max(1, lastTableRow)}" });
            if (links.Count > 0) w.WriteElement(new Hyperlinks(links));
            w.WriteEndElement(); // worksheet
            return lastTableRow;
        }
    }

    private static void WriteAbout(Spreadsheet sheet, WorksheetPart part)
    {
        var rows = new SheetData();
        uint r = 0;
        void Add(string label, string value, uint labelStyle = StyleHeader)
        {
            r++;
            rows.Append(new Row(TextCell($"A{r}", label, labelStyle), TextCell($"B{r}", value, 0)) { RowIndex = r });
        }
        Add("About this file", sheet.Title);
        foreach (var (label, value) in sheet.About) Add(label, value);
        if (sheet.TruncationNote is { } note) Add("Incomplete", note, StyleNote);
        part.Worksheet = new Worksheet(
            new Columns(new Column { Min = 1, Max = 1, Width = 22, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 110, CustomWidth = true }),
            rows);
        part.Worksheet.Save();
    }

    private static Cell ValueCell(string reference, object value, ColumnKind kind, bool link)
    {
        switch (value)
        {
            case DateOnly d when kind == ColumnKind.Date:
                return new Cell { CellReference = reference, StyleIndex = StyleDate, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) };
            case int or long or double or float or decimal when kind != ColumnKind.Text:
                return new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)), StyleIndex = link ? StyleLink : 0 };
            default:
                return TextCell(reference, CsvText(value), link ? StyleLink : 0);
        }
    }

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
        InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>Text an XML part can hold (no control characters but tab and newlines), within Excel's cell limit.</summary>
    internal static string XmlSafe(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxCellLength));
        foreach (char c in text)
            if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF')) sb.Append(c);
        if (sb.Length <= MaxCellLength) return sb.ToString();
        const string cut = " … [cut at Excel's cell limit]";
        return sb.ToString(0, MaxCellLength - cut.Length) + cut;
    }

    private static string Reference(int column, int row) => ColumnName(column + 1) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>"A" for 1, "Z" for 26, "AA" for 27.</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (int n = number; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of []:*?/\.</summary>
    internal static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length == 0) clean = "Sheet1";
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Underline(), new FontSize { Val = 11 }, new Color { Rgb = "FF0563C1" }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new Color { Rgb = "FFC00000" }, new FontName { Val = "Calibri" }))
        { Count = 4 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 0, FontId = 3, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
