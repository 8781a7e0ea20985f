using System.Globalization;

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

    /// <summary>The filters of every request over the paragraphs (<see cref="Features.Search.FilterParameters"/>): search, trends, export, ask and judgements.</summary>
    public static SearchFilters Filters(string[]? authority, string[]? year, string? yearFrom, string? yearTo,
        string[]? outcomeArea, string[]? grade, string[]? documentType,
        string[]? framework = null, string[]? region = null, string[]? authorityType = null,
        string[]? neighboursOf = null, string? latest = null)
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
            NeighboursOf = List(neighboursOf).Select(Authority("neighboursOf")).ToList(),
            Latest = Flag("latest", latest),
        };
    }

    /// <summary>Reads an authority's name or DfE/ONS code into the gazetteer's name; a 400 naming the parameter when none matches.</summary>
    public static Func<string, string> Authority(string name) => value =>
        Core.Metadata.Authorities.Find(value)?.Name
        ?? throw new ParameterException(name, $"'{name}' names no authority in the gazetteer: '{Clip(value)}' (use a name such as Coventry or a DfE code such as 331).");

    /// <summary>true or false (empty is false).</summary>
    public static bool Flag(string name, string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new ParameterException(name, $"'{name}' must be true or false, not '{Clip(value!)}'."),
    };

    /// <summary>A day as yyyy-mm-dd, or a year (its first day, or its last with <paramref name="endOfYear"/>).</summary>
    public static DateOnly? Day(string name, string? value, bool endOfYear = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (v.Length == 4 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            return endOfYear ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        throw new ParameterException(name, $"'{name}' must be a date as yyyy-mm-dd or a year, not '{Clip(v)}'.");
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
