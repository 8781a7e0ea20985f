using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Answering;

public sealed partial class QuestionAnswerer
{
    /// <summary>A number found in a sentence, with how well it answers the question.</summary>
    private sealed record NumberCandidate(ParagraphRecord Paragraph, DocumentRecord? Document, string Quote, string Span, string Value, double Tie, double Time, double Score);

    /// <summary>
    /// A count, percentage or rate. A number answers only where its sentence ties it to the thing
    /// counted (the words right after it, or "the number of X … at N", or a sentence before it that
    /// "such"/"this" points back to) and shares what the question says of it; numbers that are dates,
    /// years, labels, ages, durations, differences or the question's own figures are never answers.
    /// Without a time in the question the most recent report that ties a number wins, and the reason
    /// says which. A null beats a wrong number.
    /// </summary>
    private AskResult Number(Question q, IReadOnlyList<DocumentRecord> documents, SearchFilters filters)
    {
        var subject = NumberSubject.Parse(q, index.Synonyms, Analyzer);
        if (subject.Counted.Count == 0) return Null(q, [], "The question does not say what is counted.");
        if (WithDocuments(q, documents) is not { } fitted)
            return Null(q, [], $"No indexed document on {q.Authority} is from {q.Time.Describe().Replace("in ", "", StringComparison.Ordinal)} or the months after.");
        var asked = q;
        q = fitted;
        var extra = subject.Counted.Concat(subject.Said).Select(c => c.Words);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var passages = Passages(q, documents, filters, extra);
        DebugTrace?.Invoke($"   t passages {clock.Elapsed.TotalMilliseconds:0.0}");
        if (passages.Count == 0) return Null(q, passages, "No paragraph in the index matches the question's words.");
        var scanned = Scanned(q, documents, passages, subject);
        DebugTrace?.Invoke($"   t scanned {clock.Elapsed.TotalMilliseconds:0.0} ({scanned.Count})");
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        // Newer reports first when the question names no time: their rank among the authority's documents.
        var recency = q.Time.Named ? null : passages.Select(h => h.Paragraph.DocumentId).Distinct()
            .Select(id => byId.GetValueOrDefault(id)).Where(d => d is not null).OrderByDescending(d => When(d!)).Select((d, i) => (d!.Id, i)).ToDictionary(x => x.Id, x => x.i);

        var candidates = Candidates(q, asked, subject, scanned, byId, recency);
        DebugTrace?.Invoke($"   t candidates {clock.Elapsed.TotalMilliseconds:0.0} ({candidates.Count})");
        foreach (var c in candidates.OrderByDescending(c => c.Score).Take(8)) DebugTrace?.Invoke($"   cand {c.Span} [{c.Value}] tie {c.Tie:0.00} time {c.Time:0.00} score {c.Score:0.00} @ {c.Paragraph.Id}: {c.Quote}");
        DebugTrace?.Invoke($"   counted: {string.Join(" | ", subject.Counted.Select(c => c.Words))}; said: {string.Join(" | ", subject.Said.Select(c => c.Words))}");
        var accepted = candidates.Where(c => c.Tie >= 0.7).OrderByDescending(c => c.Score).ToList();
        if (accepted.Count == 0)
        {
            var near = candidates.OrderByDescending(c => c.Score).FirstOrDefault();
            var counted = string.Join(" ", subject.Counted.Select(c => c.Words));
            return Null(q, passages, near is null
                ? $"No sentence in the closest paragraphs gives {(q.Percentage ? "a percentage" : q.Rate ? "a rate" : "a number")} of {counted}."
                : $"No sentence ties a number to '{counted}' and what the question says of it (the nearest, '{near.Span}', does not).");
        }
        var best = accepted[0];
        double confidence = Math.Clamp(0.35 + 0.55 * best.Tie + best.Time, 0, 0.97);
        // Two different numbers tied as well in different sentences: not sure which is meant.
        var rival = accepted.Skip(1).FirstOrDefault(c => c.Value != best.Value && c.Score >= best.Score - 0.05);
        if (rival is not null) confidence = Math.Min(confidence, 0.65);
        string which = "";
        if (!q.Time.Named && best.Document is { } d && q.Authority is not null && documents.Count(x => x.Authority == q.Authority) > 1)
        {
            which = $" The question names no time: this is from {Describe(d)}.";
            confidence = Math.Min(confidence, 0.85);
        }
        var type = q.Percentage ? "percentage" : q.Rate ? "rate" : "number";
        return new AskResult(q.Text, new Answer(best.Span, type, best.Value), Math.Round(confidence, 3),
            [AnswerCitation.From(best.Paragraph, best.Quote)], passages,
            $"Quoted from {best.Paragraph.Citation}.{which}");
    }

    /// <summary>
    /// The passages, and more: figures sit in long paragraphs that rank low among many about the same thing, so where the
    /// question's time settles on one or two reports, every paragraph of them that names the thing counted near a figure is read as well.
    /// </summary>
    private List<ParagraphRecord> Scanned(Question q, IReadOnlyList<DocumentRecord> documents, IReadOnlyList<SearchHit> passages, NumberSubject subject)
    {
        var scanned = passages.Select(h => h.Paragraph).ToList();
        if (q.Time.Named && q.Authority is not null && Choose(documents, q with { Framework = null, Reinspection = false }, _ => true) is { Count: > 0 and <= 2 } few)
        {
            var seen = passages.Select(h => h.Paragraph.Id).ToHashSet(StringComparer.Ordinal);
            var heads = subject.Counted.SelectMany(c => c.Words.Split(' ')).Where(w => w.Length > 3).ToList();
            foreach (var p in index.GetParagraphs(few.SelectMany(d => d.ParagraphIds).Where(id => !seen.Contains(id))))
                if (p.Text.AsSpan().ContainsAnyInRange('0', '9') && heads.Exists(h => p.Text.Contains(h, StringComparison.OrdinalIgnoreCase)))
                    scanned.Add(p);
        }
        return scanned;
    }

    /// <summary>Every number of every sentence of the scanned paragraphs that may answer, scored by its tie to what is counted, its time and the report's recency.</summary>
    private static List<NumberCandidate> Candidates(Question q, Question asked, NumberSubject subject, IReadOnlyList<ParagraphRecord> scanned,
        Dictionary<string, DocumentRecord> byId, Dictionary<string, int>? recency)
    {
        var candidates = new List<NumberCandidate>();
        var authorityTerms = q.Authority is null ? [] : Analyzer.Terms(q.Authority).ToHashSet(StringComparer.Ordinal);
        foreach (var paragraph in scanned)
        {
            var text = paragraph.Text;
            if (!NumberPhrase().IsMatch(text)) continue;
            var spans = SentenceSpans(text);
            // What a paragraph is about, for the items of a list: its headings and its first sentence ("At 31 December 2015, 112 children are …").
            var context = new ParagraphContext(string.Concat(string.Join(" ", paragraph.SectionPath), " ", text.AsSpan(spans[0].Start, spans[0].Length)));
            for (int s = 0; s < spans.Count; s++)
            {
                // Most sentences hold no number: not worth copying out.
                if (!NumberPhrase().IsMatch(text.AsSpan(spans[s].Start, spans[s].Length))) continue;
                var sentence = text.Substring(spans[s].Start, spans[s].Length);
                var previous = s > 0 ? text.Substring(spans[s - 1].Start, spans[s - 1].Length) : null;
                foreach (var c in NumbersIn(q, subject, sentence, previous, context, authorityTerms))
                {
                    double time = TimeFit(asked, subject, sentence, context);
                    string quote = c.UsedPrevious && previous is not null ? text.Substring(spans[s - 1].Start, spans[s].Start + spans[s].Length - spans[s - 1].Start) : sentence;
                    byId.TryGetValue(paragraph.DocumentId, out var doc);
                    double recent = recency is not null && recency.TryGetValue(paragraph.DocumentId, out int r) ? -0.04 * Math.Min(r, 5) : 0;
                    candidates.Add(new NumberCandidate(paragraph, doc, quote, c.Span, c.Value, c.Tie, time, c.Tie + time + recent));
                }
            }
        }
        return candidates;
    }

    private readonly record struct Tied(string Span, string Value, double Tie, bool UsedPrevious);

    /// <summary>What a paragraph is about (its headings and first sentence), analysed once for all its sentences and numbers.</summary>
    private sealed class ParagraphContext(string text)
    {
        private HashSet<string>? _terms;
        private DateOnly? _lastDate;
        private bool _dated;

        public string Text { get; } = text;

        public HashSet<string> Terms => _terms ??= TermSet(Text);

        /// <summary>The last date it prints, if any ("At 31 December 2015, …").</summary>
        public DateOnly? LastDate
        {
            get
            {
                if (!_dated) { _lastDate = PrintedDates.FindAll(Text).Select(x => (DateOnly?)x.Date).LastOrDefault(); _dated = true; }
                return _lastDate;
            }
        }
    }

    /// <summary>The numbers of a sentence that may answer the question, each with how well the sentence ties it to what is counted.</summary>
    // Long because it is one ordered run of rules over each number (first what rules it out, then what ties it to the thing
    // counted and what is said of it), all reading the same before/after/clause values; split, they would pass a dozen of them around.
    private static IEnumerable<Tied> NumbersIn(Question q, NumberSubject subject, string sentence, string? previous, ParagraphContext context, HashSet<string> authorityTerms)
    {
        // Analysed only for a sentence with a number worth weighing.
        HashSet<string>? sentenceSet = null;
        HashSet<string> SentenceTerms() => sentenceSet ??= TermSet(sentence);
        foreach (Match m in NumberPhrase().Matches(sentence))
        {
            bool isWord = m.Groups["w"].Success;
            var number = isWord ? m.Groups["w"].Value : m.Groups["n"].Value;
            bool percent = m.Groups["pct"].Success;
            if (q.Percentage != percent) continue;
            var before = sentence[..m.Index];
            var after = sentence[(m.Index + m.Length)..];
            var value = isWord ? WordValue(number) : number.Replace(",", "", StringComparison.Ordinal);
            if (value is null) continue;
            if (!isWord && !percent && YearLike().IsMatch(number)) continue;
            if (subject.QuestionNumbers.Contains(value)) continue;
            // A day or year of a date ("31 March 2016", "May 14"), a label ("Key Stage 2", "aged 10"), a duration, a difference.
            if (PrintedDates.IsPartOfDate(sentence, m.Index, m.Length)) continue;
            if (LabelBefore().IsMatch(before)) continue;
            if (!subject.Counted.Any(c => DurationWord().IsMatch(c.Words)) && DurationAfter().IsMatch(after)) continue;
            if (Difference().IsMatch(after) || Fraction().IsMatch(after) || AtLeastOrMore().IsMatch(after)) continue;
            bool rateNumber = RateBefore().IsMatch(before) || PerAfter().IsMatch(after);
            if (q.Rate != rateNumber) continue;
            // "no" counts only as "there are no <thing>".
            if (isWord && value == "0" && !NoneBefore().IsMatch(before)) continue;
            // "There are no children who are looked after in the Isles of Scilly": none of the thing itself, not of some of it.
            if (isWord && value == "0" && ZeroQualified(subject, FirstMatch(ClauseAfter(), after), authorityTerms)) continue;
            if (isWord && value == "1" && !OneAsCount().IsMatch(after)) continue;

            if (PerBefore().IsMatch(before)) continue;
            // A comparator ("the national average of 59") counts another population.
            if (!subject.Comparator && ComparatorBefore().IsMatch(before)) continue;
            double comparatorNear = !subject.Comparator && ComparatorNear().IsMatch(before) ? 0.1 : 0;

            var clause = FirstMatch(ClauseAfter(), after);
            // The words right after the number name what it counts: one of them must be the thing asked about.
            var headWords = FirstMatch(HeadWords(), after);
            var headTerms = Analyzer.Terms(headWords.Replace('-', ' ')).Where(t => !NumberSubject.Glue.Contains(t)).Take(4).ToHashSet(StringComparer.Ordinal);
            var heads = subject.Counted.Select(c => c.Wordings.Any(w => w.Any(headTerms.Contains)) || InitialsMatch(c.Initials, headWords)).ToList();
            bool initialsHit = subject.CountedInitials is { } initials && InitialsMatch([initials], headWords);
            var beforeClause = FirstMatch(ClauseBefore(), before);
            // "the number of children in care without a plan remains high at 68", "the percentage of care leavers in EET … at 56%", "(a rate of 38.6 per 10,000 children)".
            bool countedBefore = percent || NumberOfBefore().IsMatch(beforeClause) || AtBefore().IsMatch(before);
            bool pointsBack = previous is not null && PointsBack().IsMatch(clause);
            // Nothing ties this number to the thing asked about: not worth analysing further.
            if (!heads.Contains(true) && !initialsHit && !countedBefore && !rateNumber && !pointsBack) continue;

            // What the number counts stops where the sentence turns to those who left ("ceased to be looked after").
            var window = ExitWords().Match(clause) is { Success: true } exit ? clause[..exit.Index] : clause;
            var windowTerms = TermSet(window);
            var beforeText = rateNumber ? sentence : beforeClause;
            var beforeTerms = countedBefore || rateNumber ? TermSet(beforeText) : [];
            var previousTerms = pointsBack ? TermSet(previous!) : [];

            bool usedPrevious = false, tiedElsewhere = false;
            double counted = 0;
            bool headHit = false;
            for (int k = 0; k < subject.Counted.Count; k++)
            {
                var c = subject.Counted[k];
                bool head = heads[k];
                headHit |= head;
                if (Matches(c, windowTerms, window)) counted += 1;
                else if ((countedBefore || rateNumber) && Matches(c, beforeTerms, beforeText)) { counted += 1; tiedElsewhere = true; }
                else if (pointsBack && Matches(c, previousTerms, previous!)) { counted += 0.9; usedPrevious = tiedElsewhere = true; }
                // Only the thing itself, not what narrows it ("56 children placed in unregulated settings" for children in care): context may supply the rest, when what is said of it fits.
                else if (head && c.Narrowed && c.Core.Count > 0 && c.Core.All(windowTerms.Contains)) counted += subject.Said.Count > 0 ? 0.8 : 0.5;
                else if (head) counted += 0.3;
            }
            if (initialsHit) { counted = subject.Counted.Count; headHit = true; }
            double saidHits = 0;
            foreach (var c in subject.Said)
            {
                // What is said of the number's own item counts most; elsewhere in the sentence, less ("362 … subject to a plan and 594 looked after").
                if (Matches(c, windowTerms, window) || (countedBefore && Matches(c, beforeTerms, beforeText))) saidHits++;
                else if (Matches(c, SentenceTerms(), sentence)) saidHits += 0.8;
                else if (pointsBack && Matches(c, previousTerms, previous!)) { saidHits++; usedPrevious = true; }
                // A list under "Children looked after in this area": what the paragraph is about is said of each item.
                else if (Matches(c, context.Terms, context.Text)) saidHits += 0.7;
            }
            double countedShare = counted / subject.Counted.Count;
            if (!headHit && !tiedElsewhere) countedShare = Math.Min(countedShare, 0.3);
            double saidShare = subject.Said.Count == 0 ? 1 : (double)saidHits / subject.Said.Count;
            double tie = subject.Said.Count == 0 ? countedShare : 0.65 * countedShare + 0.35 * saidShare;
            if (countedShare < 0.5) tie = Math.Min(tie, 0.5);
            if (subject.ReducedTo)
                tie += ToAfterFrom().IsMatch(before) ? 0.15 : FromBefore().IsMatch(before) ? -0.4 : 0;
            // "has increased from 1 (6%) to 28": the number it changed from is not the number now.
            else if (FromBefore().IsMatch(before) && FromTo().IsMatch(after)) tie -= 0.3;
            // Words that narrow what is counted beyond the question ("13 care leavers in higher education", "school-aged children"): a part, not the whole.
            var phrase = FirstMatch(NounPhrase(), after);
            // "the number of children in care without a care plan … at 68": narrowing words before the number count too.
            if (countedBefore && NumberOfPhrase().Match(beforeClause) is { Success: true } of) phrase += " " + of.Groups[1].Value;
            int extra = Analyzer.Terms(phrase).Count(t => !NumberSubject.Glue.Contains(t) && !subject.Terms.Contains(t) && !Population.Contains(t) && !char.IsDigit(t[0]) && t != "age");
            tie -= Math.Min(0.25, 0.08 * extra);
            if (SubCountBefore().IsMatch(before)) tie -= 0.2;
            if (TotalBefore().IsMatch(before)) tie += 0.05;
            tie -= comparatorNear;
            var span = percent ? m.Value.Trim() : (FirstMatch(Quantifier(), before) + m.Value + NounAfter(window)).Trim();
            yield return new Tied(span, value, Math.Min(1, tie), usedPrevious);
        }
    }

    /// <summary>How well a sentence fits the question's time: the day a figure is asked at, the month asked about, "at the time of the inspection".</summary>
    private static double TimeFit(Question q, NumberSubject subject, string sentence, ParagraphContext context)
    {
        double fit = WhenFits(q, sentence);
        if (q.Time.FigureDate is { } day)
        {
            var dates = PrintedDates.FindAll(sentence).Select(x => x.Date).ToList();
            if (dates.Contains(day)) fit += 0.15;
            else if (dates.Count > 0) fit -= 0.25;
            // An item of a list headed "At 31 December 2015, …" is at that day too.
            else if (context.LastDate == day) fit += 0.1;
        }
        if (subject.AtInspection && AtTheTimeIn().IsMatch(sentence)) fit += 0.05;
        return fit;
    }

    /// <summary>Whether a concept is in a clause: all the terms of one of its wordings, or an acronym of its initials ("DCSs").</summary>
    private static bool Matches(Concept c, HashSet<string> terms, string text)
    {
        foreach (var wording in c.Wordings)
            if (wording.All(terms.Contains)) return true;
        if (c.Initials.Count == 0) return false;
        foreach (Match a in Acronym().Matches(text))
        {
            var letters = a.Groups[1].Value;
            if (c.Initials.Any(i => string.Equals(i, letters, StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    /// <summary>Words for the people counted that narrow nothing ("children and young people").</summary>
    private static readonly HashSet<string> Population = new(StringComparer.Ordinal) { "children", "child", "young", "people", "person", "family", "families" };

    /// <summary>Whether "no …" is said of only some of the thing: words after it that the question does not use ("no looked after children who are permanently excluded").</summary>
    private static bool ZeroQualified(NumberSubject subject, string clause, HashSet<string> own)
    {
        var terms = Analyzer.Terms(clause.Replace('-', ' '));
        if (terms.Count == 0 || !subject.Counted.Any(c => c.Wordings.Any(w => w.Contains(terms[0])))) return true;
        return terms.Any(t => !NumberSubject.Glue.Contains(t) && !subject.Terms.Contains(t) && !Population.Contains(t) && !own.Contains(t) && t is not ("isle" or "local" or "authority" or "area" or "who"));
    }

    /// <summary>The analysed terms of a text with hyphens read as spaces, as synonyms are ("asylum-seeking" = "asylum seeking").</summary>
    private static HashSet<string> TermSet(string text) => Analyzer.Terms(text.Replace('-', ' ')).ToHashSet(StringComparer.Ordinal);

    private static bool InitialsMatch(IReadOnlyList<string> initials, string text)
    {
        if (initials.Count == 0) return false;
        foreach (Match a in Acronym().Matches(text))
            if (initials.Any(i => string.Equals(i, a.Groups[1].Value, StringComparison.OrdinalIgnoreCase))) return true;
        return false;
    }

    /// <summary>The words after a number naming what it counts ("looked after children"), up to the verb.</summary>
    private static string NounAfter(string window)
    {
        var m = CountedNoun().Match(window);
        return m.Success ? " " + m.Value.Trim().TrimEnd(',', '.', ';') : "";
    }

    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    private static string? WordValue(string word)
    {
        var w = word.ToLowerInvariant();
        if (w == "no" || w == "none") return "0";
        int i = Array.IndexOf(Units, w);
        if (i >= 0) return i.ToString(CultureInfo.InvariantCulture);
        return w switch { "thirty" => "30", "forty" => "40", "fifty" => "50", "sixty" => "60", "seventy" => "70", "eighty" => "80", "ninety" => "90", _ => null };
    }

    [GeneratedRegex(@"(?<![\w.,£$/-])(?:(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<pct>\s?%|\s?per ?cent)?(?![\w%]|[.,/]\d)|(?<w>(?i:no|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))\b(?![-’']))")]
    private static partial Regex NumberPhrase();

    [GeneratedRegex(@"^(19|20)\d{2}$")]
    private static partial Regex YearLike();

    [GeneratedRegex(@"\b(stage|level|grade|tier|year|section|paragraph|para|table|figure|page|phase|chapter|ks|aged|age|ages|age of|step|priority|recommendation|no\.|number|nos\.)\s*$|\b(aged?|ages|age of|between)\s+\d+\s*(to|-|–|and)\s*$|\b(at least|up to|over|under|more than|fewer than|less than) the age of\s*$|[£$€]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelBefore();

    [GeneratedRegex(@"^\s*(-|to)?\s*(\d+\s*)?(years?|months?|weeks?|days?|hours?|minutes?|year-olds?|-year|-month|-week|-day|times)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationAfter();

    [GeneratedRegex(@"\b(years?|months?|weeks?|days?|hours?|times)\b")]
    private static partial Regex DurationWord();

    [GeneratedRegex(@"^\s*(%\s*)?(percentage points?\s+)?(fewer|more|less|higher|lower|greater|smaller|extra|additional than)\b(?!\s+(children|young|care|people|staff|social|foster|families|carers))", RegexOptions.IgnoreCase)]
    private static partial Regex Difference();

    [GeneratedRegex(@"\bper\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PerBefore();

    [GeneratedRegex(@"\baverages? (of|is|was|at|stands at)\s*(just |only |around |about )?$|\b(national|england|regional|statistical neighbours?'?|comparators?'?)\s+(average|rate|figure|level)s?\s*(of|is|was|at)?\s*$|\bnationally,?\s+(it\s+)?(is|was)\s*$|\b(compared (with|to)|against)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparatorBefore();

    [GeneratedRegex(@"\b(national(ly)?|england|comparators?|statistical neighbours|similar (local )?authorities|regional)\b[\w\s,]{0,30}$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparatorNear();

    [GeneratedRegex(@"\b(ceased|ceasing|left|no longer|returned|stopped|including|of whom|compared|against)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExitWords();

    // The first words after a number, up to a verb, comma or bracket.
    [GeneratedRegex(@"^[^,;:()]*?(?=\s+(were|are|was|is|have|has|had|who|which|that|being|been|will|would|can|could|did|do|does)\b|\s+and\s+\d|\s+(to|so|because|as)\s+|[,;:()]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NounPhrase();

    [GeneratedRegex(@"^(\s*[\p{L}\p{N}’'-]+){1,5}")]
    private static partial Regex HeadWords();

    [GeneratedRegex(@"\b(of whom|of these|of which|of them|including|includes|included)\s+(just |only |some |around |about )?$", RegexOptions.IgnoreCase)]
    private static partial Regex SubCountBefore();

    [GeneratedRegex(@"\b(there (were|are|was|is)|total of|totalled|totals|had|has|have)\s*(approximately |about |around |some |over |nearly |almost )?$", RegexOptions.IgnoreCase)]
    private static partial Regex TotalBefore();

    [GeneratedRegex(@"\brate of\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RateBefore();

    [GeneratedRegex(@"^\s*per\s+(1,000|10,000|100,000|1000|10000|100000|thousand|hundred)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerAfter();

    [GeneratedRegex(@"\b(there (are|were|is|was|have been|had been)|had|has|have)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex NoneBefore();

    [GeneratedRegex(@"^\s+(child|young person|care leaver|family|carer|foster carer|social worker|person|director|DCS)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OneAsCount();

    // The clause after a number: to the next semicolon, colon, bracket or sentence-level comma ("…, but", "…, while").
    [GeneratedRegex(@"^[^;:()]*?(?=[;:()]|,\s+(but|while|whereas|although|though|which|compared|against|an increase|a decrease|a rise|a fall|up from|down from)\b|,?\s+(and|but|with|while)\s+(a further\s+|another\s+)?(\d|one|two|three|four|five|six|seven|eight|nine|ten)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseAfter();

    // The clause before a number: from the last semicolon, colon or bracket.
    [GeneratedRegex(@"[^;:()]*$")]
    private static partial Regex ClauseBefore();

    [GeneratedRegex(@"\b(number|percentage|proportion|total|rate|share) of\b|\bof (whom|which|these|those|them)\b[^,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberOfBefore();

    [GeneratedRegex(@"\b(at|of|is|was|were|are|stands at|stood at|totals?|totalled|reached|to)\s+(just |only |around |about |approximately |nearly |almost |over |under )?$", RegexOptions.IgnoreCase)]
    private static partial Regex AtBefore();

    [GeneratedRegex(@"\b(this|these|such|those|that) (category|group|cohort|arrangements?|children|young people|cases|situation|way|placements?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsBack();

    [GeneratedRegex(@"\bto\s+(just |only )?$", RegexOptions.IgnoreCase)]
    private static partial Regex ToAfterFrom();

    [GeneratedRegex(@"^\s*(\([^)]*\)\s*)?(to|-|–)\s*\d", RegexOptions.IgnoreCase)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"^\s*(quarters?|thirds?|halves|half|fifths?|tenths?)\b|^\s*in\s+(every\s+)?(two|three|four|five|ten|\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fraction();

    [GeneratedRegex(@"^\s*(or|and)\s+(more|fewer|less|over|above|under|older|younger)\b|^\s*\+", RegexOptions.IgnoreCase)]
    private static partial Regex AtLeastOrMore();

    [GeneratedRegex(@"\bfrom\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"\b(over|under|around|about|approximately|nearly|almost|at least|more than|fewer than|less than|just|only|some)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Quantifier();

    [GeneratedRegex(@"\b(?:number|percentage|proportion|total|share) of\s+(.+?)(?=\s+(?:is|was|were|are|has|have|had|remains?|stands?|stood|rose|fell|increased|decreased|reduced)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberOfPhrase();

    [GeneratedRegex(@"^\s*([\p{L}’'-]+\s+){0,5}?[\p{L}’'-]+(?=\s+(were|are|was|is|have|has|had|who|which|that|in|at|on|with|from|to|for|by|across|being|living|placed|receiving|supported|subject|,|\.|$))", RegexOptions.IgnoreCase)]
    private static partial Regex CountedNoun();

    [GeneratedRegex(@"\b([A-Z]{2,6})s?\b")]
    private static partial Regex Acronym();

    [GeneratedRegex(@"\bat the time of (the |this )?inspection\b|\bcurrently\b|\bat the point of inspection\b", RegexOptions.IgnoreCase)]
    private static partial Regex AtTheTimeIn();
}
