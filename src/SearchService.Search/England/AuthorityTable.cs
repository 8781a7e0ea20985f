using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.England;

/// <summary>A report with its judgements as printed: one entry of an authority's timeline, or its latest inspection.</summary>
public sealed record ReportJudgements(
    string DocumentId,
    string Title,
    string DocumentType,
    string? Framework,
    DateOnly? Published,
    DateBasis PublishedBasis,
    DateOnly? InspectionStart,
    DateOnly? InspectionEnd,
    IReadOnlyList<Judgement> Judgements)
{
    public static ReportJudgements From(DocumentRecord d) =>
        new(d.Id, d.Title, d.DocumentType, d.Framework, d.Date, d.DateBasis, d.InspectionStart, d.InspectionEnd, d.Judgements);

    /// <summary>The first judgement printed for an area, or null.</summary>
    public Judgement? For(string area) => Judgements.FirstOrDefault(j => j.Area == area);
}

/// <summary>One authority of the gazetteer: whether it has been replaced, how many documents are indexed about it, and its latest inspection.</summary>
public sealed record AuthorityRow(LocalAuthority Authority, bool Replaced, int Documents, ReportJudgements? Latest);

/// <summary>An authority in full: its row, every indexed report in date order, its ten statistical neighbours in the DfE's order, and its region.</summary>
public sealed record AuthorityProfile(AuthorityRow Row, IReadOnlyList<ReportJudgements> Timeline, IReadOnlyList<AuthorityRow> Neighbours, IReadOnlyList<AuthorityRow> Region);

/// <summary>
/// Which authorities to list. List filters mean "any of". Framework, judgement area, grade and the
/// inspection dates are about each authority's latest inspection; an authority with none is left
/// out when any of them is given.
/// </summary>
public sealed record AuthorityFilters
{
    public IReadOnlyList<string> Region { get; init; } = [];
    public IReadOnlyList<string> Type { get; init; } = [];
    /// <summary>Authorities and their ten statistical neighbours.</summary>
    public IReadOnlyList<string> NeighboursOf { get; init; } = [];
    public IReadOnlyList<string> Framework { get; init; } = [];
    /// <summary>Judgement areas (outcome areas): with <see cref="Grade"/>, the grade must be in one of them; alone, the latest inspection must judge one.</summary>
    public IReadOnlyList<string> Area { get; init; } = [];
    public IReadOnlyList<string> Grade { get; init; } = [];
    /// <summary>The latest inspection's last day on site (or its publication date) on or after this day.</summary>
    public DateOnly? InspectedFrom { get; init; }
    public DateOnly? InspectedTo { get; init; }

    public static AuthorityFilters None { get; } = new();

    public bool AboutLatest => Framework.Count > 0 || Area.Count > 0 || Grade.Count > 0 || InspectedFrom is not null || InspectedTo is not null;
}

/// <summary>
/// The England table: every authority in the gazetteer with its latest inspection's judgements
/// (each with the paragraph it is printed in), the number of indexed documents, its timeline
/// and its statistical neighbours. Built from the index's catalog of documents.
/// </summary>
public static class AuthorityTable
{
    /// <summary>The judgements the England table shows as columns, in the order the reports print them.</summary>
    public static readonly IReadOnlyList<string> HeadlineAreas =
        [OutcomeAreas.OverallEffectiveness, OutcomeAreas.ImpactOfLeaders, OutcomeAreas.HelpAndProtection, OutcomeAreas.ChildrenInCare, OutcomeAreas.CareLeavers];

    /// <summary>The regions and authority types of the gazetteer, for filters and their validation.</summary>
    public static IReadOnlyList<string> Regions { get; } = Authorities.All.Select(a => a.Region).Distinct().Order(StringComparer.Ordinal).ToList();
    public static IReadOnlyList<string> Types { get; } = Authorities.All.Select(a => a.Type).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every authority (gazetteer order: by name) that passes the filters.</summary>
    public static IReadOnlyList<AuthorityRow> Rows(ReportIndex index, AuthorityFilters filters)
    {
        var all = AllRows(index);
        var group = ReportIndex.PeerGroup(new SearchFilters { NeighboursOf = filters.NeighboursOf })?.ToHashSet(StringComparer.Ordinal);
        return all.Values.Where(r => (group is null || group.Contains(r.Authority.Name)) && Passes(r, filters)).ToList();
    }

    /// <summary>One authority in full, or null when the name or code is not in the gazetteer.</summary>
    public static AuthorityProfile? Profile(ReportIndex index, string nameOrCode)
    {
        var authority = Authorities.Find(nameOrCode);
        if (authority is null) return null;
        var all = AllRows(index);
        var timeline = index.Documents.Where(d => d.Authority == authority.Name)
            .OrderBy(d => d.Date ?? Inspections.When(d) ?? DateOnly.MaxValue).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(ReportJudgements.From).ToList();
        return new AuthorityProfile(all[authority.Name], timeline,
            Authorities.NeighboursOf(authority).Select(n => all[n.Name]).ToList(),
            all.Values.Where(r => r.Authority.Region == authority.Region).ToList());
    }

    private static Dictionary<string, AuthorityRow> AllRows(ReportIndex index)
    {
        var latest = index.LatestInspections;
        var counts = index.Documents.GroupBy(d => d.Authority, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rows = new Dictionary<string, AuthorityRow>(StringComparer.Ordinal);
        foreach (var a in Authorities.All.OrderBy(a => a.Name, StringComparer.Ordinal))
            rows[a.Name] = new AuthorityRow(a, Authorities.IsReplaced(a), counts.GetValueOrDefault(a.Name),
                latest.TryGetValue(a.Name, out var d) ? ReportJudgements.From(d) : null);
        return rows;
    }

    private static bool Passes(AuthorityRow r, AuthorityFilters f)
    {
        if (!AnyOf(f.Region, r.Authority.Region)) return false;
        if (f.Type.Count > 0 && (r.Authority.Type is null || !AnyOf(f.Type, r.Authority.Type))) return false;
        if (!f.AboutLatest) return true;
        if (r.Latest is not { } latest) return false;
        if (f.Framework.Count > 0 && !f.Framework.Select(Frameworks.FromName).Any(x => x is { } fw && Frameworks.Name(fw) == latest.Framework)) return false;
        var when = latest.InspectionEnd ?? latest.Published;
        if (f.InspectedFrom is { } from && (when is null || when < from)) return false;
        if (f.InspectedTo is { } to && (when is null || when > to)) return false;
        var areas = f.Area.Select(a => OutcomeAreas.Canonical(a) ?? a).ToHashSet(StringComparer.Ordinal);
        var grades = f.Grade.Select(g => GradeScales.LabelFromWords(g) ?? g.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (areas.Count == 0 && grades.Count == 0) return true;
        return latest.Judgements.Any(j => (areas.Count == 0 || areas.Contains(j.Area)) && (grades.Count == 0 || grades.Contains(j.Grade.Label)));
    }

    private static bool AnyOf(IReadOnlyList<string> wanted, string value) =>
        wanted.Count == 0 || wanted.Any(w => string.Equals(w.Trim(), value, StringComparison.OrdinalIgnoreCase));
}
