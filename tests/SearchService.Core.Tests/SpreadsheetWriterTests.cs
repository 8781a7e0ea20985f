using System.Text;
using SearchService.Core.Spreadsheets;

namespace SearchService.Core.Tests;

/// <summary>CSV and XLSX as a spreadsheet program reads them: the same cells back, typed, linked, valid, and honest about a cut.</summary>
public class SpreadsheetWriterTests(ITestOutputHelper output)
{
    private static readonly SheetColumn[] Columns =
        [new("Id"), new("Authority"), new("Date", ColumnKind.Date), new("Count", ColumnKind.Number), new("Text", Width: 80)];

    private static readonly IReadOnlyList<SheetCell>[] Rows =
    {
        new SheetCell[] { new("a~1", "http://x/p/a~1"), "Coventry", new DateOnly(2011, 5, 12), 3, "Plain text" },
        new SheetCell[] { new("b~2", "http://x/p/b~2"), "Bath, and \"North\" East", new DateOnly(2026, 3, 13), 0.25, "Two\nlines, a comma and “quotes”" },
        new SheetCell[] { "c~3", "Stoke-on-Trent", default, default, "=HYPERLINK(\"http://evil\") and -1 and @sum" },
    };

    private static Spreadsheet Sample(string? note = null) => new("Paragraphs", Columns, Rows)
    {
        Title = "Test export",
        About = [new("Query", "\"placement stability\""), new("Region", "West Midlands")],
        TruncationNote = note,
    };

    private static MemoryStream Written(Spreadsheet sheet, string format)
    {
        var stream = new MemoryStream();
        SpreadsheetWriter.Write(sheet, format, stream);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Xlsx_validates_and_reads_back_the_same_cells_typed_and_linked()
    {
        using var file = Written(Sample(), SpreadsheetFormats.Xlsx);
        var errors = SpreadsheetFile.Validate(file);
        output.WriteLine(string.Join("\n", errors));
        Assert.Empty(errors);
        file.Position = 0;
        var sheets = SpreadsheetFile.ReadXlsx(file);
        Assert.Equal(["Paragraphs", "About"], sheets.Select(s => s.Name));
        var data = sheets[0];
        Assert.Equal(["Id", "Authority", "Date", "Count", "Text"], data.Rows[0]);
        Assert.Equal(["a~1", "Coventry", "2011-05-12", "3", "Plain text"], data.Rows[1]);
        Assert.Equal(["b~2", "Bath, and \"North\" East", "2026-03-13", "0.25", "Two\nlines, a comma and “quotes”"], data.Rows[2]);
        // An XLSX cell holding text is never a formula: the text stays as it is.
        Assert.Equal(["c~3", "Stoke-on-Trent", "", "", "=HYPERLINK(\"http://evil\") and -1 and @sum"], data.Rows[3]);
        Assert.Equal("http://x/p/a~1", data.Links["A2"]);
        Assert.Equal("http://x/p/b~2", data.Links["A3"]);
        Assert.False(data.Links.ContainsKey("A4"));
        Assert.Equal(4, data.Rows.Count);
        var about = sheets[1].Rows.ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("Test export", about["About this file"]);
        Assert.Equal("\"placement stability\"", about["Query"]);
        Assert.False(about.ContainsKey("Incomplete"));
    }

    [Fact]
    public void Csv_round_trips_with_a_byte_order_mark_and_formulas_escaped()
    {
        using var file = Written(Sample(), SpreadsheetFormats.Csv);
        var bytes = file.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = SpreadsheetFile.ReadCsv(new MemoryStream(bytes));
        Assert.Equal(["Id", "Authority", "Date", "Count", "Text"], rows[0]);
        Assert.Equal(["a~1", "Coventry", "2011-05-12", "3", "Plain text"], rows[1]);
        Assert.Equal(["b~2", "Bath, and \"North\" East", "2026-03-13", "0.25", "Two\nlines, a comma and “quotes”"], rows[2]);
        // A spreadsheet would run a cell starting with '=' as a formula: it is escaped (OWASP's CSV injection advice).
        Assert.StartsWith("'=HYPERLINK", rows[3][4], StringComparison.Ordinal);
        Assert.Equal(4, rows.Count);
    }

    [Theory]
    [InlineData(SpreadsheetFormats.Csv)]
    [InlineData(SpreadsheetFormats.Xlsx)]
    public void A_table_cut_by_a_row_limit_says_so_after_its_last_row(string format)
    {
        const string note = "Row limit reached: this file holds the first 3 of 10 matching paragraphs.";
        using var file = Written(Sample(note), format);
        if (format == SpreadsheetFormats.Csv)
        {
            var rows = SpreadsheetFile.ReadCsv(file);
            Assert.Equal(note, rows[^1][0]);
            Assert.Equal(5, rows.Count);
            return;
        }
        Assert.Empty(SpreadsheetFile.Validate(file));
        file.Position = 0;
        var sheets = SpreadsheetFile.ReadXlsx(file);
        Assert.Equal(note, sheets[0].Rows[^1][0]);
        Assert.Equal(note, sheets[1].Rows.Single(r => r[0] == "Incomplete")[1]);
    }

    [Fact]
    public void An_empty_table_is_a_header_row_and_still_valid()
    {
        var empty = new Spreadsheet("Nothing", Columns, []);
        using var xlsx = Written(empty, SpreadsheetFormats.Xlsx);
        Assert.Empty(SpreadsheetFile.Validate(xlsx));
        xlsx.Position = 0;
        Assert.Single(SpreadsheetFile.ReadXlsx(xlsx)[0].Rows);
        using var csv = Written(empty, SpreadsheetFormats.Csv);
        Assert.Single(SpreadsheetFile.ReadCsv(csv));
    }

    [Fact]
    public void Text_that_xml_cannot_hold_or_excel_cannot_fit_is_made_safe()
    {
        Assert.Equal("ab\tc\nd", SpreadsheetWriter.XmlSafe("a\u0001b\tc\nd\u0008"));
        var huge = SpreadsheetWriter.XmlSafe(new string('x', 40_000));
        Assert.Equal(SpreadsheetWriter.MaxCellLength, huge.Length);
        Assert.EndsWith("[cut at Excel's cell limit]", huge, StringComparison.Ordinal);
        var sheet = new Spreadsheet("Odd [sheet]: name that is far too long for Excel", Columns, [new SheetCell[] { "x\u0002", "y", default, default, new string('z', 40_000) }]);
        using var xlsx = Written(sheet, SpreadsheetFormats.Xlsx);
        Assert.Empty(SpreadsheetFile.Validate(xlsx));
        xlsx.Position = 0;
        var read = SpreadsheetFile.ReadXlsx(xlsx)[0];
        Assert.True(read.Name.Length <= 31);
        Assert.DoesNotContain('[', read.Name);
        Assert.Equal("x", read.Rows[1][0]);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(28, "AB")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    public void Column_names_count_as_excel_does(int number, string name) => Assert.Equal(name, SpreadsheetWriter.ColumnName(number));

    [Fact]
    public void An_unknown_format_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SpreadsheetWriter.Write(Sample(), "ods", new MemoryStream()));
    }
}
