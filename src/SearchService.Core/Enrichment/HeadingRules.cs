using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Segmentation;

namespace SearchService.Core.Enrichment;

/// <summary>Where a heading stands: its depth (1 outermost) and what it is.</summary>
public sealed record HeadingPlace(int Rank, HeadingRole Role);

/// <summary>One decision about a heading's depth. Rules are tried in order; the first that places the heading decides.</summary>
public interface IHeadingRule
{
    /// <param name="following">The block after the heading, for rules that read a heading by what it opens.</param>
    HeadingPlace? Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile);
}

/// <summary>
/// A part of the report is outermost. The frameworks print their parts in two ways: numbered or
/// lettered with a title ("Section 1: the local authority", "Section 2: The effectiveness of the
/// Local Safeguarding Children Board", "Part A – …"), and, in a report whose parts are each judged
/// on their own, as the heading over the part's own overall effectiveness ("Safeguarding services" /
/// "Overall effectiveness" / "Grade 2 (Good)").
/// </summary>
public sealed partial class PartHeadingRule : IHeadingRule
{
    public HeadingPlace? Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile) =>
        IsNumberedPart(heading.Text) || OpensJudgedPart(heading, following, term, profile) ? new HeadingPlace(1, HeadingRole.Part) : null;

    /// <summary>
    /// A numbered or lettered part heading: "Section" or "Part", its number (1–99, a capital letter
    /// or a roman numeral), then nothing or a separator and a title. A statutory reference ("Section
    /// 17 of the Children Act 1989 …") has no separator after its number; a contents-page line ends
    /// in its page number; a sentence goes on past a full stop.
    /// </summary>
    public static bool IsNumberedPart(string text)
    {
        var m = NumberedPart().Match(text.Trim());
        if (!m.Success || m.Length > 150) return false;
        var title = m.Groups["title"].Value;
        return !ContentsLine().IsMatch(title) && !title.Contains(". ", StringComparison.Ordinal);
    }

    /// <summary>An unnumbered heading whose first sub-heading is an overall effectiveness judgement opens a part judged on its own.</summary>
    private static bool OpensJudgedPart(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, DocumentProfile profile) =>
        heading.Number is null && heading.Grade is null && term is null
        && following is HeadingBlock first && HeadingRules.TermOf(first, profile)?.Common == OutcomeAreas.OverallEffectiveness;

    [GeneratedRegex(@"^(?:section|part)\s+(?:\d{1,2}|(?-i:[A-Z]|[IVX]{1,4}))(?:\s*[:.\-–—]\s*(?<title>(?!\d)\S.*)|\s*[:.]?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedPart();

    // A contents page prints the part with its page: "… Board 28", "… findings⇥3", "… authority ...... 3".
    [GeneratedRegex(@"(?:\s|\.{2,})\d{1,3}$")]
    private static partial Regex ContentsLine();
}

/// <summary>
/// What closes a report's body is outside every judged area: its record of main findings and
/// appendices (outermost), and the notes on the judgements, the inspection and its team (second level).
/// </summary>
public sealed partial class ClosingSectionRule : IHeadingRule
{
    public HeadingPlace? Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile)
    {
        var text = heading.Text.Trim();
        if (Outermost().IsMatch(text)) return new HeadingPlace(1, HeadingRole.Structural);
        return AboutTheInspection().IsMatch(text) ? new HeadingPlace(2, HeadingRole.Structural) : null;
    }

    [GeneratedRegex(@"^(record of main findings|appendix \d+|annex [a-z0-9]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Outermost();

    [GeneratedRegex(@"^(what the inspection judgements mean|information about (this|the) inspection( and the review)?|the inspection team)$", RegexOptions.IgnoreCase)]
    private static partial Regex AboutTheInspection();
}

/// <summary>A heading whose words a framework's layout fixes stands at a fixed depth, in a fixed role.</summary>
public abstract class PhraseHeadingRule(int rank, HeadingRole role) : IHeadingRule
{
    protected abstract Regex Phrases { get; }

    public HeadingPlace? Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile) =>
        Phrases.IsMatch(heading.Text.Trim()) ? new HeadingPlace(rank, role) : null;
}

/// <summary>A heading that introduces outcomes ("How good are outcomes for looked after children and care leavers?") holds the outcome headings.</summary>
public sealed partial class GroupHeadingRule() : PhraseHeadingRule(2, HeadingRole.Group)
{
    protected override Regex Phrases => Group();

    [GeneratedRegex(@"^(how good are outcomes\b.*|safeguarding outcomes for children and young people|outcomes for looked after children and care leavers)$", RegexOptions.IgnoreCase)]
    private static partial Regex Group();
}

/// <summary>A judgement area stands at the second level; an outcome under an open group heading at the third.</summary>
public sealed class AreaHeadingRule : IHeadingRule
{
    public HeadingPlace? Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile)
    {
        if (term is null) return null;
        bool groupOpen = open.Any(x => x.Role == HeadingRole.Group);
        return new HeadingPlace(groupOpen && OutcomeAreas.Outcomes.Contains(term.Common) ? 3 : 2, HeadingRole.Area);
    }
}

/// <summary>
/// A heading the source marks (a PDF's type) stands at its own level, except inside a judged area,
/// where it is a sub-heading of the area ("Summary", "Inspection findings" under a single
/// inspection's judgement), so its paragraphs carry the area.
/// </summary>
public sealed class MarkedHeadingRule : IHeadingRule
{
    public HeadingPlace? Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile)
    {
        if (heading.MarkdownLevel == 0) return null;
        if (!open.Any(x => x.Role == HeadingRole.Area)) return new HeadingPlace(heading.MarkdownLevel, HeadingRole.Other);
        var top = open[^1];
        return new HeadingPlace(top.Role == HeadingRole.Area ? top.Rank + 1 : top.Rank, HeadingRole.Other);
    }
}

/// <summary>The structural headings of inspection reports and meeting papers stand at the second level.</summary>
public sealed partial class StructuralHeadingRule() : PhraseHeadingRule(2, HeadingRole.Structural)
{
    protected override Regex Phrases => Structural();

    [GeneratedRegex(@"^(about this inspection|the inspection judgements and what they mean|service information|areas for improvement|public business|private business)$", RegexOptions.IgnoreCase)]
    private static partial Regex Structural();
}

/// <summary>A numbered heading stands by its number's depth ("2" second level, "2.1" third).</summary>
public sealed class NumberedHeadingRule : IHeadingRule
{
    public HeadingPlace? Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile) =>
        heading.Number is { } n ? new HeadingPlace(2 + n.Count(c => c == '.'), HeadingRole.Numbered) : null;
}

/// <summary>Anything else is a sub-heading of the nearest section that is not itself such a heading.</summary>
public sealed class FollowingHeadingRule : IHeadingRule
{
    public HeadingPlace? Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile)
    {
        if (open.Count == 0) return new HeadingPlace(2, HeadingRole.Other);
        var top = open[^1];
        return new HeadingPlace(top.Role == HeadingRole.Other ? top.Rank : top.Rank + 1, HeadingRole.Other);
    }
}

/// <summary>The heading rules in order, and the area a heading names.</summary>
public static class HeadingRules
{
    public static IReadOnlyList<IHeadingRule> Default { get; } =
    [
        new PartHeadingRule(),
        new ClosingSectionRule(),
        new GroupHeadingRule(),
        new AreaHeadingRule(),
        new MarkedHeadingRule(),
        new StructuralHeadingRule(),
        new NumberedHeadingRule(),
        new FollowingHeadingRule(),
    ];

    /// <summary>The area term a heading names: as segmentation read it, else by its text in the document's framework.</summary>
    public static OutcomeAreas.Term? TermOf(HeadingBlock heading, DocumentProfile profile) =>
        heading.Term ?? OutcomeAreas.TermFor(heading.Text, profile.Framework);

    public static HeadingPlace Place(HeadingBlock heading, Block? following, OutcomeAreas.Term? term, IReadOnlyList<OpenHeading> open, DocumentProfile profile)
    {
        foreach (var rule in Default)
            if (rule.Place(heading, following, term, open, profile) is { } place) return place;
        return new HeadingPlace(2, HeadingRole.Other);
    }
}
