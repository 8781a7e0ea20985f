namespace SearchService.Search.Analysis;

/// <summary>
/// The British spelling of an American-spelled word (the reports print British English):
/// "radicalization" → "radicalisation", "behavior" → "behaviour", "program" → "programme",
/// "counseling" → "counselling", "judgment" → "judgement". Only candidates: the caller keeps a
/// variant only when the index holds it, so a rule never invents a word or rewrites a name.
/// Applied at query time, so no re-index is needed.
/// </summary>
public static class SpellingVariants
{
    /// <summary>Whole words whose British form no suffix rule gives.</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["program"] = "programme",
        ["programs"] = "programmes",
        ["judgment"] = "judgement",
        ["judgments"] = "judgements",
        ["center"] = "centre",
        ["centers"] = "centres",
        ["defense"] = "defence",
        ["offense"] = "offence",
        ["offenses"] = "offences",
        ["license"] = "licence",
        ["enrollment"] = "enrolment",
        ["fulfill"] = "fulfil",
        ["fulfillment"] = "fulfilment",
        ["pediatric"] = "paediatric",
        ["pediatrician"] = "paediatrician",
        ["aging"] = "ageing",
        ["gray"] = "grey",
        ["mom"] = "mum",
        ["moms"] = "mums",
        ["catalog"] = "catalogue",
        ["dialog"] = "dialogue",
        ["fetal"] = "foetal",
        ["anemia"] = "anaemia",
        ["diarrhea"] = "diarrhoea",
        ["estrogen"] = "oestrogen",
        ["maneuver"] = "manoeuvre",
        ["practicing"] = "practising",
        ["practiced"] = "practised",
        ["skeptical"] = "sceptical",
        ["toward"] = "towards",
        ["math"] = "maths",
        ["color"] = "colour",
        ["favor"] = "favour",
        ["favorable"] = "favourable",
        ["honor"] = "honour",
        ["labor"] = "labour",
        ["neighbor"] = "neighbour",
        ["neighborhood"] = "neighbourhood",
        ["neighborhoods"] = "neighbourhoods",
        ["endeavor"] = "endeavour",
        ["rumor"] = "rumour",
        ["harbor"] = "harbour",
        ["vapor"] = "vapour",
    };

    /// <summary>Endings: American → British (longest first).</summary>
    private static readonly (string American, string British)[] Endings =
    [
        ("izations", "isations"), ("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izes", "ises"), ("izer", "iser"), ("ize", "ise"),
        ("yzing", "ysing"), ("yzed", "ysed"), ("yzes", "yses"), ("yze", "yse"),
        ("iors", "iours"), ("ioral", "ioural"), ("iorally", "iourally"), ("ior", "iour"),
        ("eling", "elling"), ("eled", "elled"), ("elor", "ellor"), ("elors", "ellors"),
    ];

    /// <summary>The British spellings of a word or phrase, if a rule applies (the text itself excluded).</summary>
    public static IEnumerable<string> Of(string text)
    {
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        bool changed = false;
        for (int i = 0; i < words.Length; i++)
        {
            if (British(words[i]) is { } b)
            {
                words[i] = b;
                changed = true;
            }
        }
        if (changed) yield return string.Join(' ', words);
    }

    /// <summary>The British spelling of one word, or null (lower case; words under five letters are left alone: "size", "prize").</summary>
    public static string? British(string word)
    {
        var w = word.ToLowerInvariant();
        if (Words.TryGetValue(w, out var b)) return b;
        if (w.Length < 6 || !w.All(char.IsLetter)) return null;
        foreach (var (american, british) in Endings.OrderByDescending(e => e.American.Length))
            if (w.EndsWith(american, StringComparison.Ordinal)) return w[..^american.Length] + british;
        return null;
    }
}

/// <summary>
/// The other forms of a compound: closed ("multiagency", "wellbeing", "postcode") and spaced or
/// hyphenated ("multi-agency", "well being", "post code"). The analyzer splits a hyphenated word
/// into its parts, so "multi-agency" is the phrase "multi agency"; the closed form is one word
/// (and KStem stems it differently). Candidates only: the caller keeps those the index holds.
/// </summary>
public static class CompoundVariants
{
    /// <summary>First parts of closed compounds in the reports' English; a closed word is split only after one of these or before one of <see cref="Heads"/>, so "understand" is never tried as "under stand".</summary>
    private static readonly string[] Prefixes = ["multi", "inter", "cross", "non", "pre", "post", "co", "self", "well", "anti", "semi", "sub", "case", "child", "health", "step"];

    /// <summary>Second parts of closed compounds ("caseload", "childcare", "stepdown", "outreach", "online", "aftercare").</summary>
    private static readonly string[] Heads = ["load", "loads", "care", "code", "codes", "being", "down", "up", "reach", "line", "work", "worker", "workers", "holder", "holders", "based"];

    /// <summary>The other forms of a two-part compound typed closed, spaced or hyphenated (the closed form, or each plausible split).</summary>
    public static IEnumerable<string> Of(string text)
    {
        var parts = text.ToLowerInvariant().Split([' ', '-', '\u2010', '\u2011'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && parts.All(p => p.All(char.IsLetter)))
        {
            // "multi-agency", "multi agency", "well being" → "multiagency", "wellbeing"
            yield return parts[0] + parts[1];
            yield break;
        }
        if (parts.Length != 1 || !parts[0].All(char.IsLetter)) yield break;
        var w = parts[0];
        var splits = new HashSet<int>();
        foreach (var prefix in Prefixes)
            if (w.Length >= prefix.Length + 3 && w.StartsWith(prefix, StringComparison.Ordinal)) splits.Add(prefix.Length);
        foreach (var head in Heads)
            if (w.Length >= head.Length + 3 && w.EndsWith(head, StringComparison.Ordinal)) splits.Add(w.Length - head.Length);
        foreach (var at in splits.Order()) yield return w[..at] + " " + w[at..];
    }

    /// <summary>Whether <paramref name="variant"/> is a split form (two words) rather than a closed one.</summary>
    public static bool IsSplit(string variant) => variant.Contains(' ');
}
