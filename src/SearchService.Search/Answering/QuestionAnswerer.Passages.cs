using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Answering;

public sealed partial class QuestionAnswerer
{
    /// <summary>
    /// The paragraphs closest to a question: its content words searched in the reports that fit its
    /// authority and time (all of the authority's when it names no time). Facts (numbers, dates,
    /// names) often sit in long paragraphs that rank lower, so those questions look further.
    /// </summary>
    private IReadOnlyList<SearchHit> Passages(Question q, IReadOnlyList<DocumentRecord> documents, SearchFilters filters, IEnumerable<string>? extraWords = null)
    {
        // An extra phrase made only of the question's own words ("looked after children" counted, asked
        // as "looked after children") would search its words, and expand its synonyms, twice over.
        var own = q.ContentWords.SelectMany(w => w.Split(' ')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var words = q.ContentWords.Concat((extraWords ?? []).Where(e => !e.Split(' ').All(own.Contains))).Distinct().ToList();
        if (words.Count == 0) return [];
        var fitting = q.Time.Named ? Choose(documents, q with { Framework = null, Reinspection = false }, _ => true) : null;
        if (fitting is { Count: 0 }) return [];
        var scoped = filters with
        {
            Authority = q.Authority is null ? filters.Authority : [q.Authority],
            YearFrom = fitting is null ? filters.YearFrom : fitting.Min(d => d.Year),
            YearTo = fitting is null ? filters.YearTo : fitting.Max(d => d.Year),
        };
        // The month asked about helps find the paragraph; it is not required of the answer sentence.
        var month = q.Month is { } m ? " " + CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m) : "";
        var query = string.Join(" ", words.Select(w => w.Replace("\"", "", StringComparison.Ordinal))) + month;
        // Facts sit in long paragraphs that rank lower: look further for them, unless the reports will be read whole.
        int depth = q.Intent is Intent.Number or Intent.Date or Intent.Person or Intent.Named ? (fitting is { Count: <= 2 } ? 20 : 40) : 15;
        DebugTrace?.Invoke($"   t search '{query}' depth {depth}, years {scoped.YearFrom}–{scoped.YearTo}, {string.Join(", ", scoped.Authority)}");
        IReadOnlyList<SearchHit> hits;
        try
        {
            // Any word: a question's words are evidence to rank by, not a list every passage must hold.
            // No facets: the filters then narrow the search itself (see SearchRequest.Facets).
            hits = index.Search(new SearchRequest { Query = query, Filters = scoped, PageSize = depth, Match = MatchMode.Any, Facets = false }).Hits;
        }
        catch (QuerySyntaxException)
        {
            return [];
        }
        if (fitting is null) return hits;
        var ids = fitting.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return hits.Where(h => ids.Contains(h.Paragraph.DocumentId)).ToList();
    }

    /// <summary>"What did inspectors say about …": the sentence of the closest paragraphs that best covers the question's words.</summary>
    private AskResult FromPassages(Question q, IReadOnlyList<DocumentRecord> documents, SearchFilters filters)
    {
        if (q.ContentWords.Count == 0) return Null(q, [], "The question has no words to look for: name what it is about (e.g. \"placement stability\").");
        if (WithDocuments(q, documents) is not { } fitted)
            return Null(q, [], $"No indexed document on {q.Authority} is from {q.Time.Describe().Replace("in ", "", StringComparison.Ordinal)} or the months after.");
        q = fitted;
        var passages = Passages(q, documents, filters);
        if (passages.Count == 0) return Null(q, passages, "No paragraph in the index matches the question's words.");
        var wanted = q.ContentWords.SelectMany(w => Analyzer.Terms(w)).ToHashSet(StringComparer.Ordinal);
        (double Score, SearchHit Hit, string Sentence, string Span, string? Value, double Coverage)? best = null;
        for (int rank = 0; rank < passages.Count; rank++)
        {
            var hit = passages[rank];
            foreach (var sentence in Sentences(hit.Paragraph.Text))
            {
                var terms = Analyzer.Terms(sentence).ToHashSet(StringComparer.Ordinal);
                double coverage = wanted.Count == 0 ? 0 : (double)wanted.Count(terms.Contains) / wanted.Count;
                var (span, value, typeScore) = Extract(q, sentence, wanted);
                if (span is null) continue;
                double score = 0.65 * coverage + 0.3 * typeScore + 0.05 / (1 + rank) + WhenFits(q, sentence);
                if (best is null || score > best.Value.Score) best = (score, hit, sentence, span, value, coverage);
            }
        }
        if (best is null)
            return Null(q, passages, $"No sentence in the closest paragraphs holds {Expected(q)}.");
        var b = best.Value;
        // Reading a passage is not knowing the answer: text answers stay possible answers.
        double confidence = Math.Round(Math.Min(q.Intent == Intent.Text ? 0.75 : 0.85, b.Score * (q.Intent == Intent.Text ? 0.85 : 0.9)), 3);
        if (b.Coverage < 0.6)
            return Null(q, passages, $"The best sentence covers {b.Coverage:P0} of the question's words; the closest passages are shown.");
        var type = q.Intent switch { Intent.Date => "date", Intent.Person => "person", _ => "text" };
        return new AskResult(q.Text, new Answer(b.Span, type, b.Value), confidence,
            [AnswerCitation.From(b.Hit.Paragraph, b.Sentence)], passages, $"Quoted from {b.Hit.Paragraph.Citation}");
    }

    /// <summary>A question about "February 2011" prefers sentences about February 2011, and not those about March 2011.</summary>
    private static double WhenFits(Question q, string sentence)
    {
        if (q.Month is not { } month || q.Year is not { } year) return 0;
        double fit = 0;
        foreach (Match m in MonthYearIn().Matches(sentence))
        {
            bool same = PrintedDates.MonthNumber(m.Groups[1].Value) == month && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) == year;
            fit = same ? Math.Max(fit, 0.15) : Math.Min(fit, -0.2);
            if (same) break;
        }
        return fit;
    }

    private static string Expected(Question q) => q.Intent switch
    {
        Intent.Number => q.Percentage ? "a percentage" : "a number",
        Intent.Date => "a date",
        Intent.Person => "a name",
        _ => "the question's words",
    };

    /// <summary>The answer span in a sentence for the expected type, its normalised value, and how well it fits (0–1); null span when the sentence holds none.</summary>
    private static (string? Span, string? Value, double Fit) Extract(Question q, string sentence, HashSet<string> wanted)
    {
        switch (q.Intent)
        {
            case Intent.Date:
                {
                    var dates = PrintedDates.FindAll(sentence).ToList();
                    if (dates.Count == 0) return (null, null, 0);
                    // The date that follows a word the question asked about ("issued an Improvement Notice on 30th June 2014"), else the first.
                    var tokens = Analyzer.TermsWithOffsets(sentence);
                    var (date, at, length) = dates.OrderBy(d => tokens.Where(t => t.End <= d.Index && wanted.Contains(t.Term)).Select(t => d.Index - t.End).DefaultIfEmpty(int.MaxValue).Min()).First();
                    return (sentence.Substring(at, length), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 1);
                }
            case Intent.Person:
                {
                    var m = PersonName().Match(sentence);
                    return m.Success ? (m.Groups[1].Value, m.Groups[1].Value, 0.8) : (null, null, 0);
                }
            default:
                return (sentence, null, 0.6);
        }
    }

    // ---- Sentences -----------------------------------------------------------------------------

    /// <summary>The sentences of a paragraph, verbatim: split after ". ", "! ", "? " before a capital or figure, and at line breaks (lists and tables).</summary>
    internal static IEnumerable<string> Sentences(string text)
    {
        foreach (var (start, length) in SentenceSpans(text)) yield return text.Substring(start, length);
    }

    /// <summary>Where each sentence of a paragraph starts and how long it is.</summary>
    internal static List<(int Start, int Length)> SentenceSpans(string text)
    {
        var spans = new List<(int, int)>();
        int from = 0;
        foreach (var m in SentenceBreak().EnumerateMatches(text))
        {
            Add(from, m.Index);
            from = m.Index + m.Length;
        }
        Add(from, text.Length);
        return spans;

        void Add(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (end > start) spans.Add((start, end - start));
        }
    }

    /// <summary>The first match's text, or "" (as <c>Match(input).Value</c>, without the match objects: the answerer runs these per number).</summary>
    private static string FirstMatch(Regex regex, string input)
    {
        foreach (var m in regex.EnumerateMatches(input)) return input.Substring(m.Index, m.Length);
        return "";
    }

    private static string FirstSentence(string text) => Sentences(text).FirstOrDefault() ?? text;

    /// <summary>The line (in a list or table) or sentence holding a position.</summary>
    private static string LineOrSentenceAround(string text, int at)
    {
        foreach (var (start, length) in SentenceSpans(text))
            if (at >= start && at < start + length) return text.Substring(start, length);
        return text;
    }

    // A sentence ends at ". " before a capital, figure or quote, except after an abbreviation ("No. 11", "e.g. Ofsted"); a line break always ends one.
    [GeneratedRegex(@"(?<=[.!?][’”'""]?)(?<!\b(?:No|Nos|e\.g|i\.e|Dr|Mr|Mrs|Ms|St|approx|para|paras|vs|cf|Cllr|Prof|Rev)\.)[ \t]+(?=[A-Z0-9“""‘'(•£])|\s*\n\s*")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(" + PrintedDates.MonthNamePattern + @")\s+((?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYearIn();

    [GeneratedRegex(@"\b(?:inspector|chair|director|chaired by|led by)[:,]?\s+((?:[A-Z][\p{L}'’-]+\s){1,3}[A-Z][\p{L}'’-]+)", RegexOptions.None)]
    private static partial Regex PersonName();
}
