using System.Text.RegularExpressions;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// A heading printed over two lines ("The inspection judgements and what they" / "mean") is one
/// heading: a marked line right after a marked heading of the same level goes on with it when the
/// heading stopped short (on a joining word or a comma) or the line starts in lower case.
/// </summary>
public sealed partial class WrappedHeadingRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        if (line.MarkdownLevel == 0 || line.Text.Length > 80 || writer.HeadingJustAdded is not { Grade: null, Number: null } previous) return false;
        if (previous.MarkdownLevel != line.MarkdownLevel || previous.Text.Length > 100) return false;
        if (!(Unfinished().IsMatch(previous.Text) || char.IsLower(line.Text[0]))) return false;
        writer.ReplaceHeadingJustAdded(previous with { Text = previous.Text + " " + line.Text });
        return true;
    }

    [GeneratedRegex(@"(\b(and|of|the|for|to|in|on|with|who|a|an|by|from|or|about|into|their)|[,–-])$", RegexOptions.IgnoreCase)]
    private static partial Regex Unfinished();
}
