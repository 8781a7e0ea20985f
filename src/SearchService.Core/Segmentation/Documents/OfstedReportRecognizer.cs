using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Prose;
using SearchService.Core.Segmentation.Lines;

namespace SearchService.Core.Segmentation;

/// <summary>
/// Recognises Ofsted's published inspections of local authority children's services, from the
/// text alone: looked after children inspections (2013), single inspections and LSCB reviews
/// (2013–2018), ILACS standard and short inspections (2018–), focused and monitoring visits.
/// It reads the authority, inspection dates, lead inspector, framework and publication date from
/// the front page, and rebuilds the front judgement table (whose wrapped label and grade cells a
/// PDF interleaves) as clean "judgement → grade" rows.
/// </summary>
public static partial class OfstedReportRecognizer
{
    /// <summary>A kind of Ofsted report, known by its printed title (however it wraps).</summary>
    private sealed record Kind(Regex Title, string DocumentType, Framework Framework, string Stem);

    // Tried in order against the front page's first lines joined by spaces, so a title wrapped
    // over two or three lines reads as one. A single inspection's title also names the LSCB
    // review it includes, so it is tried before the LSCB review's own.
    private static readonly Kind[] Kinds =
    [
        new(SingleTitle(), DocumentTypes.SingleInspection, Framework.SingleInspection, "single-inspection"),
        new(IlacsTitle(), DocumentTypes.Ilacs, Framework.Ilacs, "ilacs"),
        new(LacTitle(), DocumentTypes.LookedAfterChildrenInspection, Framework.LookedAfterChildrenInspection, "lac-inspection"),
        new(LscbTitle(), DocumentTypes.LscbReview, Framework.LscbReview, "lscb-review"),
        new(FocusedVisitTitle(), DocumentTypes.FocusedVisit, Framework.FocusedVisit, "focused-visit"),
        new(MonitoringVisitTitle(), DocumentTypes.MonitoringVisit, Framework.MonitoringVisit, "monitoring-visit"),
    ];

    public static DocumentProfile? TryRecognise(IReadOnlyList<string> lines, List<string> plain, DateOnly? produced = null)
    {
        var top = TopLines(plain);
        var joined = new System.Text.StringBuilder();
        var offsets = new List<int>();
        foreach (var i in top)
        {
            if (joined.Length > 0) joined.Append(' ');
            offsets.Add(joined.Length);
            joined.Append(plain[i]);
        }
        var text = joined.ToString().Replace('’', '\'');
        Kind? kind = null;
        Match title = Match.Empty;
        foreach (var k in Kinds)
        {
            title = k.Title.Match(text);
            if (title.Success) { kind = k; break; }
        }
        if (kind is null) return null;

        // The lines the title is printed on (by where the match falls in the joined text).
        var titleLines = top.Where((_, n) => offsets[n] < title.Index + title.Length && offsets[n] + plain[top[n]].Length > title.Index).ToList();
        int titleFirst = titleLines[0], titleLast = titleLines[^1];
        var fields = FrontPageFields.Read(plain.Take(Math.Min(plain.Count, titleLast + 40)));
        var authority = FindAuthority(plain, top, title, titleFirst, titleLast, fields);

        var framework = kind.Framework;
        if (framework == Framework.Ilacs && fields.InspectionStart is { } st && fields.InspectionEnd is { } en)
            framework = en.DayNumber - st.DayNumber <= 7 ? Framework.IlacsShort : Framework.IlacsStandard;
        var published = fields.Published;
        var frontMatter = new FrontMatter(
            published ?? produced,
            published is not null ? DateBasis.PrintedPublication : produced is not null ? DateBasis.PdfProduced : DateBasis.None,
            fields.InspectionStart, fields.InspectionEnd, fields.LeadInspector ?? FrontPageFields.LeadInspectorAnywhere(plain));

        int coverEnd = CoverEnd(plain, top, titleLast, fields);
        var (body, tableUnread) = Body(lines, plain, coverEnd);
        return new DocumentProfile
        {
            DocumentType = kind.DocumentType,
            Framework = framework,
            Title = Title(title.Value, kind, authority),
            Publisher = "Ofsted",
            Authority = authority,
            FrontMatter = frontMatter,
            IdDate = published ?? fields.InspectionEnd,
            NumericScale = GradeScales.Inspection,
            FrontPageLines = fields.Lines,
            BodyLines = body,
            UnreadJudgementTable = tableUnread,
            IdStem = kind.Stem,
        };
    }

    /// <summary>
    /// The front page's first lines (line indexes): up to the first line of running prose, at most 16.
    /// Titles, council names, field lines and a single inspection's overall sentence are all short.
    /// </summary>
    private static List<int> TopLines(List<string> plain)
    {
        var top = new List<int>();
        for (int i = 0; i < plain.Count && top.Count < 16; i++)
        {
            if (plain[i].Length == 0) continue;
            if (plain[i].Length > 400 || (plain[i].Length > 150 && plain[i].EndsWith('.'))) break;
            top.Add(i);
        }
        return top;
    }

    /// <summary>
    /// The authority, from the places a report names it: its title ("Inspection of Bath and North East
    /// Somerset local authority children's services"), the council named above or below the title
    /// (wrapped over two lines as printed: "Royal Borough of Kensington and" / "Chelsea"), or a
    /// "Local authority:" field. Running text is never used: what cannot be read there stays unresolved.
    /// </summary>
    private static LocalAuthority? FindAuthority(List<string> plain, List<int> top, Match title, int titleFirst, int titleLast, FrontPageFields fields)
    {
        if (title.Groups["a"].Success && Authorities.Resolve(title.Groups["a"].Value) is { } inTitle) return inTitle;
        int firstField = fields.LineIndexes.Count > 0 ? fields.LineIndexes[0] : int.MaxValue;
        var named = top.Where(i => (i < titleFirst || (i > titleLast && i < firstField)) && plain[i].Length < 100).ToList();
        for (int n = 0; n < named.Count; n++)
        {
            if (n + 1 < named.Count && Authorities.Resolve(plain[named[n]] + " " + plain[named[n + 1]]) is { } wrapped) return wrapped;
            if (Authorities.Resolve(plain[named[n]]) is { } one) return one;
        }
        return fields.LocalAuthority is { } la ? Authorities.Resolve(la) : null;
    }

    /// <summary>The title as printed, with the authority where the printed title does not name it.</summary>
    private static string Title(string printed, Kind kind, LocalAuthority? authority)
    {
        var t = WhiteSpace.Fold(printed).Trim();
        if (kind.Framework == Framework.SingleInspection) t = Regex.Replace(t, @"\s+and\s+review of the effectiveness.*$", "", RegexOptions.IgnoreCase);
        var name = authority?.Name ?? Authorities.Unresolved;
        return authority is not null && Authorities.Resolve(t) is null && t.Contains(name, StringComparison.OrdinalIgnoreCase) ? t : $"{t}: {name}";
    }

    /// <summary>
    /// Where the cover ends: after the title, the council's name, the field lines and the cover's
    /// small print (copyright, website, reuse terms), whichever is last among the front page's lines.
    /// </summary>
    private static int CoverEnd(List<string> plain, List<int> top, int titleLast, FrontPageFields fields)
    {
        int end = titleLast + 1;
        foreach (var i in fields.LineIndexes) if (i < titleLast + 40) end = Math.Max(end, i + 1);
        for (int i = end; i < Math.Min(plain.Count, end + 20); i++)
        {
            var l = plain[i];
            if (l.Length == 0) continue;
            if (CoverLine().IsMatch(l)) end = i + 1;
            else if (top.Contains(i) && i < end + 3 && (Authorities.Resolve(l) is not null || l.Equals("and", StringComparison.OrdinalIgnoreCase))) end = i + 1;
            else break;
        }
        return end;
    }

    /// <summary>A front-page metadata line (dates, inspectors, publication, copyright, reuse terms).</summary>
    internal static bool IsCoverLine(string line) => CoverLine().IsMatch(line);

    /// <summary>
    /// The body: the cover lines dropped, and the front judgement table rebuilt as tab-separated
    /// rows under a "Judgements" heading, with the overall judgement where it is printed as a
    /// sentence (over line breaks) and an LSCB review's judgement. The sentences stay in the body
    /// as the headline summary's first paragraph.
    /// </summary>
    private static (List<string> Body, bool TableUnread) Body(IReadOnlyList<string> lines, List<string> plain, int coverEnd)
    {
        var table = FrontJudgementTable.Read(lines, plain);
        var rows = new List<string>(table.Rows);
        var sentences = new HashSet<int>();
        int frontEnd = Math.Max(coverEnd, table.End) + 12;
        if (OverallSentence(plain, coverEnd, frontEnd, sentences) is { } overall && !rows.Any(r => r.StartsWith("Overall effectiveness\t", StringComparison.OrdinalIgnoreCase)))
            rows.Add($"Overall effectiveness\t{overall.Raw}");
        for (int i = coverEnd; i < Math.Min(plain.Count, frontEnd); i++)
        {
            if (plain[i].Length > 160 || StatementAt(plain, i, LscbGrade) is not { } lscb) continue;
            if (!rows.Any(r => r.StartsWith("Local Safeguarding Children Board\t", StringComparison.Ordinal))) rows.Add($"Local Safeguarding Children Board\t{lscb.Grade.Raw}");
            sentences.UnionWith(lscb.Lines);
            i = lscb.Lines[^1];
        }
        var result = new List<string>();
        if (rows.Count > 0)
        {
            result.Add("## Judgements");
            result.Add("");
            result.AddRange(rows);
            result.Add("");
            // The headline summary that follows the judgements is a section of its own.
            result.Add("## Headline summary");
            result.Add("");
        }
        // Everything after the cover is body; the table's lines are replaced by the rebuilt rows.
        bool rebuilt = table.Rows.Count > 0;
        int from = rebuilt && table.Start < coverEnd ? table.End + 1 : coverEnd;
        for (int i = from; i < lines.Count; i++)
        {
            if (rebuilt && i >= table.Start && i <= table.End) continue;
            // Ofsted's closing boilerplate (who Ofsted is, formats, licence, address, copyright) ends the report.
            if (Boilerplate().IsMatch(Markup.Strip(lines[i]))) break;
            result.Add(sentences.Contains(i) ? plain[i] : lines[i]);
        }
        return (result, table.Unread);
    }

    /// <summary>
    /// A single inspection's overall judgement printed as a sentence on the front page, read over
    /// the lines it wraps onto ("The overall judgement is that children's services require" /
    /// "improvement"); the lines it takes are noted so they stay text, not headings.
    /// </summary>
    private static Grade? OverallSentence(List<string> plain, int from, int to, HashSet<int> taken)
    {
        for (int i = from; i < Math.Min(plain.Count, to); i++)
        {
            if (StatementAt(plain, i, JudgementPhrases.ParseOverall) is not { } overall) continue;
            taken.UnionWith(overall.Lines);
            return overall.Grade;
        }
        return null;
    }

    /// <summary>The LSCB's grade, where the text states it ("The effectiveness of the LSCB (LSCB) is requires improvement").</summary>
    private static Grade? LscbGrade(string text) =>
        text.Length <= 240 && JudgementPhrases.ParseArea(text) is { Grade: { } grade, Term.Common: OutcomeAreas.Lscb } ? grade : null;

    /// <summary>
    /// A judgement stated from line <paramref name="i"/> on, read over the (at most three) lines it
    /// wraps onto, and the lines it takes. It must start on that line: the lines after it only finish it.
    /// </summary>
    private static (Grade Grade, List<int> Lines)? StatementAt(List<string> plain, int i, Func<string, Grade?> read)
    {
        if (plain[i].Length == 0) return null;
        var joined = new List<int> { i };
        for (int j = i + 1; j < Math.Min(plain.Count, i + 6) && joined.Count < 3; j++)
            if (plain[j].Length > 0) joined.Add(j);
        for (int n = 1; n <= joined.Count; n++)
        {
            if (read(string.Join(" ", joined.Take(n).Select(k => plain[k]))) is not { } grade) continue;
            if (n > 1 && read(string.Join(" ", joined.Skip(1).Take(n - 1).Select(k => plain[k]))) is not null) return null;
            return (grade, joined.Take(n).ToList());
        }
        return null;
    }

    [GeneratedRegex(@"\bInspection of (?:(?<a>.{1,80}?) )??(?:local authority children's (?:social care )?services|children's social care services)|\bInspection of (?<a>(?!services\b).{1,80}?) children's services", RegexOptions.IgnoreCase)]
    private static partial Regex IlacsTitle();

    [GeneratedRegex(@"\b(?:Re-?)?inspection of services for children in need of help and protection,? children looked after and care leavers(?: and review of the effectiveness of the local safeguarding children'?s? board)?", RegexOptions.IgnoreCase)]
    private static partial Regex SingleTitle();

    [GeneratedRegex(@"\bReview of the effectiveness of the Local Safeguarding Children'?s? Board", RegexOptions.IgnoreCase)]
    private static partial Regex LscbTitle();

    [GeneratedRegex(@"\bInspection of (?:services for )?looked after children(?: and young people)?(?: services?)?", RegexOptions.IgnoreCase)]
    private static partial Regex LacTitle();

    [GeneratedRegex(@"\bFocused visit to (?<a>.{2,80}?) (?:local authority )?children's services", RegexOptions.IgnoreCase)]
    private static partial Regex FocusedVisitTitle();

    [GeneratedRegex(@"\bMonitoring visit (?:of|to) (?<a>.{2,80}?) (?:local authority )?children's services", RegexOptions.IgnoreCase)]
    private static partial Regex MonitoringVisitTitle();

    [GeneratedRegex(@"^(The Office for Standards in Education, Children['’]s Services and Skills \(Ofsted\) regulates|If you would like a copy of this document in a different format|Piccadilly Gate|Any complaints about the inspection or the report should be made)", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"^(Inspection dates?|Lead inspectors?|Reporting inspector|Age group|Report published|Published|©|Website|This document may be reproduced|Further copies)", RegexOptions.IgnoreCase)]
    private static partial Regex CoverLine();
}
