using System.Text.RegularExpressions;
using SearchService.Core.Model;

namespace SearchService.Core.Enrichment;

/// <summary>
/// Finds the acronyms a document defines, so the index can learn the reports' own dictionary
/// ("graded care profile (GCP)") instead of waiting for someone to add each to the vocabulary.
/// A candidate is kept only when the acronym's letters are the initials of the full form's words,
/// in order: small words (of, and, the, in, for, …) may give their letter or be passed over
/// ("Deprivation of Liberty Safeguards (DoLS)", "child in need (CIN)", "not in education,
/// employment or training (NEET)"), a hyphenated word may give one letter per part
/// ("multi-agency safeguarding hub (MASH)"), and "&amp;" stands for "and" ("B&amp;B"). Every other
/// word must give its initial, so names ("Mary Candlin (OI)"), asides ("Vista (the social work
/// practice)") and words in brackets ("Boards (Review)") are not definitions.
/// </summary>
public static partial class AcronymDefinitions
{
    /// <summary>Words that may be passed over or give their initial.</summary>
    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "&", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "and/or",
    };

    private const int MinLetters = 2, MaxLetters = 8;

    /// <summary>Every definition printed in the document's paragraphs, in reading order.</summary>
    public static IReadOnlyList<AcronymDefinition> In(IEnumerable<Paragraph> paragraphs)
    {
        var found = new List<AcronymDefinition>();
        foreach (var p in paragraphs)
            foreach (var (acronym, fullForm, pattern) in Find(p.Text))
                found.Add(new AcronymDefinition(acronym, fullForm, p.Id, pattern));
        return found;
    }

    /// <summary>The definitions printed in one text (a paragraph; each of its lines may be a glossary line).</summary>
    public static IReadOnlyList<(string Acronym, string FullForm, DefinitionPattern Pattern)> Find(string text)
    {
        var result = new List<(string, string, DefinitionPattern)>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        text = text.Replace('’', '\'').Replace('‘', '\'').Replace('\u00A0', ' ');
        foreach (Match m in Bracketed().Matches(text))
        {
            var inside = m.Groups[1].Value.Trim();
            if (Acronym(inside) is { } acronym)
            {
                // "… full form (ACRONYM)": the shortest run of words just before the bracket whose initials spell it.
                var before = text[..m.Index];
                int cut = before.LastIndexOfAny(['.', ';', ':', '(', ')', '"', '!', '?', '\n']);
                var words = Words(cut < 0 ? before : before[(cut + 1)..]);
                for (int start = words.Count - 1; start >= 0 && start >= words.Count - (acronym.Letters.Length + 6); start--)
                {
                    var run = words.Skip(start).ToList();
                    if (!Spells(acronym, run)) continue;
                    Add(result, acronym, run, DefinitionPattern.FullFormThenAcronym);
                    break;
                }
            }
            else if (Acronym(WordBefore(text, m.Index)) is { } printed && Words(inside) is { Count: >= 2 } inner)
            {
                // "ACRONYM (full form)": the whole bracket, an article aside, must spell it.
                if (IsArticle(inner[0])) inner.RemoveAt(0);
                if (Spells(printed, inner)) Add(result, printed, inner, DefinitionPattern.AcronymThenFullForm);
            }
        }
        foreach (var line in text.Split('\n'))
        {
            if (GlossaryLine().Match(line.Trim()) is not { Success: true } g) continue;
            if (Acronym(g.Groups[1].Value) is not { } acronym) continue;
            var words = Words(g.Groups[2].Value.TrimEnd('.', ';', ','));
            if (words.Count > 0 && IsArticle(words[0])) words.RemoveAt(0);
            if (words.Count >= 2 && Spells(acronym, words)) Add(result, acronym, words, DefinitionPattern.Glossary);
        }
        return result;
    }

    private static void Add(List<(string, string, DefinitionPattern)> result, PrintedAcronym acronym, List<string> words, DefinitionPattern pattern)
    {
        if (words.Any(w => w.Any(char.IsDigit))) return;
        // Lower case as in running text, except acronyms inside a full form ("NHS trust"); a possessive's "'s" off the end
        // ("the local authority designated officer's (LADO) role").
        var fullForm = string.Join(' ', words.Select(w => w.Count(char.IsUpper) >= 2 && !w.Any(char.IsLower) ? w : w.ToLowerInvariant()));
        if (fullForm.EndsWith("'s", StringComparison.Ordinal)) fullForm = fullForm[..^2];
        // A plural acronym ("IROs") defines the singular: its full form's last word is made singular too.
        if (acronym.Plural) fullForm = Singular(fullForm);
        if (string.Equals(fullForm.Replace(" ", ""), acronym.Text, StringComparison.OrdinalIgnoreCase)) return;
        var entry = (acronym.Text, fullForm, pattern);
        if (!result.Contains(entry)) result.Add(entry);
    }

    private static bool IsArticle(string word) => word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase);

    /// <summary>A word with a plural "s" taken off ("officers" → "officer", "agencies" → "agency"); "children", "services'" as they are.</summary>
    public static string Singular(string phrase)
    {
        int space = phrase.LastIndexOf(' ');
        var last = phrase[(space + 1)..];
        var head = phrase[..(space + 1)];
        if (last.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && last.Length > 4) return head + last[..^3] + (char.IsUpper(last[^1]) ? "Y" : "y");
        if (last.EndsWith("ss", StringComparison.OrdinalIgnoreCase) || last.EndsWith("us", StringComparison.OrdinalIgnoreCase)) return phrase;
        if (last.EndsWith('s') || last.EndsWith('S')) return head + last[..^1];
        return phrase;
    }

    /// <summary>An acronym as printed: its text (no plural "s"), the letters to spell, whether it was plural.</summary>
    private sealed record PrintedAcronym(string Text, string Letters, bool Plural);

    /// <summary>
    /// A token that reads as an acronym: 2–8 letters, at least two capitals, starting with one
    /// ("LADO", "DoLS", "CiCC", "B&amp;B", "CP-IS"); "IROs" and "IRO's" are the acronym "IRO".
    /// "Review", "Cafcass" and "Ofsted" are words (one capital).
    /// </summary>
    private static PrintedAcronym? Acronym(string? token)
    {
        if (string.IsNullOrEmpty(token) || !char.IsUpper(token[0]) || token.Length > MaxLetters + 4) return null;
        if (!token.All(c => char.IsLetter(c) || c is '&' or '-')) return token.EndsWith("'s", StringComparison.Ordinal) ? Acronym(token[..^2]) : null;
        bool plural = false;
        var text = token;
        if (text.Length >= 3 && text[^1] == 's' && char.IsUpper(text[^2]))
        {
            plural = true;
            text = text[..^1];
        }
        var letters = new string(text.Where(char.IsLetter).ToArray());
        if (letters.Length < MinLetters || letters.Length > MaxLetters || letters.Count(char.IsUpper) < 2) return null;
        // Lower-case letters only inside, as small words give them ("DoLS", "DfE", "CiCC"): never a trailing run ("Ofsted", "HMIs" handled above).
        if (letters.Count(char.IsLower) > letters.Length / 2) return null;
        if (text.Contains('&') && letters.Length < 2) return null;
        return new PrintedAcronym(text, letters.ToUpperInvariant(), plural);
    }

    /// <summary>
    /// Whether the words, in order, spell the acronym: every word but a small one gives its initial
    /// (a hyphenated word one initial per part, or only its first); a small word gives its initial
    /// or nothing; the first and last words give a letter.
    /// </summary>
    private static bool Spells(PrintedAcronym acronym, List<string> words)
    {
        if (words.Count == 0 || words.Count > acronym.Letters.Length + 5) return false;
        // A full form starts with a word of its own, never "the" or "of"; an aside after an acronym
        // ("the DCS (who has responsibility for …)") has too many words, or the wrong ones.
        if (SmallWords.Contains(words[0])) return false;
        return Align(acronym.Letters, 0, words, 0, first: true);
    }

    private static bool Align(string letters, int at, List<string> words, int w, bool first)
    {
        if (w == words.Count) return at == letters.Length;
        var word = words[w];
        bool last = w == words.Count - 1;
        if (word == "&" || word == "and/or")
            return !first && !last && Align(letters, at, words, w + 1, false);
        var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return Align(letters, at, words, w + 1, first);
        // One letter per hyphenated part, as many parts as give them ("multi-agency" → M or MA).
        for (int n = parts.Length; n >= 1; n--)
        {
            if (at + n > letters.Length) continue;
            bool ok = true;
            for (int k = 0; k < n && ok; k++) ok = char.ToUpperInvariant(parts[k][0]) == letters[at + k];
            if (ok && Align(letters, at + n, words, w + 1, false)) return true;
        }
        // A small word in the middle may give nothing ("designated safeguarding lead", "education, health and care plan").
        return SmallWords.Contains(word) && !first && !last && Align(letters, at, words, w + 1, false);
    }

    /// <summary>The words of a text: letters, apostrophes and inner hyphens; "&amp;" as a word of its own; commas dropped.</summary>
    private static List<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.Trim('\'', '-')).Where(w => w.Length > 0).ToList();

    private static string? WordBefore(string text, int index)
    {
        var before = text[..index].TrimEnd();
        int start = before.Length;
        while (start > 0 && !char.IsWhiteSpace(before[start - 1]) && before[start - 1] is not ('(' or ',' or ';' or ':')) start--;
        return start == before.Length ? null : before[start..];
    }

    [GeneratedRegex(@"\(([^()\n]{1,120})\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"[\p{L}'][\p{L}'\-]*|&|\d+")]
    private static partial Regex WordPattern();

    /// <summary>"LADO – local authority designated officer", "LADO: …", "LADO = …", "LADO | …", "LADO\t…".</summary>
    [GeneratedRegex(@"^([A-Z][A-Za-z&\-]{1,11})\s*(?:[–—:=|\t]|\s-\s)\s*([A-Za-z][A-Za-z'\-,&/ ]{3,120})$")]
    private static partial Regex GlossaryLine();
}
