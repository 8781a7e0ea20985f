using SearchService.Core.Model;
using SearchService.Search.Indexing;

namespace SearchService.Search.England;

/// <summary>
/// Which documents are inspection reports that grade an authority's children's services, and
/// which of them is each authority's latest: one rule, used by the England table, the
/// authorities API and the <c>latest=true</c> filter of search, trends, ask and judgements.
/// </summary>
public static class Inspections
{
    /// <summary>
    /// The graded inspections of an authority's children's services: 2009–13 safeguarding and
    /// looked after children inspections, 2012–13 looked after children inspections, 2013–18 single
    /// inspections and ILACS inspections. Assessment letters, visits (which print no grades), LSCB
    /// reviews and council papers are not inspection reports.
    /// </summary>
    public static bool IsInspection(Framework f) => f is Framework.SafeguardingAndLookedAfterChildrenInspection
        or Framework.LookedAfterChildrenInspection or Framework.SingleInspection || Frameworks.IsIlacs(f);

    public static bool IsInspection(DocumentRecord d) => IsInspection(FrameworkOf(d));

    public static Framework FrameworkOf(DocumentRecord d) => Frameworks.FromName(d.Framework ?? "") ?? Framework.Unknown;

    /// <summary>When an inspection happened: its last day on site, or its publication date where no inspection dates are printed.</summary>
    public static DateOnly? When(DocumentRecord d) => d.InspectionEnd ?? d.Date;

    /// <summary>Each resolved authority's most recent inspection report (by <see cref="When"/>, then publication date), by authority name.</summary>
    public static IReadOnlyDictionary<string, DocumentRecord> LatestByAuthority(IEnumerable<DocumentRecord> documents) =>
        documents.Where(d => d.Authority != ReportDocument.UnresolvedAuthority && IsInspection(d))
            .GroupBy(d => d.Authority, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(When).ThenByDescending(d => d.Date).ThenBy(d => d.Id, StringComparer.Ordinal).First(), StringComparer.Ordinal);
}
