using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;

namespace SearchService.Search.Answering;

/// <summary>Which date of a report a question's time words are about.</summary>
public enum DateAsked
{
    /// <summary>The inspection or the publication, whichever fits ("the 2019 inspection", "in 2015").</summary>
    Either,
    /// <summary>When the report was published ("the inspection published in February 2014").</summary>
    Publication,
    /// <summary>When the inspection took place ("inspections carried out in 2024").</summary>
    Inspection,
}

/// <summary>Which of several reports a question asks for when it names no time.</summary>
public enum Which { Any, Latest, First }

/// <summary>
/// The time a question is about, as a window of days: a year, a month, a month range ("January–February
/// 2014"), a season ("spring 2015"), a day a figure is given at ("at 31 May 2014"), an open range
/// ("since 2014", "post-April 2026", "between 2014 and 2026"); whether it is the publication that is
/// meant; and "latest", "most recent", "last" or "first".
/// </summary>
public sealed partial record TimeSpec(DateOnly? From, DateOnly? To, DateAsked Basis, Which Which, bool Precise, DateOnly? FigureDate)
{
    public static TimeSpec None { get; } = new(null, null, DateAsked.Either, Which.Any, false, null);

    /// <summary>Whether the question names any time at all.</summary>
    public bool Named => From is not null || To is not null;

    /// <summary>The single year the window lies in, if it lies in one.</summary>
    public int? Year => From is { } f && To is { } t && f.Year == t.Year ? f.Year : null;

    /// <summary>A month-precise window: the month (1–12) when the window is exactly one month.</summary>
    public int? Month => Precise && From is { } f && To is { } t && f.Year == t.Year && f.Month == t.Month ? f.Month : null;

    public bool Contains(DateOnly d) => (From is null || d >= From) && (To is null || d <= To);

    /// <summary>Whether the days from <paramref name="start"/> to <paramref name="end"/> touch the window.</summary>
    public bool Overlaps(DateOnly start, DateOnly end) => (From is null || end >= From) && (To is null || start <= To);

    /// <summary>The window in words, for reasons ("in 2019", "in January–February 2014", "since 2014").</summary>
    public string Describe()
    {
        static string Month(DateOnly d) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        if (From is { } f && To is { } t)
        {
            if (f.Month == 1 && f.Day == 1 && t.Month == 12 && t.Day == 31) return f.Year == t.Year ? $"in {f.Year}" : $"between {f.Year} and {t.Year}";
            if (f.Year == t.Year && f.Month == t.Month) return $"in {Month(f)}";
            return $"between {Month(f)} and {Month(t)}";
        }
        if (From is { } from) return $"since {Month(from)}";
        if (To is { } to) return $"before {Month(to)}";
        return Which switch { Which.Latest => "at the latest report", Which.First => "at the first report", _ => "" };
    }

    /// <summary>Reads the time words of a question (lower case, dashes folded to '-').</summary>
    public static TimeSpec Parse(string lower)
    {
        var basis = PublishedWords().IsMatch(lower) ? DateAsked.Publication : InspectedWords().IsMatch(lower) ? DateAsked.Inspection : DateAsked.Either;
        var which = Latest().IsMatch(lower) ? Which.Latest : First().IsMatch(lower) ? Which.First : Which.Any;
        DateOnly? figure = null;
        var text = lower;
        // "at 31 May 2014": the day a figure is given at. The report giving it came out in the year after.
        if (FigureDay().Match(text) is { Success: true } fd && PrintedDates.FindFirst(fd.Groups[1].Value) is { } day)
        {
            figure = day;
            text = text.Remove(fd.Index, fd.Length);
        }

        if (Between().Match(text) is { Success: true } b)
        {
            var (from, _) = MonthOrYear(b.Groups["m1"].Value, b.Groups["y1"].Value);
            var (_, to) = MonthOrYear(b.Groups["m2"].Value, b.Groups["y2"].Value);
            return new TimeSpec(from, to, basis, which, false, figure);
        }
        if (Since().Match(text) is { Success: true } s)
        {
            var (from, _) = MonthOrYear(s.Groups["m"].Value, s.Groups["y"].Value);
            return new TimeSpec(from, null, basis, which, false, figure);
        }
        if (MonthRange().Match(text) is { Success: true } mr)
        {
            var (from, to) = MonthRangeDays(mr);
            return new TimeSpec(from, to, basis, which, true, figure);
        }
        if (Season().Match(text) is { Success: true } se)
        {
            var (from, to) = SeasonDays(se);
            return new TimeSpec(from, to, basis, which, true, figure);
        }
        if (MonthYear().Match(text) is { Success: true } my)
        {
            var (from, to) = MonthOrYear(my.Groups["m"].Value, my.Groups["y"].Value);
            return new TimeSpec(from, to, basis, which, true, figure);
        }
        if (YearOnly().Match(text) is { Success: true } yo)
        {
            int y = int.Parse(yo.Value, CultureInfo.InvariantCulture);
            return new TimeSpec(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), basis, which, false, figure);
        }
        if (figure is { } f)
            return new TimeSpec(f, f.AddMonths(15), basis, which, false, figure);
        return new TimeSpec(null, null, basis, which, false, null);
    }

    /// <summary>"March to May 2019", "December–January 2020": the first day of the first month to the last day of the last.</summary>
    private static (DateOnly From, DateOnly To) MonthRangeDays(Match mr)
    {
        int y2 = int.Parse(mr.Groups["y2"].Value, CultureInfo.InvariantCulture);
        int y1 = mr.Groups["y1"].Success ? int.Parse(mr.Groups["y1"].Value, CultureInfo.InvariantCulture) : y2;
        int m1 = PrintedDates.MonthNumber(mr.Groups["m1"].Value), m2 = PrintedDates.MonthNumber(mr.Groups["m2"].Value);
        if (!mr.Groups["y1"].Success && m1 > m2) y1--; // "December–January 2020" spans the new year
        return (new DateOnly(y1, m1, 1), new DateOnly(y2, m2, 1).AddMonths(1).AddDays(-1));
    }

    /// <summary>"spring 2019": its three months, and a week either side (early and late in a season are fuzzy).</summary>
    private static (DateOnly From, DateOnly To) SeasonDays(Match se)
    {
        int y = int.Parse(se.Groups["y"].Value, CultureInfo.InvariantCulture);
        var (m1, months) = se.Groups["s"].Value switch
        {
            "spring" => (3, 3),
            "summer" => (6, 3),
            "autumn" or "fall" => (9, 3),
            _ => (12, 3), // winter: December to February
        };
        var from = m1 == 12 ? new DateOnly(y - 1, 12, 1) : new DateOnly(y, m1, 1);
        return (from.AddDays(-7), from.AddMonths(months).AddDays(6));
    }

    private static (DateOnly From, DateOnly To) MonthOrYear(string month, string year)
    {
        int y = int.Parse(year, CultureInfo.InvariantCulture);
        int m = month.Length == 0 ? 0 : PrintedDates.MonthNumber(month);
        return m == 0 ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : (new DateOnly(y, m, 1), new DateOnly(y, m, 1).AddMonths(1).AddDays(-1));
    }

    [GeneratedRegex(@"\bpublished (in|on|during|between|since|from|after|before)\b|\bpublication (in|of|during)\b")]
    private static partial Regex PublishedWords();

    [GeneratedRegex(@"\bcarried out\b|\bcarry out\b|\binspected\b|\btook place\b|\btake place\b|\binspections (in|during)\b|\bon site\b")]
    private static partial Regex InspectedWords();

    [GeneratedRegex(@"\b(latest|most recent|newest|current)\b|\blast (ofsted |full |ilacs |single )?(inspection|report|visit|judgement)")]
    private static partial Regex Latest();

    [GeneratedRegex(@"\b(first|earliest) (ofsted |full |ilacs |single )?(inspection|report|judgement)")]
    private static partial Regex First();

    [GeneratedRegex(@"\b(?:at|on|as at|as of)\s+(\d{1,2}(?:st|nd|rd|th)?\s+(?:" + PrintedDates.MonthPattern + @")\.?,?\s+(?:19|20)\d{2})\b")]
    private static partial Regex FigureDay();

    [GeneratedRegex(@"\b(?:between|from)\s+(?:(?<m1>" + PrintedDates.MonthPattern + @")\s+)?(?<y1>(?:19|20)\d{2})\s+(?:and|to|-)\s+(?:(?<m2>" + PrintedDates.MonthPattern + @")\s+)?(?<y2>(?:19|20)\d{2})\b")]
    private static partial Regex Between();

    [GeneratedRegex(@"\b(?:since|after|post-?|from)\s*(?:(?:its|the|their|his|her)\s+)?(?:(?<m>" + PrintedDates.MonthPattern + @")\s+)?(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex Since();

    [GeneratedRegex(@"\b(?<m1>" + PrintedDates.MonthPattern + @")(?:\s+(?<y1>(?:19|20)\d{2}))?\s*(?:-|/|to|and)\s*(?<m2>" + PrintedDates.MonthPattern + @")\s+(?<y2>(?:19|20)\d{2})\b")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"\b(?<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex Season();

    [GeneratedRegex(@"\b(?<m>" + PrintedDates.MonthPattern + @")\s+(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex YearOnly();
}
