using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Answering;

public sealed partial class QuestionAnswerer
{
    /// <summary>A judgement found for a question in one report, and how it was matched.</summary>
    private sealed record Found(DocumentRecord Document, Judgement Judgement, string? Note);

    /// <summary>
    /// A judgement's grade, from the judgements the indexer extracted: the report chosen by the
    /// question's authority, time and framework (the latest when it names none, and then only a possible
    /// answer), the area by the framework's own name or the everyday one, and the combined "children in
    /// care and care leavers" judgement of 2018–2022 for a care leavers question.
    /// </summary>
    private AskResult Judgement(Question q, IReadOnlyList<DocumentRecord> documents, SearchFilters filters)
    {
        if (q.Authority is null) return Null(q, [], "The question names no authority, so no judgement can be chosen.");
        if (q.Area is null) return Null(q, [], "The question names no judgement (e.g. overall effectiveness, children in care, care leavers, staying safe).");
        bool Usable(DocumentRecord d) => IsReport(d) && d.Judgements.Count > 0 && (filters.DocumentType.Count == 0 || filters.DocumentType.Contains(d.DocumentType));
        var chosen = Choose(documents, q, Usable);
        if (chosen.Count == 0)
            return Null(q, [], $"No indexed report on {q.Authority}{(q.Time.Named ? " " + q.Time.Describe() : "")} prints judgements.");
        var found = chosen.Select(d => FindJudgement(d, q)).Where(f => f is not null).Cast<Found>().ToList();
        var areaName = AreaName(q.Area.Area);
        if (found.Count == 0)
        {
            var d = chosen[0];
            var why = q.Area.Area == OutcomeAreas.OverallEffectiveness && d.Judgements.Any(j => j.Area == OutcomeAreas.ImpactOfLeaders) && !d.Judgements.Any(j => j.Area == OutcomeAreas.OverallEffectiveness)
                ? " (reports since April 2026 give no overall effectiveness judgement)" : "";
            return Null(q, [], chosen.Count == 1
                ? $"{Describe(d)} has no {areaName} judgement{why}."
                : $"None of the {chosen.Count} reports on {q.Authority}{(q.Time.Named ? " " + q.Time.Describe() : "")} has a {areaName} judgement.");
        }
        bool timeSettles = q.Time.Named || q.Time.Which != Which.Any;
        var best = found[0];
        double confidence;
        string note = best.Note is null ? "" : " " + best.Note;
        if (found.Count == 1 || found.All(f => f.Judgement.Grade.Label == best.Judgement.Grade.Label && f.Document.Id == best.Document.Id))
            confidence = timeSettles || documents.Count(d => d.Authority == q.Authority && Usable(d)) == 1 ? 0.95 : 0.7;
        else if (timeSettles && found.All(f => f.Judgement.Grade.Label == best.Judgement.Grade.Label))
            confidence = 0.9;
        else
        {
            confidence = timeSettles ? 0.55 : 0.7;
            note += $" {found.Count} reports fit the question; this is the latest ({string.Join("; ", found.Skip(1).Take(3).Select(f => $"{f.Judgement.Grade.Raw} in {Describe(f.Document)}"))}).";
        }
        if (best.Note is not null) confidence = Math.Min(confidence, 0.9);
        var citations = JudgementCitations(best);
        if (citations.Count == 0) confidence = Math.Min(confidence, 0.6);
        var answer = new Answer(best.Judgement.Grade.Raw, "judgement", best.Judgement.Grade.Label);
        return new AskResult(q.Text, answer, confidence, citations, citations.Count == 0 ? [] : PassagesFor(citations),
            $"The {areaName} judgement printed in {Describe(best.Document)}: {best.Judgement.Grade.Raw} (normalised: {best.Judgement.Grade.Label}).{note}");
    }

    /// <summary>The judgement a question asks for in one report: the area itself, then what stands for it.</summary>
    private static Found? FindJudgement(DocumentRecord d, Question q)
    {
        var asked = q.Area!;
        var exact = Pick(d.Judgements.Where(j => j.Area == asked.Area), q);
        if (exact is not null)
        {
            // Since 2023 children in care and care leavers are judged apart: say so when the combined judgement is asked for.
            var note = asked.Combined && d.Judgements.Any(j => j.Area == OutcomeAreas.CareLeavers)
                ? "This report judges children in care and care leavers separately; this is the children in care judgement." : null;
            return new Found(d, exact, note);
        }
        if (asked.Area == OutcomeAreas.CareLeavers)
        {
            // 2018–2022: one judgement for "children in care and care leavers".
            var combined = Pick(d.Judgements.Where(j => j.Area == OutcomeAreas.ChildrenInCare && j.SectionPath.Any(s => s.Contains("care leavers", StringComparison.OrdinalIgnoreCase))), q);
            if (combined is not null)
                return new Found(d, combined, "This report judges children in care and care leavers together; this is the combined judgement.");
        }
        foreach (var alternative in asked.Alternatives.Where(a => a != OutcomeAreas.ChildrenInCare))
            if (Pick(d.Judgements.Where(j => j.Area == alternative), q) is { } other)
                return new Found(d, other, $"Judged as {AreaName(alternative)} in this report.");
        return null;
    }

    /// <summary>Of a report's judgements of one area (a table row and a section, or one per part of the report), the one whose section shares the question's words.</summary>
    private static Judgement? Pick(IEnumerable<Judgement> judgements, Question q)
    {
        var list = judgements.ToList();
        if (list.Count <= 1) return list.FirstOrDefault();
        return list.Select(j => (j, Score: q.ContentWords.Count(w => string.Join(" ", j.SectionPath).Contains(w, StringComparison.OrdinalIgnoreCase)), Cited: j.ParagraphId is null ? 0 : 1))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Cited).First().j;
    }

    private static string AreaName(string area) => area switch
    {
        OutcomeAreas.OverallEffectiveness => "overall effectiveness",
        OutcomeAreas.ImpactOfLeaders => "impact of leaders",
        OutcomeAreas.HelpAndProtection => "help and protection",
        OutcomeAreas.Lscb => "Local Safeguarding Children Board",
        _ => area.ToLowerInvariant(),
    };

    /// <summary>
    /// Where a judgement is printed, as citations whose quotes are verbatim: first the section of the
    /// report that states it (its heading is the judgement line, or its first sentence states the
    /// grade), then the judgement table's row; else the paragraph the indexer read it from.
    /// </summary>
    private List<AnswerCitation> JudgementCitations(Found found)
    {
        var (d, j, _) = found;
        var citations = new List<AnswerCitation>();
        var section = d.Sections.Where(s => s.ParagraphIds.Count > 0 && s.Path.Count > 0 && SectionStates(s, j))
            .OrderByDescending(s => HeadingHasGrade(s.Path[^1], j.Grade) ? 1 : 0).FirstOrDefault();
        if (section is not null && index.GetParagraph(section.ParagraphIds[0]) is { } first)
        {
            var heading = section.Path[^1];
            var quote = HeadingHasGrade(heading, j.Grade) ? heading : GradeSentence(first.Text, j.Grade) ?? heading;
            citations.Add(AnswerCitation.From(first, quote));
        }
        if (j.ParagraphId is { } pid && !citations.Any(c => c.ParagraphId == pid) && index.GetParagraph(pid) is { } p)
        {
            var quote = GradeLine(p.Text, j) ?? GradeSentence(p.Text, j.Grade) ?? (p.SectionPath.Count > 0 ? p.SectionPath[^1] : FirstSentence(p.Text));
            citations.Add(AnswerCitation.From(p, quote));
        }
        return citations;
    }

    /// <summary>Whether a section is where a judgement is stated: its heading names the judgement's area and the section carries its grade, or the heading states both.</summary>
    private static bool SectionStates(Section s, Judgement j)
    {
        var heading = s.Path[^1];
        var area = JudgementNames.Find(QuestionParser.Fold(heading))?.Area ?? OutcomeAreas.FromHeading(heading);
        bool overall = j.Area == OutcomeAreas.OverallEffectiveness && StatesOverall(heading);
        if (area != j.Area && !overall && s.OutcomeArea != j.Area) return false;
        if (area is null && s.OutcomeArea is null && !overall) return false;
        return HeadingHasGrade(heading, j.Grade) || s.Grade?.Label == j.Grade.Label;
    }

    /// <summary>A heading that is the overall judgement: the Core's overall-judgement sentence, or a heading that names it ("Overall judgement").</summary>
    private static bool StatesOverall(string heading) =>
        JudgementPhrases.ParseOverall(heading) is not null || heading.Contains("overall judgement", StringComparison.OrdinalIgnoreCase);

    private static bool HeadingHasGrade(string heading, Grade grade) => StatesGrade(QuestionParser.Fold(heading), grade);

    /// <summary>Whether text states a grade in words: the normalised label, or "require(s) improvement" for the middle grade.</summary>
    private static bool StatesGrade(string lower, Grade grade)
    {
        var raw = QuestionParser.Fold(grade.Raw);
        if (raw.Length > 3 && lower.Contains(raw, StringComparison.Ordinal) && !GradeNumberOnly().IsMatch(raw)) return true;
        return grade.Label switch
        {
            GradeLabels.Good => Regex.IsMatch(lower, @"(?<!to be )\bgood\b"),
            GradeLabels.RequiresImprovement => Regex.IsMatch(lower, @"\badequate\b|\brequires? improvement\b"),
            _ => Regex.IsMatch(lower, $@"\b{Regex.Escape(grade.Label)}\b"),
        };
    }

    /// <summary>The line of a judgement table that prints the judgement: its area's words and its grade.</summary>
    private static string? GradeLine(string text, Judgement j)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = QuestionParser.Fold(line);
            var area = JudgementNames.Find(lower)?.Area ?? JudgementPhrases.ParseArea(line)?.Term.Common;
            if ((area == j.Area || (j.SectionPath.Count > 0 && lower.Contains(QuestionParser.Fold(j.SectionPath[^1]), StringComparison.Ordinal)))
                && lower.EndsWith(QuestionParser.Fold(j.Grade.Raw), StringComparison.Ordinal))
                return line;
        }
        return null;
    }

    /// <summary>The first of a paragraph's first two sentences that states the grade.</summary>
    private static string? GradeSentence(string text, Grade grade) =>
        Sentences(text).Take(2).FirstOrDefault(s => StatesGrade(QuestionParser.Fold(s), grade));

    /// <summary>The cited paragraphs, as the passages shown with an answer.</summary>
    private List<SearchHit> PassagesFor(IEnumerable<AnswerCitation> citations) =>
        index.GetParagraphs(citations.Select(c => c.ParagraphId).Distinct()).Select(p => new SearchHit(p, System.Net.WebUtility.HtmlEncode(p.Text), 1, null)).ToList();

    [GeneratedRegex(@"^grade \d$")]
    private static partial Regex GradeNumberOnly();
}
