using SearchService.Core;
using SearchService.Core.Briefings;
using SearchService.Search.Searching;

namespace SearchService.Search.Briefings;

/// <summary>A paragraph chosen for a briefing, with the user's note.</summary>
public sealed record BriefingRequestItem(string ParagraphId, string? Note);

/// <summary>Turns chosen paragraph ids into a <see cref="Briefing"/>, checking every id exists.</summary>
public static class BriefingAssembler
{
    public const int MaxItems = 200;

    /// <summary>The briefing, or the ids that are not in the index.</summary>
    public static (Briefing? Briefing, IReadOnlyList<string> Unknown) Assemble(
        ReportIndex index, string title, IReadOnlyList<BriefingRequestItem> items, Func<string, string> permalink, Func<string, string> documentLink,
        TimeProvider? clock = null)
    {
        var unknown = new List<string>();
        var built = new List<BriefingItem>();
        foreach (var item in items)
        {
            var p = index.GetParagraph(item.ParagraphId);
            if (p is null) { unknown.Add(item.ParagraphId); continue; }
            var d = p.Document;
            var model = d.ToModel();
            built.Add(new BriefingItem(item.Note, p.Text, Citations.Plain(model, p.Label), permalink(p.Id), d.Id, Citations.Source(model) + ".", documentLink(d.Id)));
        }
        if (unknown.Count > 0) return (null, unknown.Distinct().ToList());
        return (new Briefing(string.IsNullOrWhiteSpace(title) ? "Briefing" : title.Trim(), built, DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime)), []);
    }
}
