using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Segmentation;

namespace SearchService.Core.Enrichment;

/// <summary>What a heading is, which decides how deep it stands.</summary>
public enum HeadingRole { Part, Group, Area, Structural, Numbered, Other }

/// <summary>A heading still open while the blocks are read: its text, depth, role, area and printed number.</summary>
public sealed record OpenHeading(string Text, int Rank, HeadingRole Role, OutcomeAreas.Term? Term, string? Number);

/// <summary>A section as it is built: its path, the area and grade it states itself, its paragraphs (by position).</summary>
public sealed class SectionState(IReadOnlyList<string> path, OutcomeAreas.Term? term)
{
    public IReadOnlyList<string> Path { get; } = path;
    public OutcomeAreas.Term? Term { get; set; } = term;
    public Grade? Grade { get; set; }
    public List<int> Paragraphs { get; } = [];
}

/// <summary>A paragraph as it is built: its block, its section, and the numbered item it stands under.</summary>
public sealed record PendingParagraph(TextBlock Block, SectionState Section, string? NumberedAncestor);

/// <summary>
/// The outline while blocks are read into it: the open headings, the sections by path, the
/// paragraphs in order; and how a section inherits its area and grade from the innermost ancestor
/// that states one.
/// </summary>
public sealed class OutlineState
{
    private readonly Dictionary<string, SectionState> _byPath = new(StringComparer.Ordinal);

    public OutlineState() => Root = Section([], null);

    public List<OpenHeading> Stack { get; } = [];
    public List<SectionState> Sections { get; } = [];
    public SectionState Root { get; }
    public List<PendingParagraph> Paragraphs { get; } = [];
    /// <summary>Tables whose rows may be judgements: the paragraph's position and its section.</summary>
    public List<(int Index, SectionState Section)> Tables { get; } = [];
    /// <summary>The headings placed as parts of the report ("Section 1: the local authority"), as printed.</summary>
    public HashSet<string> Parts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SectionState Section(IReadOnlyList<string> path, OutcomeAreas.Term? term)
    {
        var key = string.Join("\u001F", path);
        if (!_byPath.TryGetValue(key, out var s))
        {
            s = new SectionState(path, term);
            _byPath[key] = s;
            Sections.Add(s);
        }
        return s;
    }

    /// <summary>The section the open headings make.</summary>
    public SectionState Current() => Stack.Count == 0 ? Root : Section(Stack.Select(h => h.Text).ToList(), Stack[^1].Term);

    /// <summary>Opens a heading at its depth, closing the open ones at or below it.</summary>
    public SectionState Open(HeadingBlock heading, int rank, HeadingRole role, OutcomeAreas.Term? term)
    {
        while (Stack.Count > 0 && Stack[^1].Rank >= rank) Stack.RemoveAt(Stack.Count - 1);
        Stack.Add(new OpenHeading(heading.Text, rank, role, term, heading.Number));
        if (role == HeadingRole.Part) Parts.Add(heading.Text);
        var s = Current();
        if (heading.Grade is not null) s.Grade = heading.Grade;
        return s;
    }

    /// <summary>The area term of the innermost section on the path that states one.</summary>
    public OutcomeAreas.Term? TermOf(SectionState s) => Inherited(s, x => x.Term);

    /// <summary>The grade of the innermost section on the path that is graded ("Not judged" grades no paragraph).</summary>
    public Grade? GradeOf(SectionState s) => Inherited(s, x => x.Grade is { Judged: true } g ? g : null);

    private T? Inherited<T>(SectionState s, Func<SectionState, T?> own) where T : class
    {
        for (int n = s.Path.Count; n >= 1; n--)
            if (_byPath.TryGetValue(string.Join("\u001F", s.Path.Take(n)), out var a) && own(a) is { } value) return value;
        return null;
    }
}
