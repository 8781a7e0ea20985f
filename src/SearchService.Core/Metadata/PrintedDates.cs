using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchService.Core.Metadata;

/// <summary>Dates as the documents print them: "26 November 2007", "Thursday, 5th November, 2015", "21 March to 1 April 2011".</summary>
public static partial class PrintedDates
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Month number for a month name or its three-letter abbreviation, or 0.</summary>
    public static int MonthNumber(string name)
    {
        var n = name.Trim().TrimEnd('.').ToLowerInvariant();
        for (int i = 0; i < Months.Length; i++)
            if (Months[i] == n || (n.Length >= 3 && Months[i].StartsWith(n, StringComparison.Ordinal) && n.Length <= Months[i].Length)) return i + 1;
        return 0;
    }

    /// <summary>All full dates in the text, in order of appearance.</summary>
    public static IEnumerable<(DateOnly Date, int Index, int Length)> FindAll(string text)
    {
        foreach (Match m in FullDate().Matches(text))
        {
            if (TryMake(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var d))
                yield return (d, m.Index, m.Length);
        }
    }

    /// <summary>The first full date in the text.</summary>
    public static DateOnly? FindFirst(string text)
    {
        foreach (var (d, _, _) in FindAll(text)) return d;
        return null;
    }

    /// <summary>Whether the whole line is a date (optionally with a weekday and trailing note).</summary>
    public static bool IsDateLine(string line, out DateOnly date)
    {
        date = default;
        var m = DateLine().Match(line.Trim());
        return m.Success && TryMake(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out date);
    }

    /// <summary>
    /// A printed date range: "21 March to 1 April 2011", "8 to 12 July 2013", "20 January 2025 to 31 January 2025",
    /// "6 March – 30 March 2017".
    /// </summary>
    public static bool TryParseRange(string text, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        var m = Range().Match(text);
        if (!m.Success) return false;
        var y2 = m.Groups["y2"].Value;
        var m2 = m.Groups["m2"].Value;
        var y1 = m.Groups["y1"].Success ? m.Groups["y1"].Value : y2;
        var m1 = m.Groups["m1"].Success ? m.Groups["m1"].Value : m2;
        if (!TryMake(y2, m2, m.Groups["d2"].Value, out end)) return false;
        if (!TryMake(y1, m1, m.Groups["d1"].Value, out start)) return false;
        if (start > end && !m.Groups["y1"].Success && TryMake((int.Parse(y2) - 1).ToString(CultureInfo.InvariantCulture), m1, m.Groups["d1"].Value, out var prev))
            start = prev; // "2 December to 6 January 2020" spans the new year
        return start <= end;
    }

    /// <summary>
    /// The first and last day of an inspection as printed, however many visits: every range and
    /// date in the text ("19 November-11 December 2013 and 28 – 30 January 2014", "1/06/2015 – 25/06/2015").
    /// </summary>
    public static bool TryParseSpan(string text, out DateOnly start, out DateOnly end)
    {
        var days = new List<DateOnly>();
        foreach (Match m in Range().Matches(text))
            if (TryParseRange(m.Value, out var s, out var e)) { days.Add(s); days.Add(e); }
        days.AddRange(FindAll(text).Select(x => x.Date));
        foreach (Match m in NumericDate().Matches(text))
            if (TryMake(m.Groups["y"].Value, Months[int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is var mo and >= 1 and <= 12 ? mo - 1 : 0], m.Groups["d"].Value, out var d)
                && int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12)
                days.Add(d);
        start = end = default;
        if (days.Count == 0) return false;
        start = days.Min();
        end = days.Max();
        return true;
    }

    private static bool TryMake(string y, string m, string d, out DateOnly date)
    {
        date = default;
        int month = MonthNumber(m);
        if (month == 0 || !int.TryParse(y, out int year) || !int.TryParse(d, out int day)) return false;
        if (year < 1990 || year > 2100 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// Whether the number at <paramref name="index"/> (<paramref name="length"/> characters) of the
    /// text is a day or year of a date rather than a count: a month name next to it ("31 March",
    /// "May 14", "Sept. 2016") or a date in figures around it ("1/3/16").
    /// </summary>
    public static bool IsPartOfDate(string text, int index, int length)
    {
        int from = Math.Max(0, index - 3);
        return MonthNext().IsMatch(text, index + length) || MonthBefore().IsMatch(text[..index])
            || SlashDate().IsMatch(text.AsSpan(from, Math.Min(text.Length - from, length + 8)));
    }

    /// <summary>
    /// A month as printed or typed, its name or abbreviation in any case ("March", "Sept", "dec"): the
    /// one list of month names, for every pattern that reads dates (here, and the answers' readers).
    /// </summary>
    public const string MonthPattern = "(?i:" + MonthNames + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";

    /// <summary>A month's full name only, in any case ("March", "march").</summary>
    public const string MonthNamePattern = "(?i:" + MonthNames + ")";

    private const string MonthNames = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<m>" + MonthPattern + @")\.?,?\s+(?<y>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex NumericDate();

    // From where it is asked: white space, then a month ("… 31 March").
    [GeneratedRegex(@"\G\s*" + MonthPattern + @"\b")]
    private static partial Regex MonthNext();

    [GeneratedRegex(@"\b" + MonthPattern + @"\.?\s*$")]
    private static partial Regex MonthBefore();

    // Any day/month/year in figures, two-figure years too ("1/3/16").
    [GeneratedRegex(@"\d{1,2}/\d{1,2}/\d{2,4}")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:Date:?\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<m>" + MonthPattern + @"),?\s+(?<y>(?:19|20)\d{2})\b.{0,60}$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?<m1>" + MonthPattern + @"))?(?:,?\s+(?<y1>(?:19|20)\d{2}))?\s*(?:to|–|-|—|and)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m2>" + MonthPattern + @"),?\s+(?<y2>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex Range();
}
