using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Answering;

public sealed record Answer(string Text, string Type, string? Value);

public sealed record AnswerCitation(string ParagraphId, string Quote, string CitationText);

public sealed record AskResult(string Question, Answer? Answer, double Confidence, IReadOnlyList<AnswerCitation> Citations, IReadOnlyList<SearchHit> Passages, string Reason);

/// <summary>
/// Answers questions with words quoted from the reports. Judgement questions are answered from
/// the judgements the indexer extracted (normalised across scales), never from text matching.
/// Other questions retrieve candidate paragraphs, score their sentences by coverage of the
/// question's content words and by whether they hold an answer of the expected type, and return
/// the best verbatim span. Below the threshold the answer is null and the reason says why: a
/// wrong answer with a confident citation is worse than none.
/// </summary>
public sealed partial class QuestionAnswerer(ReportIndex index)
{
    /// <summary>Lowest confidence at which an answer is given (calibrated on the question set in the tests).</summary>
    public double Threshold { get; init; } = 0.6;

    // One analyzer for every answerer: Lucene analyzers reuse their token streams per thread.
    private static readonly ReportAnalyzer Analyzer = new();

    public AskResult Ask(string text, SearchFilters filters)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new QuerySyntaxException("Ask a question, e.g. \"What grade did Stoke-on-Trent get for staying safe in 2007?\"");
        if (text.Length > index.Limits.MaxQueryLength)
            throw new QueryLimitException($"The question is {text.Length} characters long; at most {index.Limits.MaxQueryLength} are allowed.", "maxQueryLength", index.Limits.MaxQueryLength);
        var q = QuestionParser.Parse(text);
        var authority = q.Authority ?? (filters.Authority.Count == 1 ? Authorities.FromUserText(filters.Authority[0]) ?? filters.Authority[0] : null);
        var scoped = filters with
        {
            Authority = authority is null ? filters.Authority : [authority],
            YearFrom = q.Year ?? filters.YearFrom,
            YearTo = q.Year is { } y ? y + 1 : filters.YearTo,
        };
        var passages = Passages(q, scoped);

        if (authority is not null && !index.Documents.Any(d => d.Authority == authority))
            return new AskResult(text, null, 0, [], passages, $"Nothing about {authority} is in the index.");

        if (q.Type == AnswerType.Judgement || (q.OutcomeArea is not null && q.Type == AnswerType.Text && GradeWords().IsMatch(text)))
            return Judgement(q, authority, filters, passages);
        if (q.Type == AnswerType.Person && LedInspection().IsMatch(text))
            return LeadInspector(q, authority, passages);
        if (q.Type == AnswerType.Date && PublishedAsked().IsMatch(text) && Published(q, authority, passages) is { } published)
            return published;
        return FromPassages(q, passages);
    }

    private IReadOnlyList<SearchHit> Passages(Question q, SearchFilters filters)
    {
        if (q.ContentWords.Count == 0) return [];
        // The month asked about helps find the paragraph; it is not required of the answer sentence.
        var month = q.Month is { } m ? " " + CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m) : "";
        var words = string.Join(" ", q.ContentWords.Select(w => w.Replace("\"", ""))) + month;
        try
        {
            // Facts (numbers, dates, names) often sit in long paragraphs that rank lower: look further for them.
            int depth = q.Type is AnswerType.Number or AnswerType.Date or AnswerType.Person ? 40 : 15;
            // Any word: a question's words are evidence to rank by, not a list every passage must hold.
            return index.Search(new SearchRequest { Query = words, Filters = filters, PageSize = depth, Match = MatchMode.Any }).Hits;
        }
        catch (QuerySyntaxException)
        {
            return [];
        }
    }

    // ---- Judgements --------------------------------------------------------------------------

    private AskResult Judgement(Question q, string? authority, SearchFilters filters, IReadOnlyList<SearchHit> passages)
    {
        if (authority is null) return new AskResult(q.Text, null, 0, [], passages, "The question names no authority, so no judgement can be chosen.");
        if (q.OutcomeArea is null) return new AskResult(q.Text, null, 0, [], passages, "The question names no judgement area (e.g. staying safe, children in care, overall effectiveness).");
        var documents = index.Documents.Where(d => d.Authority == authority && (q.Year is null || d.Year == q.Year || d.InspectionEnd?.Year == q.Year))
            .Where(d => filters.DocumentType.Count == 0 || filters.DocumentType.Contains(d.DocumentType)).ToList();
        var candidates = documents.SelectMany(d => d.Judgements.Where(j => j.Area == q.OutcomeArea).Select(j => (Document: d, Judgement: j)))
            .Where(c => c.Judgement.ParagraphId is not null).ToList();
        if (candidates.Count == 0)
        {
            var when = q.Year is null ? "" : $" in {q.Year}";
            return new AskResult(q.Text, null, 0, [], passages, $"No {q.OutcomeArea} judgement for {authority}{when} is in the indexed reports.");
        }
        // Several: prefer the one whose section path shares the question's words ("looked after" → that part of the report).
        var scored = candidates.Select(c => (c.Document, c.Judgement,
                Score: q.ContentWords.Count(w => string.Join(" ", c.Judgement.SectionPath).Contains(w, StringComparison.OrdinalIgnoreCase)),
                Latest: c.Document.Date ?? DateOnly.MinValue))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Latest).ToList();
        var best = scored[0];
        bool ambiguous = scored.Count > 1 && scored[1].Score == best.Score && scored[1].Judgement.Grade.Label != best.Judgement.Grade.Label
                         && (q.Year is not null || scored[1].Latest == best.Latest);
        if (ambiguous)
            return new AskResult(q.Text, null, 0.3, [], passages,
                $"{authority} has more than one {q.OutcomeArea} judgement that fits ({string.Join("; ", scored.Take(3).Select(s => $"{s.Judgement.Grade.Label} in {s.Document.Title}, {s.Document.Year}"))}); ask about one report.");
        var paragraph = index.GetParagraph(best.Judgement.ParagraphId!);
        if (paragraph is null) return new AskResult(q.Text, null, 0, [], passages, "The judgement's source paragraph is missing from the index.");
        double confidence = q.Year is null && documents.Select(d => d.Year).Distinct().Count() > 1 ? 0.75 : 0.95;
        var answer = new Answer(best.Judgement.Grade.Raw, "judgement", best.Judgement.Grade.Label);
        var quote = FirstSentence(paragraph.Text);
        return new AskResult(q.Text, answer, confidence, [new AnswerCitation(paragraph.Id, quote, paragraph.Citation)], passages,
            $"{best.Judgement.Area} judgement printed in {best.Document.Title} ({best.Document.Year}): {best.Judgement.Grade.Raw}, normalised to {best.Judgement.Grade.Label}.");
    }

    // ---- Lead inspector ----------------------------------------------------------------------

    private AskResult LeadInspector(Question q, string? authority, IReadOnlyList<SearchHit> passages)
    {
        var documents = index.Documents.Where(d => d.LeadInspector is not null && (authority is null || d.Authority == authority) && (q.Year is null || d.Year == q.Year || d.InspectionEnd?.Year == q.Year)).ToList();
        if (documents.Count != 1)
            return new AskResult(q.Text, null, 0, [], passages, documents.Count == 0
                ? "No indexed inspection report for that authority and year names its lead inspector."
                : $"{documents.Count} inspections fit the question; name the authority and year.");
        var d = documents[0];
        foreach (var p in index.GetParagraphs(d.ParagraphIds.Take(3)))
        {
            int at = p.Text.IndexOf(d.LeadInspector!, StringComparison.Ordinal);
            if (at < 0) continue;
            var answer = new Answer(d.LeadInspector!, "person", d.LeadInspector);
            return new AskResult(q.Text, answer, 0.9, [new AnswerCitation(p.Id, SentenceAround(p.Text, at), p.Citation)], WithEvidence(passages, p),
                $"The lead inspector named on the front page of {d.Title}.");
        }
        return new AskResult(q.Text, null, 0, [], passages, "The lead inspector's name is not printed in an indexed paragraph.");
    }

    /// <summary>"When was X's report published?": the publication date printed on the front page, where there is one report that fits.</summary>
    private AskResult? Published(Question q, string? authority, IReadOnlyList<SearchHit> passages)
    {
        var documents = index.Documents.Where(d => d.Publisher == "Ofsted" && (authority is null || d.Authority == authority) && (q.Year is null || d.Year == q.Year || d.InspectionEnd?.Year == q.Year)).ToList();
        if (documents.Count > 1)
        {
            // "the safeguarding and looked after children inspection": the report whose title shares the most words with the question.
            var byTitle = documents.Select(d => (d, Score: q.ContentWords.Count(w => d.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))).OrderByDescending(x => x.Score).ToList();
            if (byTitle[0].Score > 0 && byTitle[0].Score > byTitle[1].Score) documents = [byTitle[0].d];
        }
        if (documents.Count != 1) return null;
        var d = documents[0];
        foreach (var p in index.GetParagraphs(d.ParagraphIds.Take(3)))
        {
            var m = PublishedOn().Match(p.Text);
            if (!m.Success || PrintedDates.FindFirst(m.Groups[1].Value) is not { } date) continue;
            var answer = new Answer(m.Groups[1].Value.Trim(), "date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return new AskResult(q.Text, answer, 0.9, [new AnswerCitation(p.Id, SentenceAround(p.Text, m.Index), p.Citation)], WithEvidence(passages, p),
                $"The publication date printed on the front page of {d.Title}.");
        }
        return null;
    }

    /// <summary>The supporting paragraph leads the passages shown with an answer from the front page.</summary>
    private static List<SearchHit> WithEvidence(IReadOnlyList<SearchHit> passages, ParagraphRecord evidence) =>
        passages.Where(h => h.Paragraph.Id != evidence.Id).Prepend(new SearchHit(evidence, System.Net.WebUtility.HtmlEncode(evidence.Text), 1, null)).ToList();

    // ---- Everything else: sentences from the passages -------------------------------------

    private AskResult FromPassages(Question q, IReadOnlyList<SearchHit> passages)
    {
        if (q.ContentWords.Count == 0) return new AskResult(q.Text, null, 0, [], passages, "The question has no words to look for.");
        if (passages.Count == 0) return new AskResult(q.Text, null, 0, [], passages, "No paragraph in the index matches the question's words.");
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
            return new AskResult(q.Text, null, 0, [], passages, $"No sentence in the closest paragraphs holds {Expected(q)}.");
        var b = best.Value;
        double confidence = Math.Round(Math.Min(1, b.Score), 3);
        if (confidence < Threshold || b.Coverage < 0.5)
            return new AskResult(q.Text, null, confidence, [], passages,
                $"The best candidate covers {b.Coverage:P0} of the question's words (confidence {confidence:0.00}, below the threshold of {Threshold:0.00}); the closest passages are shown.");
        var type = q.Type switch { AnswerType.Number => "number", AnswerType.Date => "date", AnswerType.Person => "person", _ => "text" };
        return new AskResult(q.Text, new Answer(b.Span, type, b.Value), confidence,
            [new AnswerCitation(b.Hit.Paragraph.Id, b.Sentence, b.Hit.Paragraph.Citation)], passages,
            $"Quoted from {b.Hit.Paragraph.Citation}");
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

    private static string Expected(Question q) => q.Type switch
    {
        AnswerType.Number => q.Percentage ? "a percentage" : "a number",
        AnswerType.Date => "a date",
        AnswerType.Person => "a name",
        _ => "the question's words",
    };

    /// <summary>The answer span in a sentence for the expected type, its normalised value, and how well it fits (0–1); null span when the sentence holds none.</summary>
    private static (string? Span, string? Value, double Fit) Extract(Question q, string sentence, HashSet<string> wanted)
    {
        switch (q.Type)
        {
            case AnswerType.Number:
                {
                    (string Span, string Value, double Fit)? best = null;
                    foreach (Match m in NumberPhrase().Matches(sentence))
                    {
                        var number = m.Groups["n"].Value;
                        bool percent = m.Groups["pct"].Success;
                        if (q.Percentage != percent) continue;
                        if (!percent && YearLike().IsMatch(number)) continue;
                        // "Key Stage 2", "Level 3", "Grade 2": a label, not a count.
                        if (!percent && LabelBefore().IsMatch(sentence[..m.Index])) continue;
                        // The number that counts what was asked about: the words right after it share the question's words.
                        var after = sentence[(m.Index + m.Length)..];
                        var following = FollowingWords().Match(after).Value;
                        var followingTerms = Analyzer.Terms(following);
                        double fit = wanted.Count == 0 ? 0.5 : Math.Min(1, followingTerms.Count(wanted.Contains) / (double)Math.Min(3, wanted.Count));
                        if (percent) fit = Math.Max(fit, 0.6);
                        // "there were 1,088 looked after children": a stated total answers "how many" best.
                        if (TotalBefore().IsMatch(sentence[..m.Index])) fit = Math.Min(1, fit + 0.25);
                        else fit *= 0.8;
                        var span = percent ? m.Value.Trim() : (m.Value + TrimToWanted(following, wanted)).Trim();
                        if (best is null || fit > best.Value.Fit) best = (span, number.Replace(",", ""), fit);
                    }
                    return best is null ? (null, null, 0) : (best.Value.Span, best.Value.Value, 0.4 + 0.6 * best.Value.Fit);
                }
            case AnswerType.Date:
                {
                    var dates = PrintedDates.FindAll(sentence).ToList();
                    if (dates.Count == 0) return (null, null, 0);
                    // The date that follows a word the question asked about ("Published: 12 May 2011"), else the first.
                    var tokens = Analyzer.TermsWithOffsets(sentence);
                    var (date, at, length) = dates.OrderBy(d =>
                    {
                        var before = tokens.Where(t => t.End <= d.Index && wanted.Contains(t.Term)).Select(t => d.Index - t.End).DefaultIfEmpty(int.MaxValue).Min();
                        return before;
                    }).First();
                    return (sentence.Substring(at, length), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 1);
                }
            case AnswerType.Person:
                {
                    var m = PersonName().Match(sentence);
                    return m.Success ? (m.Groups[1].Value, m.Groups[1].Value, 0.8) : (null, null, 0);
                }
            default:
                return (sentence, null, 0.6);
        }
    }

    /// <summary>The words after a number up to the last one the question asked about ("looked after children").</summary>
    private static string TrimToWanted(string following, HashSet<string> wanted)
    {
        var words = following.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int last = -1;
        for (int i = 0; i < words.Length; i++)
            if (Analyzer.Terms(words[i]).Any(wanted.Contains)) last = i;
        return last < 0 ? "" : " " + string.Join(" ", words.Take(last + 1)).TrimEnd(',', '.', ';');
    }

    internal static IEnumerable<string> Sentences(string text)
    {
        foreach (var part in SentenceSplit().Split(text.Replace('\n', ' ')))
        {
            var s = part.Trim();
            if (s.Length > 0) yield return s;
        }
    }

    private static string FirstSentence(string text) => Sentences(text).FirstOrDefault() ?? text;

    private static string SentenceAround(string text, int at)
    {
        int pos = 0;
        foreach (var s in Sentences(text))
        {
            int i = text.IndexOf(s, pos, StringComparison.Ordinal);
            if (i >= 0 && at >= i && at < i + s.Length) return s;
            if (i >= 0) pos = i + s.Length;
        }
        return text;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9“""‘'(•])")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"(?<![\w.,])(?<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?<pct>\s?%|\s?per ?cent)?(?![\w.]*\d)")]
    private static partial Regex NumberPhrase();

    [GeneratedRegex(@"^(19|20)\d{2}$")]
    private static partial Regex YearLike();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYearIn();

    [GeneratedRegex(@"^[\s\p{L}'’-]{0,60}")]
    private static partial Regex FollowingWords();

    [GeneratedRegex(@"\b(?:inspector|chair|director|chaired by|led by)[:,]?\s+((?:[A-Z][\p{L}'’-]+\s){1,3}[A-Z][\p{L}'’-]+)", RegexOptions.None)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"\b(stage|level|grade|tier|year|years|section|paragraph|para|table|figure|page|phase|outcome|enabler|ks|aged|age|under|over)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelBefore();

    [GeneratedRegex(@"\b(there (were|are|was|is)|total of|totalled|totals|had|has|have|number of [\w ]{1,30} (was|is|were))\s*(approximately |about |around |some |over |nearly |almost )?$", RegexOptions.IgnoreCase)]
    private static partial Regex TotalBefore();

    [GeneratedRegex(@"\bpublished\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedAsked();

    [GeneratedRegex(@"Published:?\s+(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4})")]
    private static partial Regex PublishedOn();

    [GeneratedRegex(@"\bgrade|judge?ment|judged|rated|rating\b", RegexOptions.IgnoreCase)]
    private static partial Regex GradeWords();

    [GeneratedRegex(@"\b(led|lead|leading)\b.*\binspection\b|\blead inspector\b|\binspection\b.*\bled\b", RegexOptions.IgnoreCase)]
    private static partial Regex LedInspection();
}
