using System.Text.RegularExpressions;
using SearchService.Core.Model;
using SearchService.Core.Prose;

namespace SearchService.Core.Segmentation.Lines;

/// <summary>
/// Bullets ("- ", "• ", "◼ ", "* ", or an indented line whose glyph was lost) are list items; "- 3.1
/// The Ofsted Inspection…" is a numbered paragraph typed as a bullet.
/// </summary>
public sealed partial class BulletRule : ILineRule
{
    public bool Apply(LineContext line, BlockWriter writer)
    {
        var m = Bullet().Match(line.Raw);
        if (!m.Success && !line.Indented) return false;
        var item = Markup.Strip(m.Success ? m.Groups[1].Value : line.Raw.Trim());
        if (item.Length == 0) return true;
        var numbered = DecimalNumbered().Match(item);
        if (numbered.Success && char.IsUpper(numbered.Groups[2].Value[0]))
        {
            writer.StartParagraph(numbered.Groups[1].Value, numbered.Groups[2].Value, ParagraphKind.Text);
            return true;
        }
        writer.AddBullet(item);
        return true;
    }

    [GeneratedRegex(@"^\s*[-•◼▪●*·]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(\d{1,2}\.\d{1,2})\.?\s+(.+)$")]
    private static partial Regex DecimalNumbered();
}
