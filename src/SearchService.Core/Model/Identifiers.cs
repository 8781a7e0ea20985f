using System.Globalization;
using System.Text;

namespace SearchService.Core.Model;

/// <summary>
/// Stable, URL-safe identifiers. A document's id comes from what it is (authority, date, type,
/// and title for meeting-pack sub-documents); a paragraph's from its document and printed label.
/// Re-indexing the same file gives the same ids; insertion order plays no part.
/// </summary>
public static class Identifiers
{
    /// <summary>Lower-case letters, digits, '.', and '-' for anything else; never empty.</summary>
    public static string Slug(string text, int maxLength = 60)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            char c = char.ToLowerInvariant(ch);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var s = sb.ToString().Trim('-', '.');
        if (s.Length > maxLength) s = s[..maxLength].TrimEnd('-', '.');
        return s.Length == 0 ? "x" : s;
    }

    /// <summary>"coventry-2011-05-12-slac-inspection"; sub-documents add their title.</summary>
    public static string DocumentId(string authority, DateOnly? date, string stem, string? subTitle)
    {
        var parts = new List<string> { Slug(authority), date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated", stem };
        if (!string.IsNullOrWhiteSpace(subTitle)) parts.Add(Slug(subTitle, 40));
        return string.Join("-", parts);
    }
}
