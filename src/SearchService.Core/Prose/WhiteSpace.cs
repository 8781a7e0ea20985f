using System.Text.RegularExpressions;

namespace SearchService.Core.Prose;

/// <summary>White space as the readers compare printed text: any run of spaces, tabs and line breaks is one space.</summary>
public static partial class WhiteSpace
{
    /// <summary>Every run of white space in <paramref name="text"/> folded to one space (nothing trimmed).</summary>
    public static string Fold(string text) => Runs().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();
}
