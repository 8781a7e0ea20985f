using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.England;

/// <summary>A judgement printed in a report, with the report it is printed in.</summary>
public sealed record JudgementRow(DocumentRecord Document, Judgement Judgement);

/// <summary>
/// Every judgement printed in the indexed reports that passes the search filters: authority (any
/// name the gazetteer resolves), region, authority type, peer group, year (exact years and the
/// range), document type, framework, outcome area, grade, and the latest inspections only.
/// Ordered by publication date, then authority.
/// </summary>
public static class JudgementRows
{
    public static IReadOnlyList<JudgementRow> Query(ReportIndex index, SearchFilters f)
    {
        var authorities = Normalised(f.Authority, a => Authorities.FromUserText(a) ?? a);
        var regions = Normalised(f.Region, r => r, StringComparer.OrdinalIgnoreCase);
        var types = Normalised(f.AuthorityType, t => t, StringComparer.OrdinalIgnoreCase);
        var documentTypes = Normalised(f.DocumentType, t => t, StringComparer.OrdinalIgnoreCase);
        var frameworks = Normalised(f.Framework, x => Frameworks.FromName(x) is { } fw ? Frameworks.Name(fw) : x, StringComparer.OrdinalIgnoreCase);
        var areas = Normalised(f.OutcomeArea, a => OutcomeAreas.Canonical(a) ?? a, StringComparer.OrdinalIgnoreCase);
        var grades = Normalised(f.Grade, g => GradeScales.LabelFromWords(g) ?? g.Trim().ToLowerInvariant());
        var years = f.Year.ToHashSet();
        var group = ReportIndex.PeerGroup(f)?.ToHashSet(StringComparer.Ordinal);
        var latest = f.Latest ? index.LatestInspections.Values.Select(d => d.Id).ToHashSet(StringComparer.Ordinal) : null;
        return index.Documents
            .Where(d => authorities.Count == 0 || authorities.Contains(d.Authority))
            .Where(d => group is null || group.Contains(d.Authority))
            .Where(d => regions.Count == 0 || (d.Region is not null && regions.Contains(d.Region)))
            .Where(d => types.Count == 0 || (d.AuthorityType is not null && types.Contains(d.AuthorityType)))
            .Where(d => documentTypes.Count == 0 || documentTypes.Contains(d.DocumentType))
            .Where(d => frameworks.Count == 0 || (d.Framework is not null && frameworks.Contains(d.Framework)))
            .Where(d => years.Count == 0 || (d.Year is { } y && years.Contains(y)))
            .Where(d => f.YearFrom is null || d.Year >= f.YearFrom)
            .Where(d => f.YearTo is null || d.Year <= f.YearTo)
            .Where(d => latest is null || latest.Contains(d.Id))
            .SelectMany(d => d.Judgements.Select(j => new JudgementRow(d, j)))
            .Where(r => areas.Count == 0 || areas.Contains(r.Judgement.Area))
            .Where(r => grades.Count == 0 || grades.Contains(r.Judgement.Grade.Label))
            .OrderBy(r => r.Document.Date ?? DateOnly.MinValue).ThenBy(r => r.Document.Authority, StringComparer.Ordinal)
            .ToList();
    }

    private static HashSet<string> Normalised(IReadOnlyList<string> values, Func<string, string> normalise, StringComparer? comparer = null) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => normalise(v.Trim())).ToHashSet(comparer ?? StringComparer.Ordinal);
}
