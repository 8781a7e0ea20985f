using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Search.Indexing;

namespace SearchService.Search.Answering;

public sealed partial class QuestionAnswerer
{
    /// <summary>
    /// "How has Coventry's children in care judgement changed since 2014?": the judgement in every
    /// report on the authority in the time asked, oldest first, each cited where it is printed.
    /// </summary>
    private AskResult History(Question q, IReadOnlyList<DocumentRecord> documents)
    {
        if (q.Authority is null) return Null(q, [], "The question names no authority whose judgements could be listed.");
        var area = q.Area ?? new JudgementNames.AreaAsked(OutcomeAreas.OverallEffectiveness, [], false, false);
        var aq = q with { Area = area };
        var reports = documents.Where(d => d.Authority == q.Authority && IsReport(d) && d.Judgements.Count > 0 && (!q.Time.Named || Fit(d, q.Time) > 0))
            .OrderBy(When).ToList();
        if (reports.Count == 0)
            return Null(q, [], $"No indexed report on {q.Authority}{(q.Time.Named ? " " + q.Time.Describe() : "")} prints judgements.");
        var found = reports.Select(d => FindJudgement(d, aq)).Where(f => f is not null).Cast<Found>().ToList();
        var missing = reports.Where(d => found.All(f => f.Document.Id != d.Id)).ToList();
        var areaName = AreaName(area.Area);
        if (found.Count == 0)
            return Null(q, [], $"None of the {reports.Count} reports on {q.Authority}{(q.Time.Named ? " " + q.Time.Describe() : "")} has a {areaName} judgement.");
        var citations = new List<AnswerCitation>();
        var facts = new List<string>();
        foreach (var f in found)
        {
            facts.Add($"{When(f.Document).Year}: {f.Judgement.Grade.Raw} ({Describe(f.Document)})");
            citations.AddRange(JudgementCitations(f).Take(1));
        }
        var text = string.Join("; ", facts);
        var value = string.Join("; ", found.Select(f => $"{Iso(When(f.Document))} {f.Judgement.Grade.Label}"));
        double confidence = missing.Count == 0 ? 0.9 : 0.7;
        if (citations.Count < found.Count) confidence = Math.Min(confidence, 0.6);
        var gaps = missing.Count == 0 ? "" : $" No {areaName} judgement is read from {string.Join("; ", missing.Select(Describe))}.";
        return new AskResult(q.Text, new Answer(text, "list", value), confidence, citations, PassagesFor(citations),
            $"The {areaName} judgement in each of {found.Count} reports on {q.Authority}{(q.Time.Named ? " " + q.Time.Describe() : "")}, oldest first.{gaps}");
    }

    /// <summary>
    /// "Which authorities in the North West were judged outstanding overall in 2024?", "Which of
    /// Coventry's statistical neighbours were judged inadequate at their latest inspection?": the
    /// authorities of the region, the neighbours (from the gazetteer) or all, each report that fits the
    /// time asked (or each authority's latest), and the judgement, one citation per authority.
    /// </summary>
    private AskResult AuthorityList(Question q, IReadOnlyList<DocumentRecord> documents)
    {
        var area = q.Area ?? new JudgementNames.AreaAsked(OutcomeAreas.OverallEffectiveness, [], false, false);
        var aq = q with { Area = area };
        IReadOnlyList<LocalAuthority> scope;
        string scopeName;
        if (q.Neighbours)
        {
            if (q.Authority is null || Authorities.ByName(q.Authority) is not { } of)
                return Null(q, [], "The question names no authority whose statistical neighbours could be listed.");
            scope = of.StatisticalNeighbours.Select(code => Authorities.All.FirstOrDefault(a => a.LaCode == code)).Where(a => a is not null).Cast<LocalAuthority>().ToList();
            scopeName = $"{of.Name}'s {scope.Count} statistical neighbours";
        }
        else if (q.Region is { } region)
        {
            scope = Authorities.All.Where(a => a.Region == region).ToList();
            scopeName = $"the {scope.Count} authorities in {region}";
        }
        else
        {
            scope = Authorities.All;
            scopeName = "all authorities";
        }
        // "with no overall effectiveness grade": reports that do not give that judgement.
        var without = Without().Match(QuestionParser.Fold(q.Text)) is { Success: true } w ? JudgementNames.Find(w.Groups[1].Value)?.Area : null;
        bool latestOnly = q.Time.Which == Which.Latest || !q.Time.Named;
        var names = scope.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var byAuthority = documents.Where(d => names.Contains(d.Authority) && IsReport(d) && d.Judgements.Count > 0 && IsInspection(d))
            .GroupBy(d => d.Authority).ToList();
        var matches = new List<Found>();
        int judged = 0, unread = 0;
        foreach (var group in byAuthority.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var reports = group.Where(d => !q.Time.Named || Fit(d, q.Time) > 0)
                .Where(d => without is null || d.Judgements.All(j => j.Area != without)).OrderByDescending(When).ToList();
            if (latestOnly) reports = reports.Take(1).ToList();
            foreach (var d in reports)
            {
                if (FindJudgement(d, aq) is not { } f) { unread++; continue; }
                judged++;
                if (q.Grades is null || JudgementNames.IsGrade(f.Judgement.Grade, q.Grades)) matches.Add(f);
            }
        }
        var areaName = AreaName(area.Area);
        var grade = q.Grades is null ? "" : $" judged {q.Grades[0]}";
        var when = latestOnly && !q.Time.Named ? " at their latest inspection" : q.Time.Named ? " " + q.Time.Describe() : "";
        var basis = $"Of {scopeName}, {byAuthority.Count} have inspection reports in the index; {judged} report{(judged == 1 ? "" : "s")} with a {areaName} judgement{when} were checked"
                    + (unread > 0 ? $", and {unread} ha{(unread == 1 ? "s" : "ve")} no {areaName} judgement read" : "") + ".";
        if (matches.Count == 0)
            return new AskResult(q.Text, new Answer("None", "list", ""), unread > 0 ? 0.55 : 0.7, [], [], $"None{grade} for {areaName}{when}. {basis}");
        var citations = new List<AnswerCitation>();
        foreach (var f in matches) citations.AddRange(JudgementCitations(f).Take(1));
        var text = string.Join("; ", matches.Select(f => $"{f.Document.Authority} ({f.Judgement.Grade.Raw}, {Describe(f.Document)})"));
        var value = string.Join("; ", matches.Select(f => f.Document.Authority));
        double confidence = unread == 0 ? 0.9 : 0.75;
        if (citations.Count < matches.Count) confidence = Math.Min(confidence, 0.6);
        return new AskResult(q.Text, new Answer(text, "list", value), confidence, citations, PassagesFor(citations),
            $"{matches.Count} authorit{(matches.Count == 1 ? "y" : "ies")}{grade} for {areaName}{when}. {basis}");
    }

    /// <summary>A full inspection (not a focused or monitoring visit, which give no judgements of their own).</summary>
    private static bool IsInspection(DocumentRecord d) =>
        d.Framework is not ("Focused visit" or "Monitoring visit" or "Council papers");

    [GeneratedRegex(@"\b(?:with no|without an?|without|no) ([a-z' ]{3,40}?) (?:grade|judgement|judgment|rating)\b")]
    private static partial Regex Without();
}
