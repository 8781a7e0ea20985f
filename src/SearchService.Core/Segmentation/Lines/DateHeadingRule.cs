using System.Text.RegularExpressions;
using SearchService.Core.Metadata;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>A date on its own line heads what follows it (the meeting dates of a work programme, "Date to be fixed").</summary>
public sealed partial class DateHeadingRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        var text = line.Text;
        if (text.Length >= 80 || !(PrintedDates.IsDateLine(text, out _) || DateToBeFixed().IsMatch(text))) return false;
        writer.AddHeading(new HeadingBlock(text, 0, null, null));
        return true;
    }

    [GeneratedRegex(@"^Date (to be|tbc|tba)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateToBeFixed();
}
