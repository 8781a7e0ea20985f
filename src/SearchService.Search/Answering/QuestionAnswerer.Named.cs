using System.Text.RegularExpressions;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Answering;

public sealed partial class QuestionAnswerer
{
    /// <summary>
    /// What an acronym stands for, or the name of a service, team, programme, policy or provider. An
    /// acronym is expanded where the report defines it: the words before "(VSK)" whose initials spell it,
    /// or the phrase set beside it ("AdCAMHS, the specialist CAMHS service for adopted children, …").
    /// A name is the quoted or capitalised phrase of the sentence that best covers the question, made
    /// of other words than the question's own, nearest the kind of thing asked for.
    /// </summary>
    private AskResult Named(Question q, IReadOnlyList<DocumentRecord> documents, SearchFilters filters)
    {
        if (WithDocuments(q, documents) is not { } fitted)
            return Null(q, [], $"No indexed document on {q.Authority} is from {q.Time.Describe().Replace("in ", "", StringComparison.Ordinal)} or the months after.");
        q = fitted;
        var acronym = AcronymAsked(q);
        if (acronym is not null)
        {
            var passages = Passages(q with { ContentWords = [acronym.ToLowerInvariant()] }, documents, filters);
            (string Expansion, double Confidence, SearchHit Hit, string Sentence)? best = null;
            foreach (var hit in passages)
                // A heading may define it too ("The effectiveness of the Swindon Safeguarding Children Board (SSCB) is good").
                foreach (var sentence in Sentences(hit.Paragraph.Text).Concat(hit.Paragraph.SectionPath))
                {
                    if (!Regex.IsMatch(sentence, $@"\b{Regex.Escape(acronym)}s?\b")) continue;
                    if (Expand(acronym, sentence) is { } e && (best is null || e.Confidence > best.Value.Confidence))
                        best = (e.Expansion, e.Confidence, hit, sentence);
                }
            if (best is { } b)
                return new AskResult(q.Text, new Answer(b.Expansion, "name", acronym), b.Confidence, [AnswerCitation.From(b.Hit.Paragraph, b.Sentence)], passages,
                    $"{acronym} as defined in {b.Hit.Paragraph.Citation}");
            if (passages.Count == 0) return Null(q, passages, $"No indexed paragraph{(q.Authority is null ? "" : " on " + q.Authority)} mentions {acronym}.");
            return Null(q, passages, $"The reports mention {acronym} but no sentence found spells it out.");
        }
        return NamedThing(q, documents, filters);
    }

    /// <summary>The acronym a question asks about: a word of two or more capitals that is not the authority's name.</summary>
    private static string? AcronymAsked(Question q)
    {
        if (!StandsFor().IsMatch(q.Text)) return null;
        foreach (Match m in AcronymWord().Matches(q.Text))
        {
            var w = m.Value;
            if (q.Authority is not null && Core.Metadata.Authorities.FromUserText(w) == q.Authority) continue;
            if (w is "APA" or "ILACS" or "HMI" or "UK") continue;
            return w;
        }
        return null;
    }

    /// <summary>An acronym's expansion in a sentence, with how sure the reading is.</summary>
    internal static (string Expansion, double Confidence)? Expand(string acronym, string sentence)
    {
        var letters = new string(acronym.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        // "… Virtual School Kent (VSK) …": the words before the bracket whose initials spell it.
        foreach (Match m in Regex.Matches(sentence, $@"\(\s*(?:the\s+)?{Regex.Escape(acronym)}s?\s*\)"))
        {
            var before = sentence[..m.Index].TrimEnd();
            var words = Regex.Matches(before, @"[\p{L}\p{N}][\p{L}\p{N}’'.-]*").Select(x => x.Value).ToList();
            for (int k = 1; k <= Math.Min(10, words.Count); k++)
            {
                var phrase = words.Skip(words.Count - k).ToList();
                if (Glue(phrase[0])) continue;
                if (Initials(phrase, splitHyphens: false) == letters || Initials(phrase, splitHyphens: true) == letters)
                {
                    int start = before.LastIndexOf(phrase[0], StringComparison.Ordinal);
                    // The phrase as printed, from its first word to the bracket.
                    var printed = before[start..].Trim().TrimEnd(',');
                    return (printed, 0.9);
                }
            }
        }
        // "AdCAMHS, the specialist CAMHS service for adopted children and their families, provides …".
        var apposition = Regex.Match(sentence, $@"\b{Regex.Escape(acronym)}s?\s*(?:,|–|-|\()\s*(?:the|a|an|our)\s+(?<e>[^,;()–]+?)\s*(?:,|\)|–|;)");
        if (apposition.Success) return (apposition.Groups["e"].Value.Trim(), 0.8);
        // "… known as the integrated front door (IFD) …" with initials not quite matching: a weaker reading.
        return null;
    }

    private static bool Glue(string w) => w.ToLowerInvariant() is "and" or "of" or "for" or "the" or "to" or "in" or "on" or "a" or "an" or "with" or "at" or "by";

    /// <summary>The initials of words, joining words left out, a word of capitals or figures kept whole ("CAMHS", "No. 11").</summary>
    private static string Initials(IEnumerable<string> words, bool splitHyphens)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var w in words)
        {
            if (Glue(w)) continue;
            foreach (var part in splitHyphens ? w.Split('-', StringSplitOptions.RemoveEmptyEntries) : [w])
                if (part.Length > 0) sb.Append(char.ToUpperInvariant(part[0]));
        }
        return sb.ToString();
    }

    /// <summary>The name of a thing: the sentence that best covers the question, and the name in it nearest the kind of thing asked for.</summary>
    private AskResult NamedThing(Question q, IReadOnlyList<DocumentRecord> documents, SearchFilters filters)
    {
        var passages = Passages(q, documents, filters);
        if (passages.Count == 0) return Null(q, passages, "No paragraph in the index matches the question's words.");
        var kind = KindAsked().Match(QuestionParser.Fold(q.Text)) is { Success: true } k ? k.Groups[1].Value : null;
        // Where the question's time settles on one or two reports, every paragraph of them naming the kind of thing asked for is read as well.
        var scanned = passages.ToList();
        if (kind is not null && q.Time.Named && q.Authority is not null && Choose(documents, q with { Framework = null, Reinspection = false }, _ => true) is { Count: > 0 and <= 2 } few)
        {
            var seen = passages.Select(h => h.Paragraph.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var p in index.GetParagraphs(few.SelectMany(d => d.ParagraphIds).Where(id => !seen.Contains(id))))
                if (p.Text.Contains(kind, StringComparison.OrdinalIgnoreCase))
                    scanned.Add(new SearchHit(p, System.Net.WebUtility.HtmlEncode(p.Text), 0, null));
        }
        // The kind of thing and the words about the report itself are not what the naming sentence says.
        var meta = Analyzer.Terms((kind ?? "") + " name named names called mentioned described letter apa report inspection").ToHashSet(StringComparer.Ordinal);
        var wanted = q.ContentWords.SelectMany(w => Analyzer.Terms(w)).Where(t => !meta.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var questionTerms = Analyzer.Terms(q.Text).ToHashSet(StringComparer.Ordinal);
        bool plural = NamesAsked().IsMatch(QuestionParser.Fold(q.Text));
        (double Score, SearchHit Hit, string Sentence, List<string> Names, double Coverage)? best = null;
        for (int rank = 0; rank < scanned.Count; rank++)
        {
            var hit = scanned[rank];
            string? previous = null;
            foreach (var sentence in Sentences(hit.Paragraph.Text))
            {
                var terms = Analyzer.Terms(sentence).ToHashSet(StringComparer.Ordinal);
                double coverage = wanted.Count == 0 ? 0 : (double)wanted.Count(terms.Contains) / wanted.Count;
                // What the question says may be set up by the sentence before ("… subject to intervention. Since then SERCO has worked …").
                if (previous is not null)
                {
                    terms.UnionWith(Analyzer.Terms(previous));
                    coverage = Math.Max(coverage, 0.8 * wanted.Count(terms.Contains) / Math.Max(1, wanted.Count));
                }
                previous = sentence;
                if (coverage < 0.4) continue;
                var names = NamesIn(sentence, questionTerms, q.Authority, kind, wanted);
                DebugTrace?.Invoke($"   named cov {coverage:0.00} names [{string.Join(" | ", names.Select(n => $"{n.Name} {n.Fit:0.00}"))}] {sentence}");
                if (names.Count == 0) continue;
                double score = 0.7 * coverage + 0.25 * names[0].Fit + 0.03 / (1 + rank);
                if (best is null || score > best.Value.Score)
                    best = (score, hit, sentence, plural ? names.Select(n => n.Name).ToList() : [names[0].Name], coverage);
            }
        }
        if (best is not { } b) return Null(q, passages, "No sentence in the closest paragraphs names what the question asks for.");
        var text = string.Join("; ", b.Names);
        double confidence = Math.Round(Math.Min(0.85, 0.25 + 0.7 * b.Score), 3);
        return new AskResult(q.Text, new Answer(text, "name", text), confidence, [AnswerCitation.From(b.Hit.Paragraph, b.Sentence)], passages,
            $"Named in {b.Hit.Paragraph.Citation}");
    }

    /// <summary>Names in a sentence: quoted phrases and runs of capitalised words, not made of the question's own words, best first.</summary>
    private static List<(string Name, double Fit)> NamesIn(string sentence, HashSet<string> questionTerms, string? authority, string? kind, HashSet<string> wanted)
    {
        var found = new List<(string Name, int At, double Fit)>();
        // "… to Achieving for children, a community interest company": a name set beside the kind of thing asked for.
        if (kind is not null)
            foreach (Match m in Regex.Matches(sentence, $@"(?:^|\b(?:to|by|with|from|and|is|was)\s+|,\s*)(?<name>\p{{Lu}}[^,;()]{{1,60}}?),\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}{Regex.Escape(kind)}s?\b"))
                found.Add((m.Groups["name"].Value.Trim(), m.Groups["name"].Index, 1.1));
        foreach (Match m in QuotedName().Matches(sentence)) found.Add((m.Groups[1].Value.Trim(), m.Index, 1));
        foreach (Match m in CapitalisedRun().Matches(sentence))
        {
            var name = m.Value.Trim().TrimEnd(',', '.');
            int at = m.Index;
            // "The Onwards and Upwards Service", "Practice in the Request for Support hub": opening words that name nothing are not part of the name.
            while (FirstWord().Match(name) is { Success: true } first && (IgnoredName().IsMatch(first.Groups[1].Value) || Glue(first.Groups[1].Value)))
            {
                name = name[first.Length..];
                at += first.Length;
            }
            if (name.Length == 0 || found.Any(f => f.Name.Contains(name, StringComparison.Ordinal))) continue;
            // "the Request for Support hub", "a Stronger Families programme": the kind of thing is part of its name.
            if (KindAfter().Match(sentence, Math.Min(sentence.Length, m.Index + m.Length)) is { Success: true } kindWord && !name.EndsWith(kindWord.Groups[1].Value, StringComparison.OrdinalIgnoreCase))
                name += " " + kindWord.Groups[1].Value;
            // A lone capitalised word opening the sentence is just a sentence.
            if (at == 0 && !name.Contains(' ', StringComparison.Ordinal) && !name.Any(char.IsDigit) && name.Count(char.IsUpper) < 2) continue;
            found.Add((name, at, 0.8));
        }
        var result = new List<(string Name, double Fit)>();
        foreach (var (name, at, fit) in found)
        {
            var terms = Analyzer.Terms(name).Where(t => !NumberSubject.Glue.Contains(t)).ToList();
            if (terms.Count == 0 || terms.All(questionTerms.Contains)) continue;
            if (authority is not null && string.Equals(name.Replace("the ", "", StringComparison.OrdinalIgnoreCase), authority, StringComparison.OrdinalIgnoreCase)) continue;
            if (IgnoredName().IsMatch(name) || MonthYearName().IsMatch(name)) continue;
            double f = fit;
            // The question's own words close by ("the Future First team for care leavers").
            int near = Analyzer.Terms(Window(sentence, at, name.Length, 60)).Count(wanted.Contains);
            f += 0.05 * Math.Min(4, near);
            // … and right after it: "the Future First team for care leavers" is the care leavers team.
            int end = Math.Min(sentence.Length, at + name.Length);
            int following = Analyzer.Terms(sentence[end..Math.Min(sentence.Length, end + 25)]).Count(wanted.Contains);
            f += 0.1 * Math.Min(2, following);
            // Nearest the kind of thing asked for ("… Service", "the ‘Here for You’ policy", "a company …").
            if (kind is not null)
            {
                int kindAt = sentence.IndexOf(kind, StringComparison.OrdinalIgnoreCase);
                if (kindAt >= 0) f += 0.2 * (1 - Math.Min(1, Math.Abs(kindAt - at) / 80.0));
            }
            result.Add((name, f));
        }
        return result.OrderByDescending(r => r.Fit).ToList();
    }

    [GeneratedRegex(@"\bstand(s)? for\b|\bwhat (is|are|was|were|does|do) (an? |the )?[\w-]*\p{Lu}[\w-]*\p{Lu}|\breferred to\b|\bmean(s)?\b|\bshort for\b", RegexOptions.IgnoreCase)]
    private static partial Regex StandsFor();

    [GeneratedRegex(@"\b[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*\b")]
    private static partial Regex AcronymWord();

    [GeneratedRegex(@"\b(service|team|programme|program|policy|provider|company|trust|organi[sz]ation|hub|model|scheme|panel|board|council|partnership|charity|initiative|project|unit|pathway|approach|offer|front door)s?\b")]
    private static partial Regex KindAsked();

    [GeneratedRegex(@"\G\s+(service|team|programme|program|policy|hub|model|scheme|panel|board|partnership|initiative|project|unit|pathway|approach|offer)\b")]
    private static partial Regex KindAfter();

    [GeneratedRegex(@"\bnames\b|\bwhich (are|were)\b|\bwhat are\b")]
    private static partial Regex NamesAsked();

    [GeneratedRegex(@"[‘“'""]([\p{Lu}][^‘’“”'""]{1,60}?)[’”'""](?!\w)")]
    private static partial Regex QuotedName();

    // Capitalised words, joined by "for", "of", "and", "the", "in", "to" and a possessive; figures as in "No. 11"; a word of capitals alone ("SERCO").
    [GeneratedRegex(@"(?:\b(?:No\.\s?\d+)|\b\p{Lu}[\p{L}\p{N}’'-]*(?:\s+(?:(?:for|of|and|the|in|to|on|&)\s+)*(?:No\.\s?\d+|\p{Lu}[\p{L}\p{N}’'-]*|’s|\d+))*)")]
    private static partial Regex CapitalisedRun();

    private static string Window(string text, int at, int length, int around)
    {
        int from = Math.Max(0, at - around), to = Math.Min(text.Length, at + length + around);
        return text[from..to];
    }

    [GeneratedRegex(@"^(" + Core.Metadata.PrintedDates.MonthNamePattern + @"\s*)?\d{0,4}$|^" + Core.Metadata.PrintedDates.MonthNamePattern + @"\b")]
    private static partial Regex MonthYearName();

    [GeneratedRegex(@"^(\S+)\s*")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"^(The|This|These|That|There|They|It|Its|In|At|As|A|An|Since|When|While|Although|However|Most|Many|Some|All|Ofsted|Inspectors?|Leaders?|Children|Young|Care|Local|Senior|Overall|Practice|Staff|Social|Managers?|Partners?|Services?|Where|If|For|From|During|After|Before|Following|Despite|Both|Each|Every|Other|Only|Recent|Currently|Consequently|Additionally|Furthermore|Further|Moreover|Also|Not|No|Nearly|Almost|Over|Under|Around|About|Just|Good|Strong|Effective)$")]
    private static partial Regex IgnoredName();
}
