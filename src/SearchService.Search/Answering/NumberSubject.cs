using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Search.Analysis;
using SearchService.Search.Searching;

namespace SearchService.Search.Answering;

/// <summary>
/// One thing a number must be about, in any of its wordings: "children in care" is also "looked after
/// children", "children looked after", "LAC"; each wording is a set of analysed terms.
/// </summary>
public sealed record Concept(string Words, IReadOnlyList<IReadOnlyList<string>> Wordings, IReadOnlyList<string> Initials)
{
    /// <summary>The terms of the question's own wording before a preposition ("children" of "children in care"): the thing itself, without what narrows it.</summary>
    public IReadOnlyList<string> Core { get; init; } = [];

    /// <summary>Whether the question's wording narrows the thing after a preposition ("in care"), which a report may leave to its context.</summary>
    public bool Narrowed { get; init; }
}

/// <summary>
/// What a number question counts: the thing counted (the noun phrase after "how many" or "percentage
/// of", which a number must be tied to) and what is said of it (the rest of the question's words, which
/// the sentence should share). Time, authority and question machinery are left out.
/// </summary>
public sealed partial record NumberSubject(IReadOnlyList<Concept> Counted, IReadOnlyList<Concept> Said, bool ReducedTo, IReadOnlySet<string> QuestionNumbers, bool AtInspection)
{
    /// <summary>The initials of the whole counted phrase ("directors of children's services" → DCS), which a report may print instead.</summary>
    public string? CountedInitials { get; init; }

    /// <summary>Whether the question asks about a comparison (national averages, neighbours), whose figures are then answers.</summary>
    public bool Comparator { get; init; }

    /// <summary>Every analysed term of the question's subject, its wordings included.</summary>
    public IReadOnlySet<string> Terms { get; init; } = new HashSet<string>();

    private static readonly HashSet<string> Machinery = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "by", "with", "at", "from", "as", "is", "are", "was", "were", "be", "been", "being",
        "did", "do", "does", "what", "which", "who", "how", "many", "much", "have", "has", "had", "there", "their", "they", "it", "its", "that", "this",
        "number", "percentage", "proportion", "share", "rate", "per", "cent", "according", "report", "inspection", "inspections", "ofsted", "ofsted's",
        "latest", "recent", "most", "last", "time", "council", "county", "city", "borough", "local", "authority", "authority's", "before", "after",
        "months", "month", "year", "years", "week", "weeks", "single", "re-inspection", "ilacs", "standard", "short", "inspected", "published", "around",
        "about", "approximately", "currently", "current", "now", "then", "total", "overall", "summer", "spring", "autumn", "winter", "still", "all", "any",
        "children's", "services", "service", "social", "care", "looked", "after",
    };

    // Words that carry the subject even though they are common: kept when they stand in a synonym phrase.
    private static readonly HashSet<string> KeptInPhrases = new(StringComparer.Ordinal) { "care", "looked", "after", "services", "service", "social", "children's" };

    public static NumberSubject Parse(Question q, Synonyms synonyms, ReportAnalyzer analyzer)
    {
        var lower = QuestionParser.Fold(q.Text).TrimEnd('?', ' ', '.');
        var questionNumbers = NumberInQuestion().Matches(lower).Select(m => m.Value.Replace(",", "")).ToHashSet(StringComparer.Ordinal);
        bool atInspection = AtTheTime().IsMatch(lower);
        // Time phrases and the authority are filters, not words a number must be tied to.
        var text = TimePhrase().Replace(lower, " ");
        text = AccordingTo().Replace(text, " ");
        if (q.Authority is not null) text = RemoveAuthority(text, q.Authority);
        // "children were in care", "children were being looked after": one thing, however the verb is put.
        text = InCare().Replace(text, "$1 in care");

        string counted, said;
        var m = CountedPhrase().Match(text);
        if (m.Success)
        {
            counted = PerPopulation().Replace(m.Groups["np"].Value, " ");
            said = text[(m.Index + m.Length)..];
            // "How many of the children looked after … were unaccompanied asylum-seeking children?": the count is of what they were.
            if (OfThe().Match(counted) is { Success: true } of && AfterVerb().Match(said) is { Success: true } predicate)
            {
                said = of.Groups[1].Value;
                counted = predicate.Groups[1].Value;
            }
        }
        else
        {
            counted = "";
            said = text;
        }
        bool reducedTo = ReducedToWords().IsMatch(lower);
        var countedConcepts = Concepts(counted, synonyms, analyzer);
        var saidConcepts = Concepts(said, synonyms, analyzer).Where(c => countedConcepts.All(k => k.Words != c.Words)).ToList();
        // "To how many did X reduce the services shared…": the thing counted is in what is said.
        if (countedConcepts.Count == 0 && saidConcepts.Count > 0) { countedConcepts = saidConcepts; saidConcepts = []; }
        var initials = string.Concat(Word().Matches(counted).Select(w => Clean(w.Value)).Where(w => w.Length > 0 && !Glue.Contains(w) && !Machinery.Contains(w) || w is "children" or "services" or "social" or "care").Select(w => w[0]));
        var terms = countedConcepts.Concat(saidConcepts).SelectMany(c => c.Wordings).SelectMany(w => w).Concat(analyzer.Terms(lower)).ToHashSet(StringComparer.Ordinal);
        return new NumberSubject(countedConcepts, saidConcepts, reducedTo, questionNumbers, atInspection)
        {
            CountedInitials = initials.Length >= 2 ? initials : null,
            Comparator = ComparatorWords().IsMatch(lower),
            Terms = terms,
        };
    }

    private static readonly HashSet<string> Decoration = new(StringComparer.Ordinal) { "county", "council", "borough", "metropolitan", "royal", "city" };

    private static string RemoveAuthority(string text, string authority)
    {
        var folded = QuestionParser.Fold(authority);
        text = text.Replace(folded + "'s", " ", StringComparison.Ordinal).Replace(folded + "'", " ", StringComparison.Ordinal).Replace(folded, " ", StringComparison.Ordinal);
        // Everyday and decorated forms ("Kent County Council's", "Stoke", "Telford"): drop words that resolve to the authority.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (int i = 0; i < words.Count; i++)
            if (Authorities.FromUserText(words[i]) == authority || Decoration.Contains(Clean(words[i]))) words[i] = "";
        return string.Join(' ', words.Where(w => w.Length > 0));
    }

    /// <summary>The concepts of a phrase: synonym phrases first (longest), then single content words.</summary>
    private static List<Concept> Concepts(string phrase, Synonyms synonyms, ReportAnalyzer analyzer)
    {
        var words = Word().Matches(Ages().Replace(phrase, " ").Replace('-', ' ')).Select(w => Clean(w.Value)).Where(w => w.Length > 0).ToList();
        var concepts = new List<Concept>();
        int i = 0;
        while (i < words.Count)
        {
            bool matched = false;
            for (int n = Math.Min(synonyms.MaxWords, words.Count - i); n >= 2; n--)
            {
                var candidate = string.Join(' ', words.Skip(i).Take(n));
                if (synonyms.Alternatives(candidate) is { } alternatives)
                {
                    concepts.Add(Make(candidate, alternatives, analyzer));
                    i += n;
                    matched = true;
                    break;
                }
            }
            if (matched) continue;
            // "young people in care", "children were in care": looked after, however it is put.
            if (words[i] == "in" && i + 1 < words.Count && words[i + 1] == "care")
            {
                concepts.Add(new Concept("in care", [analyzer.Terms("care"), analyzer.Terms("looked after")], []) { Core = analyzer.Terms("care") });
                i += 2;
                continue;
            }
            var w = words[i++];
            if (Machinery.Contains(w) && !(KeptInPhrases.Contains(w) && Next(words, i - 1) is { } next && KeptInPhrases.Contains(next)) || w.Length < 2 || char.IsDigit(w[0])) continue;
            if (PrintedDates.MonthNumber(w) != 0) continue;
            var alts = synonyms.Alternatives(w) ?? [w];
            concepts.Add(Make(w, alts, analyzer));
        }
        // A phrase of common words ("looked after") survives only as a whole.
        return concepts.Where(c => c.Wordings.Count > 0).GroupBy(c => c.Words).Select(g => g.First()).ToList();
    }

    private static string? Next(List<string> words, int i) => i + 1 < words.Count ? words[i + 1] : null;

    private static string Clean(string w)
    {
        w = w.Trim('\'');
        if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
        return w;
    }

    private static Concept Make(string words, IEnumerable<string> alternatives, ReportAnalyzer analyzer)
    {
        var wordings = alternatives.Select(a => (IReadOnlyList<string>)analyzer.Terms(a.Replace('-', ' ')).Where(t => !Glue.Contains(t)).ToList()).Where(t => t.Count > 0).ToList();
        // "directors of children's services" may be printed "DCSs": initials of its words.
        var initials = alternatives.Select(a => string.Concat(Word().Matches(a).Select(x => Clean(x.Value)).Where(x => !Glue.Contains(x) && x.Length > 0).Select(x => x[0]))).Where(s => s.Length >= 2).ToList();
        var own = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int cut = Array.FindIndex(own, w => w is "in" or "of" or "for" or "on" or "with" or "at" or "from" or "by" or "without" or "under" or "into");
        var core = analyzer.Terms(string.Join(' ', cut < 0 ? own : own[..cut]).Replace('-', ' ')).Where(t => !Glue.Contains(t)).ToList();
        return new Concept(words, wordings, initials) { Core = core, Narrowed = cut > 0 };
    }

    /// <summary>Joining words that a wording need not repeat ("children in care" ≈ "children … care").</summary>
    internal static readonly HashSet<string> Glue = new(StringComparer.Ordinal) { "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "by", "with", "at", "who", "are", "were", "is", "was", "be", "been", "being" };

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")]
    private static partial Regex NumberInQuestion();

    [GeneratedRegex(@"\bnational|\bengland\b|\baverage\b|\bneighbours?\b|\bcompar")]
    private static partial Regex ComparatorWords();

    [GeneratedRegex(@"\bat the time of\b|\bcurrently\b")]
    private static partial Regex AtTheTime();

    // "at 31 May 2014", "in February 2011", "in the 12 months before its May 2024 inspection", "at its latest inspection", "in 2013".
    [GeneratedRegex(@"\b(at|on|in|during|by|since|before|after|between|from)\s+(the\s+)?(\d{1,2}\s+)?(" + PrintedDates.MonthNamePattern + @")(\s*(-|to|and)\s*(" + PrintedDates.MonthNamePattern + @"))?\s+(19|20)\d\d\b|\b(at|in|during|before)\s+(the\s+)?(time\s+of\s+)?(the\s+|its\s+|their\s+|this\s+)?(latest\s+|most recent\s+|last\s+|first\s+)?((19|20)\d\d\s+|(spring|summer|autumn|winter)\s+(19|20)\d\d\s+|(" + PrintedDates.MonthNamePattern + @")\s*(-\s*(" + PrintedDates.MonthNamePattern + @")\s*)?((19|20)\d\d\s+)?)?(single\s+|ilacs\s+|ofsted\s+|re-)?(inspection|visit|report)s?\b|\bin the (\d+|twelve|six) months\b|\bin the (last |previous )?year\b|\b(in|of|during)\s+(19|20)\d\d\b|\b(19|20)\d\d\b|\b(spring|summer|autumn|winter)\b")]
    private static partial Regex TimePhrase();

    [GeneratedRegex(@",?\s*according to\b.*$")]
    private static partial Regex AccordingTo();

    // The counted thing: after "how many", "what percentage/proportion/share of", "rate of", up to the verb.
    [GeneratedRegex(@"\b(?:how many|what (?:was|is) the number of|number of|what (?:percentage|proportion|share|per ?cent) of|(?:percentage|proportion|share) of|rate of)\s+(?<np>.+?)(?=\s+(?:did|do|does|were|was|are|is|had|has|have|had|will|would|could|can|got|get|received|receive)\b|\s*$)")]
    private static partial Regex CountedPhrase();

    [GeneratedRegex(@"\b(children|young people|child)\s+(?:(?:were|are|was|is|being|been|who|currently|now)\s+)*(?:in\s+care|looked[- ]after)\b")]
    private static partial Regex InCare();

    // "aged 21 or over", "aged 16 to 25", "over 18": ages narrow a count, they are not what is counted.
    [GeneratedRegex(@"\b(aged?\s+)?\d+\s*(or|and|to|-)\s*(over|above|under|older|younger|\d+)\b|\baged?\s+(over|under)?\s*\d+\b|\b(over|under)\s+\d+s?\b")]
    private static partial Regex Ages();

    [GeneratedRegex(@"\bper\s+[\d,]+(\s+\w+)?")]
    private static partial Regex PerPopulation();

    [GeneratedRegex(@"^of (?:the |these |those |its |their )?(.+)$")]
    private static partial Regex OfThe();

    [GeneratedRegex(@"^\s*(?:were|are|was|is|had been|have been)\s+(.+)$")]
    private static partial Regex AfterVerb();

    [GeneratedRegex(@"^to how many\b|\b(reduce|reduced|cut|increase|increased|grow|grew|rise|rose|fall|fell) .{0,60}\bto how many\b")]
    private static partial Regex ReducedToWords();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'-]*")]
    private static partial Regex Word();
}
