using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Answering;

public sealed partial class QuestionAnswerer
{
    private enum FrontMatterField { InspectionDates, Published, LeadInspector, InspectionType }

    /// <summary>
    /// Inspection dates, publication date, lead inspector and the kind of inspection, from the report's
    /// structured front matter, cited to its front-matter block ("front page") with the printed words as
    /// the quote. Where the front page prints no publication date, the date the indexer holds is given as
    /// a possible answer and the reason says how it is known.
    /// </summary>
    private AskResult FrontMatterAnswer(Question q, IReadOnlyList<DocumentRecord> documents, FrontMatterField field)
    {
        if (q.Authority is null) return Null(q, [], "The question names no authority, so no report can be chosen.");
        Func<DocumentRecord, bool> usable = field switch
        {
            FrontMatterField.InspectionDates => d => IsReport(d) && d.InspectionStart is not null,
            FrontMatterField.LeadInspector => d => IsReport(d) && d.LeadInspector is not null,
            _ => d => IsReport(d) && d.Date is not null,
        };
        var chosen = Choose(documents, q, usable);
        if (chosen.Count == 0)
        {
            var what = field switch
            {
                FrontMatterField.InspectionDates => "inspection dates",
                FrontMatterField.LeadInspector => "a lead inspector",
                FrontMatterField.Published => "a publication date",
                _ => "a report",
            };
            return Null(q, [], $"No indexed report on {q.Authority}{(q.Time.Named ? " " + q.Time.Describe() : "")} has {what}.");
        }
        var d = ByTitleWords(chosen, q);
        // Sure of the report when the question's time, "latest" or framework picks one; otherwise the latest is a guess.
        bool picked = chosen.Count == 1 && (q.Time.Named || q.Time.Which != Which.Any || q.Framework is not null || documents.Count(x => x.Authority == q.Authority && usable(x)) == 1);
        double sure = picked ? 0.95 : chosen.Count == 1 ? 0.75 : 0.6;
        var front = d.FrontPageParagraphId is { } fid ? index.GetParagraph(fid) : null;
        var lines = front?.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        string which = picked ? "" : $" (the question fits {chosen.Count} reports; this is the latest)";

        var at = new FrontPage(d, front, lines, sure, which);
        return field switch
        {
            FrontMatterField.InspectionDates => InspectionDatesAnswer(q, at),
            FrontMatterField.LeadInspector => LeadInspectorAnswer(q, at),
            FrontMatterField.Published => PublishedAnswer(q, at),
            _ => TitleAnswer(q, at),
        };
    }

    /// <summary>The report chosen for a front-matter answer: its front-page paragraph and lines, how sure the choice is, and what to add when it was a guess.</summary>
    private sealed record FrontPage(DocumentRecord Document, ParagraphRecord? Front, string[] Lines, double Sure, string Which);

    private static AskResult InspectionDatesAnswer(Question q, FrontPage at)
    {
        var (d, front, sure, which) = (at.Document, at.Front, at.Sure, at.Which);
        var (line, value) = Printed(at.Lines, FieldLabel.Inspection);
        var start = d.InspectionStart!.Value;
        var end = d.InspectionEnd ?? start;
        var iso = $"{Iso(start)}/{Iso(end)}";
        if (front is null || line is null)
            return new AskResult(q.Text, new Answer($"{Day(start)} to {Day(end)}", "dates", iso), sure * 0.8, [], [],
                $"The inspection dates held for {Describe(d)}; its front page is not indexed as a paragraph.{which}");
        return new AskResult(q.Text, new Answer(value!, "dates", iso), sure, [AnswerCitation.From(front, line)], WithEvidence([], front),
            $"The inspection dates printed on the front page of {Describe(d)}.{which}");
    }

    private AskResult LeadInspectorAnswer(Question q, FrontPage at)
    {
        var (d, front, sure, which) = (at.Document, at.Front, at.Sure, at.Which);
        var name = d.LeadInspector!;
        var (line, _) = Printed(at.Lines, FieldLabel.Lead);
        if (front is not null && line is not null && line.Contains(name, StringComparison.Ordinal))
            return new AskResult(q.Text, new Answer(name, "person", name), sure, [AnswerCitation.From(front, line)], WithEvidence([], front),
                $"The lead inspector named on the front page of {Describe(d)}.{which}");
        // Single inspections name their team at the end of the report.
        foreach (var p in index.GetParagraphs(d.ParagraphIds.Reverse()))
        {
            int found = p.Text.IndexOf(name, StringComparison.Ordinal);
            if (found < 0) continue;
            return new AskResult(q.Text, new Answer(name, "person", name), sure, [AnswerCitation.From(p, LineOrSentenceAround(p.Text, found))], WithEvidence([], p),
                $"The lead inspector named in {Describe(d)}.{which}");
        }
        return new AskResult(q.Text, new Answer(name, "person", name), sure * 0.6, [], [],
            $"The lead inspector held for {Describe(d)}; the name is not printed in an indexed paragraph.{which}");
    }

    private static AskResult PublishedAnswer(Question q, FrontPage at)
    {
        var (d, front, sure, which) = (at.Document, at.Front, at.Sure, at.Which);
        var (line, value) = Printed(at.Lines, FieldLabel.Published);
        if (front is not null && line is not null && value is not null && PrintedDay(value) is { } printed)
            return new AskResult(q.Text, new Answer(value, "date", Iso(printed)), sure, [AnswerCitation.From(front, line)], WithEvidence([], front),
                $"The publication date printed on the front page of {Describe(d)}.{which}");
        var date = d.Date!.Value;
        var how = d.DateBasis switch
        {
            DateBasis.LetterDate => "the date of the letter, which was published as sent",
            DateBasis.MeetingDate => "the date of the meeting the papers were published for",
            DateBasis.PdfProduced => "the report prints no publication date: this is the date its PDF was produced, usually one to seven days before publication",
            _ => "the first date printed in the document",
        };
        double confidence = d.DateBasis is DateBasis.LetterDate or DateBasis.MeetingDate ? sure * 0.9 : 0.6;
        var citations = front is not null && at.Lines.Length > 0 ? [AnswerCitation.From(front, at.Lines[0])] : new List<AnswerCitation>();
        return new AskResult(q.Text, new Answer(Day(date), "date", Iso(date)), confidence, citations, front is null ? [] : WithEvidence([], front),
            $"{Describe(d)}: {how}.{which}");
    }

    private static AskResult TitleAnswer(Question q, FrontPage at)
    {
        var (d, front, sure, which) = (at.Document, at.Front, at.Sure, at.Which);
        var title = PrintedTitle(d);
        var answer = new Answer(title, "framework", FrameworkName(d));
        if (front is null)
            return new AskResult(q.Text, answer, sure * 0.8, [], [], $"The title of {Describe(d)}.{which}");
        return new AskResult(q.Text, answer, sure, [AnswerCitation.From(front, title)], WithEvidence([], front),
            $"The title printed on the front page of {Describe(d)}, read as the {FrameworkName(d)} framework.{which}");
    }

    /// <summary>Of several reports, the one whose title shares most words with the question ("the safeguarding and looked after children inspection"), else the latest.</summary>
    private static DocumentRecord ByTitleWords(List<DocumentRecord> chosen, Question q)
    {
        if (chosen.Count == 1) return chosen[0];
        var byTitle = chosen.Select(d => (d, Score: q.ContentWords.Count(w => d.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))).OrderByDescending(x => x.Score).ThenByDescending(x => When(x.d)).ToList();
        return byTitle[0].d;
    }

    /// <summary>The title as printed on the front page: the indexer adds ": Authority" to a title that does not name it.</summary>
    internal static string PrintedTitle(DocumentRecord d)
    {
        var suffix = ": " + d.Authority;
        return d.Title.EndsWith(suffix, StringComparison.Ordinal) ? d.Title[..^suffix.Length] : d.Title;
    }

    private enum FieldLabel { Inspection, Lead, Published }

    /// <summary>The front-page line printing a field, and the field's printed value (up to the next label on the line).</summary>
    private static (string? Line, string? Value) Printed(string[] lines, FieldLabel field)
    {
        foreach (var line in lines)
        {
            var labels = FrontLabel().Matches(line);
            for (int k = 0; k < labels.Count; k++)
            {
                var label = labels[k].Groups["label"].Value.ToLowerInvariant();
                bool wanted = field switch
                {
                    FieldLabel.Inspection => label.StartsWith("inspection date", StringComparison.Ordinal),
                    FieldLabel.Lead => label.StartsWith("lead inspector", StringComparison.Ordinal) || label.StartsWith("reporting inspector", StringComparison.Ordinal),
                    _ => label.EndsWith("published", StringComparison.Ordinal),
                };
                if (!wanted) continue;
                int from = labels[k].Index + labels[k].Length;
                int to = k + 1 < labels.Count ? labels[k + 1].Index : line.Length;
                return (line, line[from..to].Trim().TrimEnd(',', ';'));
            }
        }
        return (null, null);
    }

    /// <summary>A printed day in words or figures ("13 May 2015", "10/08/2015").</summary>
    private static DateOnly? PrintedDay(string value) =>
        PrintedDates.FindFirst(value) ?? (PrintedDates.TryParseSpan(value, out var start, out _) ? start : null);

    /// <summary>The supporting paragraph leads the passages shown with an answer.</summary>
    private static List<SearchHit> WithEvidence(IReadOnlyList<SearchHit> passages, ParagraphRecord evidence) =>
        passages.Where(h => h.Paragraph.Id != evidence.Id).Prepend(new SearchHit(evidence, System.Net.WebUtility.HtmlEncode(evidence.Text), 1, null)).ToList();

    [GeneratedRegex(@"(?<=^|\s)(?<label>Inspection dates?|Lead inspectors?|Reporting inspectors?|Report published|Date published|Published|Age group)\b\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex FrontLabel();
}
