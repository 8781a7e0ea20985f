using System.Globalization;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Spreadsheets;
using SearchService.Search.England;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Spreadsheets;

/// <summary>
/// The tables people take to Excel, as <see cref="Spreadsheet"/>s for CSV or XLSX: a search's
/// paragraphs, the England table of every authority's latest judgements, and a trend table.
/// Links are absolute, built on <c>baseUrl</c> (the server's public address).
/// </summary>
public static class ExportTables
{
    /// <summary>The columns of a search export, in order (the fields of <see cref="ExportRow"/>, as a spreadsheet shows them).</summary>
    public static readonly IReadOnlyList<SheetColumn> SearchColumns =
    [
        new("Id", Width: 40), new("Authority", Width: 22), new("DfE code", Width: 9), new("Region", Width: 20),
        new("Document", Width: 44), new("Document type", Width: 22), new("Date", ColumnKind.Date, 11), new("Section", Width: 40), new("Paragraph", Width: 11),
        new("Outcome area", Width: 24), new("Grade as printed", Width: 20), new("Grade", Width: 13), new("Text", Width: 100),
        new("Citation", Width: 60), new("Permalink", Width: 50),
    ];

    /// <summary>Every paragraph a search matched (up to the row limit), with a note in the file when the limit cut it.</summary>
    /// <param name="limitName">What sets the row limit, for the note ("the Export:MaxRows setting", "--max-rows").</param>
    /// <param name="cancel">Checked before each row is read (a client that went away stops the writing).</param>
    public static Spreadsheet Search(ExportResult matched, string baseUrl, IReadOnlyList<KeyValuePair<string, string>> about, int limit, string limitName, CancellationToken cancel = default)
    {
        var rows = matched.Rows.Select(p =>
        {
            cancel.ThrowIfCancellationRequested();
            var r = ExportRow.Of(p, baseUrl);
            return (IReadOnlyList<SheetCell>)
            [
                new SheetCell(r.Id, r.Url), r.Authority, r.LaCode, r.Region, new SheetCell(r.DocumentTitle, DocumentUrl(baseUrl, r.DocumentId)), r.DocumentType,
                r.Date, string.Join(" › ", r.SectionPath), r.Paragraph, r.OutcomeArea, r.GradeRaw, r.Grade, r.Text, r.Citation, new SheetCell(r.Url, r.Url),
            ];
        });
        return new Spreadsheet("Paragraphs", SearchColumns, rows)
        {
            Title = matched.Query.Length == 0 ? "Paragraphs" : $"Paragraphs matching {matched.Query}",
            About = [.. about, .. Outcome(matched)],
            TruncationNote = Truncation(matched, limit, limitName),
        };
    }

    /// <summary>How many rows the file holds of how many matched, and what the search changed or could not finish, for the About sheet.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Outcome(ExportResult matched)
    {
        yield return new("Rows", RowsText(matched.Count, matched.Total, "matching paragraphs"));
        if (matched.Warning is { } warning) yield return new("Note", warning);
        if (matched.Relaxed is { } relaxed)
            yield return new("Words dropped", $"{string.Join(", ", relaxed.Dropped)}: fewer than {relaxed.Threshold:N0} paragraphs held every word ({relaxed.MatchedAllWords:N0} did; they come first)");
        if (matched.Missing is { } missing) yield return new("Incomplete search", $"{missing.Reason} (about {missing.SearchedShare:P0} of the index searched)");
    }

    /// <summary>Said in the file (a last row, a JSON line) when the row limit cut it; null when every match is in it.</summary>
    public static string? Truncation(ExportResult matched, int limit, string limitName) =>
        matched.Truncated ? LimitNote(matched.Count, matched.Total, "matching paragraphs", limit, limitName) : null;

    /// <summary>The columns of the England table: the authority, its latest inspection, and for each headline judgement the printed words, the grade and the paragraph's link.</summary>
    public static IReadOnlyList<SheetColumn> EnglandColumns { get; } =
    [
        new("Authority", Width: 24), new("DfE code", Width: 9), new("ONS code", Width: 11), new("Region", Width: 20), new("Type", Width: 20),
        new("Replaced", Width: 9), new("Documents indexed", ColumnKind.Number, 10), new("Latest inspection", Width: 44), new("Framework", Width: 28),
        new("Inspection start", ColumnKind.Date, 11), new("Inspection end", ColumnKind.Date, 11), new("Published", ColumnKind.Date, 11),
        .. AuthorityTable.HeadlineAreas.SelectMany(a => new SheetColumn[] { new(a, Width: 22), new($"{a}: grade", Width: 13), new($"{a}: paragraph", Width: 40) }),
        new("Report", Width: 40), new("Statistical neighbours", Width: 60),
    ];

    public static Spreadsheet England(IReadOnlyList<AuthorityRow> authorities, string baseUrl, IReadOnlyList<KeyValuePair<string, string>> about)
    {
        var rows = authorities.Select(r =>
        {
            var a = r.Authority;
            var l = r.Latest;
            var cells = new List<SheetCell>
            {
                new(a.Name, $"{baseUrl}/england/{a.LaCode}"), a.LaCode, a.OnsCode, a.Region, a.Type, r.Replaced ? "replaced" : null, r.Documents,
                l?.Title, l?.Framework, l?.InspectionStart, l?.InspectionEnd, l?.Published,
            };
            foreach (var area in AuthorityTable.HeadlineAreas)
            {
                var j = l?.For(area);
                var url = j?.ParagraphId is { } pid ? Permalink(baseUrl, pid) : null;
                cells.Add(new SheetCell(j?.Grade.Raw, url));
                cells.Add(j?.Grade.Label);
                cells.Add(new SheetCell(url, url));
            }
            var report = l is null ? null : DocumentUrl(baseUrl, l.DocumentId);
            cells.Add(new SheetCell(report, report));
            cells.Add(string.Join("; ", Authorities.NeighboursOf(a).Select(n => n.Name)));
            return (IReadOnlyList<SheetCell>)cells;
        }).ToList();
        return new Spreadsheet("Latest judgements", EnglandColumns, rows)
        {
            Title = "Every authority's latest inspection judgements",
            About = [.. about, new("Rows", $"{rows.Count:N0} authorities ({authorities.Count(r => r.Latest is not null):N0} with an indexed inspection)"),
                new("Judgements", "Each judgement as printed in the report, its grade (outstanding, good, adequate, inadequate) and the permanent link of the paragraph it is printed in.")],
        };
    }

    /// <summary>A trend: per bucket (year or authority), matching paragraphs and documents, the paragraphs indexed and the share.</summary>
    public static Spreadsheet Trends(IReadOnlyList<TrendBucket> buckets, string by, IReadOnlyList<KeyValuePair<string, string>> about)
    {
        bool byAuthority = by == "authority";
        var columns = new List<SheetColumn> { new(ByHeader(by), by == "year" ? ColumnKind.Number : ColumnKind.Text, byAuthority ? 24 : 16) };
        if (byAuthority) columns.AddRange([new("DfE code", Width: 9), new("Region", Width: 20)]);
        columns.AddRange([new("Matching paragraphs", ColumnKind.Number, 12), new("Matching documents", ColumnKind.Number, 12),
            new("Paragraphs indexed", ColumnKind.Number, 12), new("Share", ColumnKind.Number, 10)]);
        var rows = buckets.Select(b =>
        {
            var cells = new List<SheetCell> { by == "year" && int.TryParse(b.Value, CultureInfo.InvariantCulture, out var y) ? y : b.Value };
            if (byAuthority)
            {
                var a = Authorities.ByName(b.Value);
                cells.Add(a?.LaCode);
                cells.Add(a?.Region);
            }
            cells.AddRange([b.Paragraphs, b.Documents, b.TotalParagraphs, b.Share]);
            return (IReadOnlyList<SheetCell>)cells;
        }).ToList();
        return new Spreadsheet($"By {by}", columns, rows)
        {
            Title = $"Matching paragraphs by {ByHeader(by).ToLowerInvariant()}",
            About = [.. about, new("Share", "Matching paragraphs as a share of the paragraphs indexed in the same bucket under the same filters (0 to 1).")],
        };
    }

    /// <summary>What a search asked for, as label and value pairs for the About sheet.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(string? query, SearchFilters f, SearchSort sort)
    {
        var about = new List<KeyValuePair<string, string>> { new("Query", string.IsNullOrWhiteSpace(query) ? "(every paragraph)" : query.Trim()) };
        Add(about, "Authority", f.Authority);
        Add(about, "Statistical neighbours of", f.NeighboursOf);
        Add(about, "Region", f.Region);
        Add(about, "Authority type", f.AuthorityType);
        Add(about, "Year", f.Year.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        if (f.YearFrom is not null || f.YearTo is not null) about.Add(new("Years", Range(f.YearFrom?.ToString(CultureInfo.InvariantCulture), f.YearTo?.ToString(CultureInfo.InvariantCulture))));
        Add(about, "Outcome area", f.OutcomeArea);
        Add(about, "Grade", f.Grade);
        Add(about, "Document type", f.DocumentType);
        Add(about, "Framework", f.Framework);
        if (f.Latest) about.Add(new("Reports", "each authority's latest inspection report only"));
        about.Add(new("Order", sort switch { SearchSort.Date => "newest first", SearchSort.Oldest => "oldest first", _ => "relevance" }));
        return about;
    }

    /// <summary>What an England table was filtered by, as label and value pairs for the About sheet.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(AuthorityFilters f)
    {
        var about = new List<KeyValuePair<string, string>>();
        Add(about, "Region", f.Region);
        Add(about, "Type", f.Type);
        Add(about, "Statistical neighbours of", f.NeighboursOf);
        Add(about, "Framework", f.Framework);
        Add(about, "Judgement area", f.Area);
        Add(about, "Grade", f.Grade);
        if (f.InspectedFrom is not null || f.InspectedTo is not null)
            about.Add(new("Inspected", Range(f.InspectedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.InspectedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        return about;
    }

    /// <summary>A filter's values on one About line ("Coventry; Stoke"), left out when it has none.</summary>
    private static void Add(List<KeyValuePair<string, string>> about, string label, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count > 0) about.Add(new(label, string.Join("; ", list)));
    }

    private static string Range(string? from, string? to) => $"{from ?? "…"} to {to ?? "…"}";

    /// <summary>The filters of an England table as words for a file name.</summary>
    public static IEnumerable<string?> FileNameParts(AuthorityFilters f) =>
        [.. f.Region, .. f.Type, .. f.NeighboursOf.Select(n => $"neighbours of {n}"), .. f.Framework, .. f.Area, .. f.Grade,
         f.InspectedFrom is null && f.InspectedTo is null ? null : $"inspected {f.InspectedFrom:yyyy-MM-dd} to {f.InspectedTo:yyyy-MM-dd}"];

    /// <summary>A file name that says what the file holds: "search-placement-stability-neighbours-of-coventry-2026-11-27.xlsx".</summary>
    public static string FileName(string what, IEnumerable<string?> parts, string format, DateOnly day)
    {
        var words = string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        var slug = words.Length == 0 ? "" : "-" + Identifiers.Slug(words, 70);
        return $"{what}{slug}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{format}";
    }

    /// <summary>The filters of a search as words for a file name.</summary>
    public static IEnumerable<string?> FileNameParts(string? query, SearchFilters f) =>
        [query?.Replace("\"", "", StringComparison.Ordinal), .. f.NeighboursOf.Select(n => $"neighbours of {n}"), .. f.Authority, .. f.Region, .. f.AuthorityType,
         .. f.OutcomeArea, .. f.Grade, .. f.Year.Select(y => y.ToString(CultureInfo.InvariantCulture)),
         f.YearFrom is null && f.YearTo is null ? null : $"{f.YearFrom}-{f.YearTo}", f.Latest ? "latest" : null];

    private static string ByHeader(string by) => by switch
    {
        "year" => "Year",
        "authority" => "Authority",
        "outcomeArea" => "Outcome area",
        "documentType" => "Document type",
        _ => by,
    };

    internal static string Permalink(string baseUrl, string paragraphId) => $"{baseUrl}/p/{Uri.EscapeDataString(paragraphId)}";

    private static string DocumentUrl(string baseUrl, string documentId) => $"{baseUrl}/d/{Uri.EscapeDataString(documentId)}";

    private static string RowsText(int count, int total, string what) =>
        count == total ? $"{count:N0} {what}" : $"{count:N0} of {total:N0} {what}";

    /// <summary>Said in the file when the row limit cut it.</summary>
    public static string LimitNote(int count, int total, string what, int limit, string limitName) =>
        $"Row limit reached: this file holds the first {count:N0} of {total:N0} {what} (the limit is {limit:N0} rows, {limitName}). Narrow the search to export the rest.";
}

/// <summary>
/// One exported paragraph: what a search hit shows, with the whole text in place of the snippet.
/// A JSON line as it is; a spreadsheet row in the order of <see cref="ExportTables.SearchColumns"/>.
/// </summary>
public sealed record ExportRow(
    string Id, string Authority, string? LaCode, string? Region, string DocumentId, string DocumentTitle, string DocumentType, DateOnly? Date, int? Year,
    IReadOnlyList<string> SectionPath, string Paragraph, string? OutcomeArea, string? GradeRaw, string? Grade, string Text, string Citation, string Url)
{
    public static ExportRow Of(ParagraphRecord p, string baseUrl) => new(
        p.Id, p.Document.Authority, p.Document.LaCode, p.Document.Region, p.DocumentId, p.Document.Title, p.Document.DocumentType, p.Document.Date,
        p.Document.Year, p.SectionPath, p.Label, p.OutcomeArea,
        p.Grade?.Raw, p.Grade?.Label, p.Text, p.Citation, ExportTables.Permalink(baseUrl, p.Id));
}

/// <summary>The last line of a JSON-lines export that the row limit cut: what it holds of what matched (a paragraph line has an <c>id</c>; this one has none).</summary>
public sealed record ExportTruncation(bool Truncated, int Rows, int Matched, int Limit, string Note);
