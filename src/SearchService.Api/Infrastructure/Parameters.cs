using System.Globalization;
using SearchService.Search.Searching;

namespace SearchService.Api.Infrastructure;

/// <summary>Reads query-string values strictly, so a bad value is a 400 naming the parameter, never a 500.</summary>
public static class Parameters
{
    public static int? WholeNumber(string name, string? value, int min = int.MinValue, int max = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            throw new ParameterException(name, $"'{name}' must be a whole number, not '{Clip(value)}'.");
        if (n < min || n > max) throw new ParameterException(name, $"'{name}' must be between {min} and {max} (got {n}).");
        return n;
    }

    public static IReadOnlyList<string> List(string[]? values) =>
        values is null ? [] : values.SelectMany(v => v.Split('|')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();

    /// <summary>The filters shared by search, trends and ask.</summary>
    public static SearchFilters Filters(string[]? authority, string[]? year, string? yearFrom, string? yearTo,
        string[]? outcomeArea, string[]? grade, string[]? documentType,
        string[]? framework = null, string[]? region = null, string[]? authorityType = null)
    {
        var years = List(year).Select(y => WholeNumber("year", y, 1900, 2100)!.Value).ToList();
        var from = WholeNumber("yearFrom", yearFrom, 1900, 2100);
        var to = WholeNumber("yearTo", yearTo, 1900, 2100);
        if (from > to) throw new ParameterException("yearFrom", $"'yearFrom' ({from}) is after 'yearTo' ({to}).");
        return new SearchFilters
        {
            Authority = List(authority),
            Year = years,
            YearFrom = from,
            YearTo = to,
            OutcomeArea = List(outcomeArea),
            Grade = List(grade),
            DocumentType = List(documentType),
            Framework = List(framework),
            Region = List(region),
            AuthorityType = List(authorityType),
        };
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
