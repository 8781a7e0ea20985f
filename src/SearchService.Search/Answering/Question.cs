using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;

namespace SearchService.Search.Answering;

/// <summary>What a question asks for, and so where its answer comes from.</summary>
public enum Intent
{
    /// <summary>A judgement's grade: from the judgements the indexer extracted.</summary>
    Judgement,
    /// <summary>How an authority's judgement changed over its reports: a dated list.</summary>
    History,
    /// <summary>Which authorities (in a region, among statistical neighbours, or all) were judged a grade.</summary>
    AuthorityList,
    /// <summary>When a report's inspection took place: from the front matter.</summary>
    InspectionDates,
    /// <summary>When a report was published: from the front matter.</summary>
    Published,
    /// <summary>Who led an inspection: from the front matter.</summary>
    LeadInspector,
    /// <summary>What kind of inspection or report it was: from the front matter.</summary>
    InspectionType,
    /// <summary>A count, percentage or rate: from a sentence that ties the number to the thing asked about.</summary>
    Number,
    /// <summary>A name or what an acronym stands for: from the sentence that names it.</summary>
    Named,
    /// <summary>A date printed in the text (not a report's own dates).</summary>
    Date,
    /// <summary>A person other than the lead inspector.</summary>
    Person,
    /// <summary>What the reports say about something: the best sentence.</summary>
    Text,
}

/// <summary>A question understood: what it asks for, about which authority (or region, or neighbours), when, which judgement, and its content words.</summary>
public sealed record Question(
    string Text,
    Intent Intent,
    string? Authority,
    string? Region,
    bool Neighbours,
    TimeSpec Time,
    JudgementNames.AreaAsked? Area,
    IReadOnlyList<string>? Grades,
    Framework? Framework,
    bool Reinspection,
    bool Percentage,
    bool Rate,
    IReadOnlyList<string> ContentWords)
{
    /// <summary>The outcome area asked about, if any.</summary>
    public string? OutcomeArea => Area?.Area;

    /// <summary>The year asked about, when the question's time lies in one year.</summary>
    public int? Year => Time.Year;

    /// <summary>The month asked about, when the question names one month.</summary>
    public int? Month => Time.Month;
}

/// <summary>
/// Reads a question in everyday words: authorities by any gazetteer name or trust name ("Hull", "BCP",
/// "Stoke", "Doncaster Children's Services Trust"), regions and statistical neighbours; times (years,
/// months, month ranges, seasons, "published in", "since", "latest", "first"); each framework's
/// judgement names, the combined "children in care and care leavers" judgement among them; and what
/// kind of answer is wanted.
/// </summary>
public static partial class QuestionParser
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "by", "with", "at", "from", "about", "as", "is", "are", "was", "were",
        "be", "been", "did", "do", "does", "what", "which", "who", "whom", "whose", "when", "where", "how", "many", "much", "why", "get", "got",
        "have", "has", "had", "say", "said", "tell", "me", "there", "their", "they", "it", "its", "that", "this", "these", "those", "s",
        "grade", "grades", "graded", "judgement", "judgment", "judged", "rated", "rating", "percentage", "proportion", "per", "cent", "number",
        "inspectors", "inspector", "ofsted", "ofsted's", "report", "council", "city", "county", "borough", "led", "lead", "inspection", "inspected", "year",
        "according", "time", "latest", "recent", "most", "last", "first", "spring", "summer", "autumn", "winter", "since", "published", "receive", "received",
        "give", "given", "find", "found", "share", "children's", "services", "service's", "authority", "local", "carried", "out", "re-inspection", "inspections",
        "name", "named", "names", "called", "mentioned", "described", "referred", "stand", "stands", "mean", "means",
    };

    public static Question Parse(string text)
    {
        var q = text.Trim();
        var lower = Fold(q);
        var authority = FindAuthority(q);
        var region = FindRegion(lower, authority);
        var time = TimeSpec.Parse(lower);
        var area = JudgementNames.Find(lower);
        var grades = JudgementNames.GradeAsked(lower);
        var framework = FrameworkNamed(lower);
        bool reinspection = Reinspection().IsMatch(lower);
        bool neighbours = Neighbour().IsMatch(lower);
        bool percentage = PercentAsked().IsMatch(lower);
        bool rate = !percentage && RateAsked().IsMatch(lower);

        var intent = ReadIntent(q, lower, area, grades, region is not null || neighbours, percentage || rate);
        var content = ContentWords(lower, authority, region);
        return new Question(q, intent, authority, region, neighbours, time, area, grades, framework, reinspection, percentage, rate, content);
    }

    /// <summary>Lower case, curly apostrophes straight, dashes as '-'.</summary>
    internal static string Fold(string text) => text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace('–', '-').Replace('—', '-');

    private static Intent ReadIntent(string text, string lower, JudgementNames.AreaAsked? area, IReadOnlyList<string>? grades, bool group, bool numeric)
    {
        if (SaysAbout().IsMatch(lower)) return Intent.Text;
        if (HistoryAsked().IsMatch(lower) && (area is not null || JudgementWords().IsMatch(lower))) return Intent.History;
        if (ListAsked().IsMatch(lower) && (group || grades is not null) && (area is not null || grades is not null)) return Intent.AuthorityList;
        if (numeric || NumberAsked().IsMatch(lower)) return Intent.Number;
        if (LeadAsked().IsMatch(lower)) return Intent.LeadInspector;
        if (TypeAsked().IsMatch(lower)) return Intent.InspectionType;
        if (InspectionDatesNamed().IsMatch(lower)) return Intent.InspectionDates;
        if (area is not null && JudgementWords().IsMatch(lower) && !NamedAsked().IsMatch(lower)) return Intent.Judgement;
        if (lower.StartsWith("when", StringComparison.Ordinal) || DateAsked().IsMatch(lower))
        {
            if (PublishedAsked().IsMatch(lower)) return Intent.Published;
            if (InspectedAsked().IsMatch(lower)) return Intent.InspectionDates;
            return Intent.Date;
        }
        if (InspectionDatesAsked().IsMatch(lower)) return Intent.InspectionDates;
        if (NamedAsked().IsMatch(lower) || AcronymAsked().IsMatch(text)) return Intent.Named;
        if (area is not null && (JudgementWords().IsMatch(lower) || (area.FrameworkWords && FindingAsked().IsMatch(lower)))) return Intent.Judgement;
        if (lower.StartsWith("who", StringComparison.Ordinal)) return Intent.Person;
        return Intent.Text;
    }

    /// <summary>
    /// The authority a question names: a full gazetteer name set with a capital, then a capitalised
    /// short or everyday name ("Stoke", "Newcastle", "Hull", "BCP"), then any full name in lower case.
    /// A trust's name resolves to its council's ("Doncaster Children's Services Trust").
    /// </summary>
    private static string? FindAuthority(string q)
    {
        if (Authorities.FindNamedIn(q) is { } named) return named.Name;
        foreach (Match w in CapitalisedWord().Matches(q))
            if (Authorities.FromUserText(w.Value) is { } a) return a;
        return Authorities.FindIn(q);
    }

    private static readonly Lazy<IReadOnlyList<string>> Regions = new(() =>
        Authorities.All.Select(a => a.Region).Where(r => r.Length > 0).Distinct().OrderByDescending(r => r.Length).ToList());

    /// <summary>A region named as a region ("North West authorities"), not as part of an authority's name ("North East Lincolnshire").</summary>
    private static string? FindRegion(string lower, string? authority)
    {
        foreach (var region in Regions.Value)
        {
            var r = region.ToLowerInvariant();
            int at = 0;
            while ((at = lower.IndexOf(r, at, StringComparison.Ordinal)) >= 0)
            {
                int end = at + r.Length;
                bool word = (at == 0 || !char.IsLetter(lower[at - 1])) && (end == lower.Length || !char.IsLetter(lower[end]));
                var following = lower[end..].TrimStart();
                // "London Borough of …", "North East Lincolnshire": part of an authority's name.
                bool partOfName = authority is not null && (lower[at..].StartsWith(authority.ToLowerInvariant(), StringComparison.Ordinal)
                                  || Authorities.FindIn(lower[at..Math.Min(lower.Length, end + 20)]) is { } a && a != region && lower[at..].StartsWith(a.ToLowerInvariant(), StringComparison.Ordinal));
                if (word && !partOfName && !following.StartsWith("borough", StringComparison.Ordinal)) return region;
                at = end;
            }
        }
        return null;
    }

    private static Framework? FrameworkNamed(string lower)
    {
        if (SingleInspection().IsMatch(lower)) return Framework.SingleInspection;
        if (Apa().IsMatch(lower)) return Framework.AnnualPerformanceAssessment;
        if (AnnualAssessment().IsMatch(lower)) return Framework.AnnualChildrensServicesAssessment;
        if (Slac().IsMatch(lower)) return Framework.SafeguardingAndLookedAfterChildrenInspection;
        if (LacInspection().IsMatch(lower)) return Framework.LookedAfterChildrenInspection;
        if (LscbReview().IsMatch(lower)) return Framework.LscbReview;
        if (FocusedVisit().IsMatch(lower)) return Framework.FocusedVisit;
        if (MonitoringVisit().IsMatch(lower)) return Framework.MonitoringVisit;
        return null;
    }

    /// <summary>What the answer must talk about, without the question's own machinery, the authority or the region.</summary>
    private static List<string> ContentWords(string lower, string? authority, string? region)
    {
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { authority, region })
            if (name is not null)
                foreach (var w in Fold(name).Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries)) dropped.Add(w);
        var words = new List<string>();
        foreach (Match m in Word().Matches(lower))
        {
            var w = m.Value.Trim('\'');
            if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
            if (w.EndsWith('\'')) w = w[..^1];
            var parts = w.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && parts.All(dropped.Contains)) continue;
            if (w.Length <= 1 || StopWords.Contains(w) || dropped.Contains(w) || YearWord().IsMatch(w) || PrintedDates.MonthNumber(w) != 0) continue;
            if (Authorities.FromUserText(w) is { } a && a == authority) continue;
            words.Add(w);
        }
        return words.Distinct().ToList();
    }

    [GeneratedRegex(@"\bsay(s)? about\b|\bwhat did (inspectors|ofsted|the report|the inspectors) (say|write|report|note|find) about\b|\bwhat does the report say\b")]
    private static partial Regex SaysAbout();

    [GeneratedRegex(@"\bhow ha(s|ve) .{2,120}\bchanged?\b|\bhow did .{2,120}\bchange\b|\bover time\b|\bhistory of\b|\btrend in\b|\bchanged (since|between|over|from|across)\b")]
    private static partial Regex HistoryAsked();

    [GeneratedRegex(@"^(which|what|list|name)\b.{0,80}\b(authorities|councils|las|neighbou?rs|areas)\b")]
    private static partial Regex ListAsked();

    [GeneratedRegex(@"\bstatistical neighbou?rs?\b")]
    private static partial Regex Neighbour();

    [GeneratedRegex(@"\b(grade|graded|grading|judge|judged|judgement|judgment|judgements|rated|rating|effective|effectiveness)\b|\brate\b(?! of)")]
    private static partial Regex JudgementWords();

    [GeneratedRegex(@"^(what|how)\b.{0,80}\b(find|found|conclude|concluded|give|gave|receive|received|get)\b|^how (was|were|is|are)\b")]
    private static partial Regex FindingAsked();

    [GeneratedRegex(@"\bwhat (percentage|proportion|per ?cent|share|%)|\bhow many per ?cent\b|\bwhat (was|is) the (percentage|proportion|share)\b")]
    private static partial Regex PercentAsked();

    [GeneratedRegex(@"\brate of\b.{0,60}\bper\b|\bwhat (was|is) .{0,40}\brate\b")]
    private static partial Regex RateAsked();

    [GeneratedRegex(@"\bhow many\b|\bhow much\b|\bwhat (was|is) the (number|total|caseload|average)\b|\bwhat number\b|\bto how many\b")]
    private static partial Regex NumberAsked();

    [GeneratedRegex(@"\bwho (led|leads|was the (lead|reporting)|were the (lead|reporting)|inspected|headed|was in charge)\b|\b(lead|reporting) inspectors?\b|\bled by whom\b")]
    private static partial Regex LeadAsked();

    [GeneratedRegex(@"\bwhat (type|kind|sort) of (inspection|report|review|visit)\b|\bwhich (type|kind) of (inspection|report)\b|\b(under )?which framework\b|\bwhat framework\b")]
    private static partial Regex TypeAsked();

    [GeneratedRegex(@"\bwhat date\b|\bwhich date\b|\bon what (day|date)s?\b|\bwhat (were|are) the (inspection )?dates\b")]
    private static partial Regex DateAsked();

    [GeneratedRegex(@"\bpublished\b|\bpublication\b|\bcame out\b|\breleased\b")]
    private static partial Regex PublishedAsked();

    [GeneratedRegex(@"\binspect(ed|ion|ions)?\b|\bcarried out\b|\btake place\b|\btook place\b|\bvisit(ed)?\b|\bon site\b|\bdates\b")]
    private static partial Regex InspectedAsked();

    [GeneratedRegex(@"\binspection dates\b|\bdates of the inspection\b|\bon what dates\b|\bwhat dates\b")]
    private static partial Regex InspectionDatesNamed();

    [GeneratedRegex(@"\binspection dates?\b|\bdates of the inspection\b|\bwhen (was|were) .{0,60}\binspect")]
    private static partial Regex InspectionDatesAsked();

    [GeneratedRegex(@"\bstand(s)? for\b|\bwhat (does|do|did) [^\s]+ (mean|stand)\b|\bname of\b|\bnames of\b|\bcalled\b|\bknown as\b|\breferred to\b|^(which|what) ([\w'-]+ ){0,3}(company|provider|organi[sz]ation|body|charity|trust|service|team|programme|program|policy|partnership|model|scheme|hub|panel|board|initiative|project|unit)\b|\bunder which\b|^who (has |have )?(delivered|delivers|deliver|runs|ran|manages|managed|provides|provided|worked)\b|\bwhat programme\b|\bwhich (company|provider|organi[sz]ation|trust|service|team|programme|policy)\b")]
    private static partial Regex NamedAsked();

    [GeneratedRegex(@"^What (is|are|was|were|does|do|did) (an? |the )?[\w-]*\p{Lu}[\w-]*\p{Lu}[\w-]*\b(?!'s)")]
    private static partial Regex AcronymAsked();

    [GeneratedRegex(@"\bsingle inspection\b")]
    private static partial Regex SingleInspection();

    [GeneratedRegex(@"\bannual performance assessment\b|\bapa\b")]
    private static partial Regex Apa();

    [GeneratedRegex(@"\bannual (children'?s services )?assessment\b")]
    private static partial Regex AnnualAssessment();

    [GeneratedRegex(@"\bsafeguarding and looked[- ]after children\b")]
    private static partial Regex Slac();

    [GeneratedRegex(@"\binspection of looked[- ]after children\b|\blooked[- ]after children('s)? services inspection\b|\b(20\d\d|its|the) (ofsted )?inspection of looked[- ]after children\b")]
    private static partial Regex LacInspection();

    [GeneratedRegex(@"\blscb review\b|\breview of the (effectiveness of the )?(lscb|local safeguarding children'?s? board)\b")]
    private static partial Regex LscbReview();

    [GeneratedRegex(@"\bfocused visit\b")]
    private static partial Regex FocusedVisit();

    [GeneratedRegex(@"\bmonitoring visit\b")]
    private static partial Regex MonitoringVisit();

    [GeneratedRegex(@"\bre-?inspect(ed|ion)\b")]
    private static partial Regex Reinspection();

    [GeneratedRegex(@"\b(19|20)\d{2}s?\b")]
    private static partial Regex YearWord();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}&]*(?:[-'’]\p{L}+)*")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'-]*")]
    private static partial Regex Word();
}
