using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Model;
using SearchService.Core.Segmentation;

namespace SearchService.Core.Metadata;

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
    public static DocumentProfile? TryRecognise(IReadOnlyList<string> lines, List<string> plain)
    {
        var front = string.Join("\n", plain.Take(40));
        string type, framework, stem;
        if (IlacsTitle().IsMatch(front) || SocialCareTitle().IsMatch(front) || LaServicesTitle().IsMatch(front))
            (type, framework, stem) = (DocumentTypes.Ilacs, "ILACS", "ilacs");
        else if (SingleTitle().IsMatch(front))
            (type, framework, stem) = (DocumentTypes.SingleInspection, "single inspection", "single-inspection");
        else if (LscbTitle().IsMatch(front))
            (type, framework, stem) = (DocumentTypes.LscbReview, "lscb review", "lscb-review");
        else if (LacTitle().IsMatch(front))
            (type, framework, stem) = (DocumentTypes.LookedAfterChildrenInspection, "looked after children inspection", "lac-inspection");
        else if (FocusedVisitTitle().IsMatch(front))
            (type, framework, stem) = (DocumentTypes.FocusedVisit, "focused visit", "focused-visit");
        else if (MonitoringVisitTitle().IsMatch(front))
            (type, framework, stem) = (DocumentTypes.MonitoringVisit, "monitoring visit", "monitoring-visit");
        else return null;

        var authority = FindAuthority(plain) ?? "Unknown";
        DateOnly? start = null, end = null;
        var dateLine = plain.Take(60).Select(l => InspectionDates().Match(l)).FirstOrDefault(m => m.Success);
        if (dateLine is not null && PrintedDates.TryParseSpan(dateLine.Groups[1].Value, out var s, out var e)) { start = s; end = e; }
        if (type == DocumentTypes.Ilacs && start is { } st && end is { } en)
            framework = en.DayNumber - st.DayNumber <= 7 ? "short" : "standard";

        var published = plain.Take(60).Select(l => Published().Match(l)).FirstOrDefault(m => m.Success);
        DateOnly? publishedOn = published is null ? null : PrintedDates.FindFirst(published.Groups[1].Value);
        var lead = plain.Select(l => LeadInspector().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        if (lead is not null) lead = InspectorTitle().Replace(lead, "").Trim(' ', ',', '\t');

        var title = Title(plain, type, authority);
        var body = Body(lines, plain, type);
        return new DocumentProfile
        {
            DocumentType = type,
            Title = title,
            Publisher = "Ofsted",
            Authority = authority,
            Date = publishedOn ?? end,
            InspectionStart = start,
            InspectionEnd = end,
            LeadInspector = string.IsNullOrWhiteSpace(lead) ? null : lead,
            Framework = framework,
            NumericScale = GradeScales.Inspection,
            PartHeadings = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Section 1: The Local Authority", "Section 2: The effectiveness local safeguarding children board" },
            BodyLines = body,
            IdStem = stem,
        };
    }

    /// <summary>A front-page metadata line (dates, inspectors, publication, copyright, reuse terms).</summary>
    internal static bool IsCoverLine(string line) => CoverLine().IsMatch(line);

    /// <summary>A front-page line worth keeping as a citable "Inspection details" paragraph.</summary>
    internal static bool IsDetailLine(string line) => DetailLine().IsMatch(line);

    private static string? FindAuthority(List<string> plain)
    {
        foreach (var l in plain.Take(15))
        {
            var m = IlacsTitle().Match(l);
            if (m.Success && Authorities.Canonicalise(m.Groups[1].Value) is { } fromTitle) return fromTitle;
        }
        var joined = string.Join(" ", plain.Take(6));
        var t = IlacsTitle().Match(joined);
        if (t.Success && Authorities.Canonicalise(t.Groups[1].Value) is { } a) return a;
        foreach (var l in plain.Take(12).Where(l => l.Length is > 0 and < 80))
            if (Authorities.Canonicalise(l) is { } line) return line;
        foreach (var l in plain.Take(12).Where(l => l.Length is > 0 and < 120))
            if (Authorities.FindIn(l) is { } named) return named;
        return Authorities.FindIn(string.Join("\n", plain.Take(60)));
    }

    private static string Title(List<string> plain, string type, string authority)
    {
        var printed = type switch
        {
            DocumentTypes.Ilacs => IlacsTitle().Match(string.Join(" ", plain.Take(6))) is { Success: true } m ? m.Value
                : LaServicesTitle().IsMatch(string.Join("\n", plain.Take(6))) ? "Inspection of local authority children's services" : "Inspection of children's social care services",
            DocumentTypes.SingleInspection => SingleTitle().Match(string.Join(" ", plain.Take(12))).Value,
            DocumentTypes.LscbReview => "Review of the effectiveness of the Local Safeguarding Children Board",
            DocumentTypes.LookedAfterChildrenInspection => "Inspection of looked after children services",
            _ => plain.FirstOrDefault(l => l.Length > 5) ?? type,
        };
        printed = Regex.Replace(printed.Replace('’', '\''), @"\s+", " ").Trim();
        return printed.Contains(authority, StringComparison.OrdinalIgnoreCase) ? printed : $"{printed}: {authority}";
    }

    /// <summary>
    /// The body: the cover lines dropped, and the front judgement table rebuilt as tab-separated
    /// rows under a "Judgements" heading, with the overall judgement where it is printed as a sentence.
    /// </summary>
    private static List<string> Body(IReadOnlyList<string> lines, List<string> plain, string type)
    {
        int tableStart = -1;
        for (int i = 0; i < Math.Min(plain.Count, 80); i++)
        {
            var l = plain[i];
            if (TableHeader().IsMatch(l) || FirstSingleRow().IsMatch(l)) { tableStart = i; break; }
        }
        int coverEnd = FirstBodyLine(plain, Math.Max(0, tableStart));
        var result = new List<string>();
        // The cover's details (dates, lead inspector, publication) are kept as a citable paragraph.
        var details = plain.Take(Math.Max(coverEnd, 1) + 2).Where(l => DetailLine().IsMatch(l)).Distinct().ToList();
        if (details.Count > 0)
        {
            result.Add("## Inspection details");
            result.Add("");
            result.AddRange(details.Select(d => d.Replace('\t', ' ')));
            result.Add("");
        }
        var overall = plain.Take(Math.Max(coverEnd, tableStart + 1) + 5).Select(l => OverallSentence().Match(l)).FirstOrDefault(m => m.Success);
        var lscb = plain.Take(80).Select(l => LscbSentence().Match(l)).FirstOrDefault(m => m.Success);

        var rows = new List<string>();
        int tableEnd = tableStart;
        if (tableStart >= 0) (rows, tableStart, tableEnd) = JudgementTable(lines, tableStart);
        bool tableRebuilt = rows.Count > 0;
        if (overall is not null) rows.Add($"Overall effectiveness\t{Capitalise(NormaliseRequire(overall.Groups["grade"].Value))}");
        if (lscb is not null) rows.Add($"Local Safeguarding Children Board\t{Capitalise(NormaliseRequire(lscb.Groups["grade"].Value))}");
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
        // Everything after the cover (and after the table) is body; headline summary paragraphs included.
        // Everything after the cover is body; the table's lines are replaced by the rebuilt rows.
        int from = tableRebuilt && tableStart < coverEnd ? tableEnd + 1 : coverEnd;
        for (int i = from; i < lines.Count; i++)
        {
            if (tableRebuilt && i >= tableStart && i <= tableEnd) continue;
            // Ofsted's closing boilerplate (who Ofsted is, formats, licence, address, copyright) ends the report.
            if (Boilerplate().IsMatch(Markup.Strip(lines[i]))) break;
            result.Add(lines[i]);
        }
        return result;
    }

    /// <summary>Where the cover page's title and metadata lines end.</summary>
    private static int FirstBodyLine(List<string> plain, int notAfter)
    {
        int last = 0;
        for (int i = 0; i < Math.Min(plain.Count, 40); i++)
        {
            var l = plain[i];
            if (l.Length == 0) continue;
            if (CoverLine().IsMatch(l) || i < 3 && l.Length < 120) last = i + 1;
            else if (l.Length > 120) break;
        }
        return notAfter > 0 ? Math.Min(last, notAfter) : last;
    }

    /// <summary>
    /// Rebuilds the judgement table from its left (judgement) and right (grade) column streams,
    /// then pairs the judgements and grades in order. Returns no rows when they cannot be paired.
    /// </summary>
    private static (List<string> Rows, int Start, int End) JudgementTable(IReadOnlyList<string> lines, int start)
    {
        // Two streams, line by line: the judgement column, and the grade column. A grade may wrap
        // over lines ("Requires improvement to" / "be good") and a PDF may set it on the label's own
        // line without a column gap ("… with children Good and families"); labels never contain
        // grade words, so grade words found on the left move to the grade stream where they stand.
        // Then the n-th judgement gets the n-th grade; if the counts differ nothing is guessed.
        // The table may begin with grade cells printed above its first judgement.
        while (start > 0 && (lines[start - 1].StartsWith('\t') || lines[start - 1].Trim().Length == 0 && start > 1 && lines[start - 2].StartsWith('\t')))
            start--;
        var left = new List<string>();
        var right = new System.Text.StringBuilder();
        int end = start, blanks = 0;
        for (int i = start; i < lines.Count; i++)
        {
            var raw = lines[i];
            var text = (Markup.HeadingLevel(raw.Trim(), out var h) > 0 ? h : raw.TrimEnd()).Replace("**", "");
            if (text.Trim().Length == 0) { if (++blanks > 2 && left.Count > 0) break; continue; }
            blanks = 0;
            if (i > start && (text.Trim().Length > 110 && !text.Contains('\t') || TableStop().IsMatch(text.Trim()))) break;
            end = i;
            if (TableHeader().IsMatch(Markup.Strip(text))) continue;
            int tab = text.IndexOf('\t');
            string l = tab < 0 ? text : text[..tab], r = tab < 0 ? "" : text[(tab + 1)..].Replace('\t', ' ');
            if (tab < 0 && GradeOnly().IsMatch(text.Trim())) { l = ""; r = text; }
            l = Markup.Strip(l);
            foreach (Match g in Grades().Matches(l)) right.Append(g.Value).Append(' ');
            l = Grades().Replace(l, " ");
            if (l.Trim().Length > 0) left.Add(l);
            if (r.Trim().Length > 0) right.Append(Markup.Strip(r)).Append(' ');
        }
        var labels = Labels().Matches(Regex.Replace(string.Join(" ", left), @"\s+", " ")).Select(m => m.Value.Trim()).ToList();
        var grades = Grades().Matches(right.ToString()).Select(m => m.Value).ToList();
        if (labels.Count == 0 || labels.Count != grades.Count) return ([], start, start);
        return (labels.Zip(grades, (l, g) => $"{Regex.Replace(l, @"\s+", " ")}\t{Capitalise(NormaliseRequire(Regex.Replace(g, @"\s+", " ")))}").ToList(), start, end);
    }

    private static string NormaliseRequire(string g) => Regex.Replace(g.Trim(), @"^require\b", "requires", RegexOptions.IgnoreCase);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..].ToLowerInvariant();

    [GeneratedRegex(@"Inspection\s+of\s+(.{2,60}?)\s+local\s+authority\s+children['’]s\s+services", RegexOptions.IgnoreCase)]
    private static partial Regex IlacsTitle();

    [GeneratedRegex(@"^#*\s*Inspection of children['’]s social care services", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex SocialCareTitle();

    [GeneratedRegex(@"^#*\s*Inspection of local authority children['’]s services", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex LaServicesTitle();

    [GeneratedRegex(@"(Re-)?inspection of services for children in need of help and protection,? children looked after and care leavers", RegexOptions.IgnoreCase)]
    private static partial Regex SingleTitle();

    [GeneratedRegex(@"Review of the effectiveness of the Local Safeguarding Children'?s? Board", RegexOptions.IgnoreCase)]
    private static partial Regex LscbTitle();

    [GeneratedRegex(@"Inspection of (services for )?looked after children\s+(and young people\s+)?services?", RegexOptions.IgnoreCase)]
    private static partial Regex LacTitle();

    [GeneratedRegex(@"^#*\s*Focused visit to", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex FocusedVisitTitle();

    [GeneratedRegex(@"^#*\s*Monitoring visit (of|to)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MonitoringVisitTitle();

    [GeneratedRegex(@"Inspection dates?:?\s*(.+?)(?:\s+Reporting inspector.*|\s+Report published.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex InspectionDates();

    [GeneratedRegex(@"(?:Report )?published:?\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Published();

    [GeneratedRegex(@"(?:Lead|Reporting) inspectors?:?\s+(.+?)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadInspector();

    [GeneratedRegex(@",?\s*(His|Her) Majesty['’]s Inspectors?|,?\s*\bHMI\b", RegexOptions.IgnoreCase)]
    private static partial Regex InspectorTitle();

    [GeneratedRegex(@"^Judgement\s*\t?\s*Grade$", RegexOptions.IgnoreCase)]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"^1\.?\s+Children who need help and protection", RegexOptions.IgnoreCase)]
    private static partial Regex FirstSingleRow();

    [GeneratedRegex(@"^(Executive summary|Summary of key findings|What needs to improve\??|Contents|The effectiveness of the Local Safeguarding.*|The Local Safeguarding Children Board (is|requires).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TableStop();

    [GeneratedRegex(@"^(requires? improvement( to be good)?|improvement|requires|to be good|outstanding|good|inadequate|adequate|not judged)$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeOnly();

    [GeneratedRegex(@"requires? improvement(\s+to\s+be\s+good)?|outstanding|good|inadequate|adequate|not judged", RegexOptions.IgnoreCase)]
    private static partial Regex Grades();

    [GeneratedRegex(@"(The impact of leaders on social work practice with children and families|The experiences and progress of children who need help and protection|The experiences and progress of children in care and care leavers|The experiences and progress of children in care|The experiences and progress of (?:children )?care leavers|Overall effectiveness|1\.?\s+Children who need help and protection|2\.?\s+Children looked after and achieving permanence|2\.1\.?\s+Adoption performance|2\.2\.?\s+Experiences and progress of care leavers|3\.?\s+Leadership,? management and governance)", RegexOptions.IgnoreCase)]
    private static partial Regex Labels();

    [GeneratedRegex(@"^(The overall judgement is|Children['’]s services in .{2,60}?)\s+(?:are\s+|is\s+)?(?<grade>requires? improvement( to be good)?|outstanding|good|inadequate|adequate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OverallSentence();

    [GeneratedRegex(@"^(The effectiveness of the Local Safeguarding Children Board( \(LSCB\))?|The Local Safeguarding Children Board( \(LSCB\))?)\s+(?:is\s+|are\s+)?(?<grade>requires? improvement( to be good)?|outstanding|good|inadequate|adequate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LscbSentence();

    [GeneratedRegex(@"^(The Office for Standards in Education, Children['’]s Services and Skills \(Ofsted\) regulates|If you would like a copy of this document in a different format|Piccadilly Gate|Any complaints about the inspection or the report should be made)", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"^(Inspection dates?|Lead inspectors?|Reporting inspector|Report published|Published)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DetailLine();

    [GeneratedRegex(@"^(Inspection dates?|Lead inspectors?|Reporting inspector|Age group|Report published|Published|©|Website|This document may be reproduced|Further copies)", RegexOptions.IgnoreCase)]
    private static partial Regex CoverLine();
}
