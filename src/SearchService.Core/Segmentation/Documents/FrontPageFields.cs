using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation;

/// <summary>
/// The labelled fields an inspection report prints on its front page: "Inspection dates: 28 February
/// to 4 March 2022", "Lead inspector: Steve Lowe, Her Majesty's Inspector", "Report published: 8
/// September 2014", and the 2013 layout that sets two on one line ("Inspection dates: 8 – 12 July 2013
/// Reporting inspector Gary Lamb HMI", "Age group: All Published: 16 August 2013").
/// </summary>
public sealed partial record FrontPageFields(
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    string? LeadInspector,
    DateOnly? Published,
    string? LocalAuthority,
    IReadOnlyList<string> Lines,
    IReadOnlyList<int> LineIndexes)
{
    /// <summary>Reads the field lines among <paramref name="lines"/> (the first of each field wins).</summary>
    public static FrontPageFields Read(IEnumerable<string> lines)
    {
        DateOnly? start = null, end = null, published = null;
        string? lead = null, authority = null;
        var printed = new List<string>();
        var indexes = new List<int>();
        int i = -1;
        foreach (var raw in lines)
        {
            i++;
            var line = raw.Replace('\t', ' ').Trim();
            var fields = Split(line);
            if (fields.Count == 0) continue;
            indexes.Add(i);
            bool cited = false;
            foreach (var (label, value) in fields)
            {
                switch (Normalise(label))
                {
                    case "inspection date" when start is null && PrintedDates.TryParseSpan(value, out var s, out var e):
                        (start, end, cited) = (s, e, true);
                        break;
                    case "lead inspector" or "reporting inspector" when lead is null:
                        lead = PersonName(value);
                        cited = true;
                        break;
                    case "published" when published is null:
                        published = PrintedDates.FindFirst(value);
                        cited = true;
                        break;
                    case "local authority" when authority is null && value.Length > 0:
                        authority = value;
                        break;
                }
            }
            if (cited) printed.Add(WhiteSpace.Fold(line));
        }
        return new FrontPageFields(start, end, lead, published, authority, printed, indexes);
    }

    /// <summary>Whether a line is a front-page field line (it starts with a field's label).</summary>
    public static bool IsFieldLine(string line) => Split(line.Replace('\t', ' ').Trim()).Count > 0;

    /// <summary>
    /// The lead inspector from the first line anywhere that starts "Lead inspector" or "Reporting
    /// inspector" (single inspections name the team at the end); never a deputy.
    /// </summary>
    public static string? LeadInspectorAnywhere(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Replace('\t', ' ').Trim();
            var m = LeadLine().Match(line);
            if (m.Success && PersonName(m.Groups["v"].Value) is { } name) return name;
        }
        return null;
    }

    /// <summary>"Steve Lowe, Her Majesty’s Inspector" → "Steve Lowe"; "Gary Lamb HMI" → "Gary Lamb".</summary>
    internal static string? PersonName(string value)
    {
        var v = InspectorTitle().Replace(value, "");
        v = WhiteSpace.Fold(v).Trim(' ', ',', ';', '.', ':');
        return v.Length is > 2 and < 60 && char.IsUpper(v[0]) ? v : null;
    }

    /// <summary>The labelled fields of a line, or none when the line does not start with a label.</summary>
    private static List<(string Label, string Value)> Split(string line)
    {
        var result = new List<(string, string)>();
        // A field starts the line, or follows a title on the line with its colon ("… Children Board
        // Inspection date: 6 to 30 July 2015 Report published: 15 September 2015").
        var ms = Label().Matches(line).Where((m, k) => k > 0 || m.Index == 0 || m.Value.TrimEnd().EndsWith(':')).ToList();
        if (ms.Count == 0) return result;
        for (int k = 0; k < ms.Count; k++)
        {
            int from = ms[k].Index + ms[k].Length;
            int to = k + 1 < ms.Count ? ms[k + 1].Index : line.Length;
            result.Add((ms[k].Groups["label"].Value, line[from..to].Trim()));
        }
        return result;
    }

    private static string Normalise(string label)
    {
        var l = label.ToLowerInvariant();
        if (l.StartsWith("inspection date", StringComparison.Ordinal)) return "inspection date";
        if (l.StartsWith("lead inspector", StringComparison.Ordinal)) return "lead inspector";
        if (l.StartsWith("reporting inspector", StringComparison.Ordinal)) return "reporting inspector";
        if (l.EndsWith("published", StringComparison.Ordinal)) return "published";
        return l;
    }

    // A label stands at the start of the line, or after a value later on it (the 2013 layout);
    // "Local authority" only with its colon, as the words also open titles.
    [GeneratedRegex(@"(?<=^|\s)(?<label>Inspection dates?|Lead inspectors?|Reporting inspectors?|Report published|Date published|Published|Age group|Local authority(?=\s*:))\b\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?:Lead|Reporting) inspectors?\b\s*:?\s*(?<v>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadLine();

    [GeneratedRegex(@",?\s*\b(?:Senior\s+)?(?:His|Her)\s+Majesty\s*['’]?\s*s?\s+Inspectors?\b.*$|,?\s*\b(?:Senior\s+)?HMI\b.*$|\s*\(.*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex InspectorTitle();
}
