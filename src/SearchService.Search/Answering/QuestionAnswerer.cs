using System.Globalization;
using SearchService.Core.Model;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Answering;

/// <summary>An answer: its words, its kind (judgement, number, date, dates, person, name, list, text) and its normalised value.</summary>
public sealed record Answer(string Text, string Type, string? Value);

/// <summary>
/// Where an answer's fact is printed: the paragraph (or the front-matter block, "front page") and the
/// words quoted from it, verbatim, with the source a reader needs to find it.
/// </summary>
public sealed record AnswerCitation(string ParagraphId, string Quote, string CitationText)
{
    public string? DocumentId { get; init; }
    public string? DocumentTitle { get; init; }
    public string? Authority { get; init; }
    /// <summary>The report's publication date.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>The paragraph's label as printed ("86", "front page", "Judgements").</summary>
    public string? Label { get; init; }

    internal static AnswerCitation From(ParagraphRecord p, string quote) => new(p.Id, quote, p.Citation)
    {
        DocumentId = p.DocumentId,
        DocumentTitle = p.Document.Title,
        Authority = p.Document.Authority,
        Date = p.Document.Date,
        Label = p.Label,
    };
}

/// <summary>
/// The reply to a question: the answer or null, a confidence between 0 and 1, one citation per fact,
/// the passages closest to the question, and the reason (how the answer was found, or why there is none).
/// </summary>
public sealed record AskResult(string Question, Answer? Answer, double Confidence, IReadOnlyList<AnswerCitation> Citations, IReadOnlyList<SearchHit> Passages, string Reason)
{
    /// <summary>Below this an answer is shown as a possible answer, not as fact.</summary>
    public const double FirmConfidence = 0.8;

    /// <summary>"answer" at or above <see cref="FirmConfidence"/>, "possible answer" below it, "none" without an answer.</summary>
    public string Band => Answer is null ? "none" : Confidence >= FirmConfidence ? "answer" : "possible answer";
}

/// <summary>
/// Answers questions with words quoted from the reports, from the most reliable source for each kind
/// of question: the structured front matter for inspection dates, publication dates, lead inspectors
/// and the kind of inspection; the extracted judgements (never text matching) for grades, their history
/// and lists of authorities; sentences that tie a number to the thing counted for numbers; the sentence
/// that names a thing for names and acronyms; the best sentence otherwise. Below the threshold the answer
/// is null and the reason says why: a wrong answer with a confident citation is worse than none.
/// </summary>
public sealed partial class QuestionAnswerer(ReportIndex index)
{
    /// <summary>Lowest confidence at which an answer is given at all (calibrated on the question set in the tests).</summary>
    public double Threshold { get; init; } = 0.5;

    internal static Action<string>? DebugTrace { get; set; }

    // One analyzer for every answerer: Lucene analyzers reuse their token streams per thread.
    private static readonly ReportAnalyzer Analyzer = new();

    public AskResult Ask(string text, SearchFilters filters)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new QuerySyntaxException("Ask a question, e.g. \"What grade did Stoke-on-Trent get for staying safe in 2007?\"");
        if (text.Length > index.Limits.MaxQueryLength)
            throw new QueryLimitException($"The question is {text.Length} characters long; at most {index.Limits.MaxQueryLength} are allowed.", "maxQueryLength", index.Limits.MaxQueryLength);
        var q = QuestionParser.Parse(text);
        if (q.Authority is null && filters.Authority.Count == 1 && Core.Metadata.Authorities.FromUserText(filters.Authority[0]) is { } filtered)
            q = q with { Authority = filtered };
        if (!q.Time.Named && (filters.YearFrom is not null || filters.YearTo is not null || filters.Year.Count > 0))
            q = q with { Time = FromFilters(filters, q.Time) };

        var documents = index.Documents;
        if (q.Authority is { } authority && !documents.Any(d => d.Authority == authority))
            return Null(q, [], $"Nothing about {authority} is in the index.");

        var result = q.Intent switch
        {
            Intent.History => History(q, documents),
            Intent.AuthorityList => AuthorityList(q, documents),
            Intent.Judgement => Judgement(q, documents, filters),
            Intent.InspectionDates => FrontMatterAnswer(q, documents, FrontMatterField.InspectionDates),
            Intent.Published => FrontMatterAnswer(q, documents, FrontMatterField.Published),
            Intent.LeadInspector => FrontMatterAnswer(q, documents, FrontMatterField.LeadInspector),
            Intent.InspectionType => FrontMatterAnswer(q, documents, FrontMatterField.InspectionType),
            Intent.Number => Number(q, documents, filters),
            Intent.Named => Named(q, documents, filters),
            _ => FromPassages(q, documents, filters),
        };
        if (result.Answer is not null && result.Confidence < Threshold)
            return result with { Answer = null, Citations = [], Reason = $"The best answer found has confidence {result.Confidence:0.00}, under the threshold of {Threshold:0.00}: {result.Reason}" };
        return result;
    }

    private static TimeSpec FromFilters(SearchFilters filters, TimeSpec time)
    {
        int? from = filters.YearFrom ?? (filters.Year.Count > 0 ? filters.Year.Min() : null);
        int? to = filters.YearTo ?? (filters.Year.Count > 0 ? filters.Year.Max() : null);
        return time with
        {
            From = from is { } f ? new DateOnly(f, 1, 1) : null,
            To = to is { } t ? new DateOnly(t, 12, 31) : null,
            Basis = DateAsked.Publication,
        };
    }

    private static AskResult Null(Question q, IReadOnlyList<SearchHit> passages, string reason) => new(q.Text, null, 0, [], passages, reason);

    // ---- Choosing reports ----------------------------------------------------------------------

    /// <summary>Inspection reports and assessment letters: the documents with front matter or judgements.</summary>
    private static bool IsReport(DocumentRecord d) => d.Publisher == "Ofsted";

    /// <summary>The days a report's inspection covered (a letter's date where it has no inspection dates).</summary>
    private static (DateOnly Start, DateOnly End)? Inspection(DocumentRecord d) =>
        d.InspectionStart is { } s && d.InspectionEnd is { } e ? (s, e) : d.Date is { } date ? (date, date) : null;

    /// <summary>When the report's work happened, for ordering: the inspection's last day, else the publication date.</summary>
    private static DateOnly When(DocumentRecord d) => d.InspectionEnd ?? d.Date ?? DateOnly.MinValue;

    /// <summary>
    /// The reports that fit a question's authority, time, framework and "latest"/"first": the inspection
    /// period touching the time named counts first, the publication date second ("the 2016 single
    /// inspection" published in 2017), and only the publication date when the question says "published".
    /// </summary>
    private static List<DocumentRecord> Choose(IEnumerable<DocumentRecord> documents, Question q, Func<DocumentRecord, bool> usable)
    {
        var candidates = documents.Where(d => (q.Authority is null || d.Authority == q.Authority) && usable(d)).ToList();
        if (q.Time.Named)
        {
            var fits = candidates.Select(d => (d, Fit: Fit(d, q.Time))).Where(x => x.Fit > 0).ToList();
            if (fits.Count == 0) return [];
            int best = fits.Max(x => x.Fit);
            candidates = fits.Where(x => x.Fit == best).Select(x => x.d).ToList();
        }
        if (q.Framework is { } framework && candidates.Any(d => d.Framework == Frameworks.Name(framework)))
            candidates = candidates.Where(d => d.Framework == Frameworks.Name(framework)).ToList();
        if (q.Reinspection && candidates.Any(IsReinspection))
            candidates = candidates.Where(IsReinspection).ToList();
        if (q.Time.Which == Which.Latest && candidates.Count > 1) candidates = [candidates.MaxBy(When)!];
        if (q.Time.Which == Which.First && candidates.Count > 1) candidates = [candidates.MinBy(When)!];
        return candidates.OrderByDescending(When).ToList();
    }

    /// <summary>
    /// A question about what a report says (a number, a name, a passage) with its time widened when no
    /// document fits it as asked: a figure for "December 2018" is printed in the report of an inspection
    /// some months later. Null when no document fits even then.
    /// </summary>
    private static Question? WithDocuments(Question q, IReadOnlyList<DocumentRecord> documents)
    {
        if (!q.Time.Named || q.Authority is null) return q;
        var plain = q with { Framework = null, Reinspection = false };
        if (Choose(documents, plain, _ => true).Count > 0) return q;
        if (q.Time.To is not { } to) return null;
        var widened = q with { Time = q.Time with { To = to.AddMonths(15), Basis = DateAsked.Either } };
        return Choose(documents, widened with { Framework = null, Reinspection = false }, _ => true).Count > 0 ? widened : null;
    }

    private static bool IsReinspection(DocumentRecord d) => d.Title.StartsWith("Re-inspection", StringComparison.OrdinalIgnoreCase);

    /// <summary>2 when the inspection touches the window (or the publication does, where that is what is asked), 1 when only the publication does, 0 otherwise.</summary>
    private static int Fit(DocumentRecord d, TimeSpec t)
    {
        bool published = d.Date is { } p && t.Contains(p);
        if (t.Basis == DateAsked.Publication) return published ? 2 : 0;
        bool inspected = Inspection(d) is { } i && t.Overlaps(i.Start, i.End);
        if (t.Basis == DateAsked.Inspection) return inspected ? 2 : 0;
        return inspected ? 2 : published ? 1 : 0;
    }

    /// <summary>"Coventry's Single inspection report (inspected January–February 2014, published March 2014)".</summary>
    private static string Describe(DocumentRecord d)
    {
        var parts = new List<string>();
        if (d.InspectionStart is { } s && d.InspectionEnd is { } e)
            parts.Add("inspected " + (s.Year == e.Year && s.Month == e.Month ? Month(e) : s.Year == e.Year ? $"{MonthName(s)}–{Month(e)}" : $"{Month(s)}–{Month(e)}"));
        if (d.Date is { } p) parts.Add((d.DateBasis == DateBasis.PdfProduced ? "produced " : "published ") + Month(p));
        return $"{d.Authority}'s {FrameworkName(d)} report" + (parts.Count > 0 ? $" ({string.Join(", ", parts)})" : "");
    }

    private static string FrameworkName(DocumentRecord d) => d.Framework is { Length: > 0 } f && f != "Unknown" ? f : d.DocumentType;

    private static string Month(DateOnly d) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static string MonthName(DateOnly d) => d.ToString("MMMM", CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
