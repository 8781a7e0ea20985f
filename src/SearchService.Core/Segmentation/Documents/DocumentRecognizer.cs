using System.Globalization;
using System.Text.RegularExpressions;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Prose;
using SearchService.Core.Segmentation.Lines;

namespace SearchService.Core.Segmentation;

/// <summary>
/// Recognises what a document is from its text alone (never its file name): APA letters,
/// annual children's services assessments, inspection reports, and council meeting packs,
/// which it splits into their sub-documents (agenda, minutes, briefing notes, work programme).
/// </summary>
public static partial class DocumentRecognizer
{
    /// <param name="produced">When the source file was produced (a PDF's own creation date), if known.</param>
    public static IReadOnlyList<DocumentProfile> Recognise(IReadOnlyList<string> lines, DateOnly? produced = null)
    {
        var plain = lines.Select(l => Markup.Strip(Markup.HeadingLevel(l.Trim(), out var t) > 0 ? t : l)).ToList();
        var head = string.Join("\n", plain.Take(120));

        if (ScrutinyPack().IsMatch(head) && head.Contains("Time and Date", StringComparison.OrdinalIgnoreCase))
            return ScrutinyPackProfiles(lines, plain);
        if (Apa().IsMatch(head) && head.Contains("Dear ", StringComparison.Ordinal))
            return [ApaLetter(lines, plain)];
        if (AnnualAssessment().IsMatch(head) && head.Contains("Dear ", StringComparison.Ordinal))
            return [AnnualAssessmentLetter(lines, plain)];
        if (SlacTitle().IsMatch(head))
            return [SafeguardingInspection(lines, plain)];
        if (OfstedReportRecognizer.TryRecognise(lines, plain, produced) is { } ofsted)
            return [ofsted];
        return [Generic(lines, plain)];
    }

    // ---- Letters ---------------------------------------------------------------------------

    private static DocumentProfile ApaLetter(IReadOnlyList<string> lines, List<string> plain)
    {
        int titleAt = plain.FindIndex(l => Apa().IsMatch(l) && l.Length < 200);
        var rawTitle = titleAt >= 0 ? plain[titleAt] : "Annual performance assessment";
        var authority = AuthorityAfter(rawTitle, " IN ") ?? AddresseeAuthority(plain) ?? Authorities.FindNamedIn(rawTitle);
        return OfstedLetter(lines, plain, titleAt, ApaKind, SentenceCase(rawTitle), authority, LetterDate(plain));
    }

    private static DocumentProfile AnnualAssessmentLetter(IReadOnlyList<string> lines, List<string> plain)
    {
        int titleAt = plain.FindIndex(l => AnnualAssessment().IsMatch(l) && l.Length < 120);
        var authority = AddresseeAuthority(plain) ?? (titleAt >= 0 ? Authorities.FindNamedIn(plain[titleAt]) : null);
        var date = LetterDate(plain);
        var title = $"Annual children's services assessment {date?.Year.ToString(CultureInfo.InvariantCulture) ?? ""}: {authority?.Name ?? Authorities.Unresolved}".Replace("  ", " ");
        return OfstedLetter(lines, plain, titleAt, AnnualAssessmentKind, title, authority, date);
    }

    /// <summary>The kind of an Ofsted letter: its document type, framework, numeric grade scale and id stem.</summary>
    private sealed record LetterKind(string DocumentType, Framework Framework, GradeScale Scale, string IdStem);

    private static readonly LetterKind ApaKind = new(DocumentTypes.AnnualPerformanceAssessment, Framework.AnnualPerformanceAssessment, GradeScales.Apa, "apa");
    private static readonly LetterKind AnnualAssessmentKind =
        new(DocumentTypes.AnnualChildrensServicesAssessment, Framework.AnnualChildrensServicesAssessment, GradeScales.AnnualAssessment, "annual-assessment");

    /// <summary>An Ofsted letter to a council (APA, annual assessment): published on the date it bears, its body from the title to the sign-off.</summary>
    private static DocumentProfile OfstedLetter(IReadOnlyList<string> lines, List<string> plain, int titleAt, LetterKind kind, string title, LocalAuthority? authority, DateOnly? date)
    {
        var (start, end) = LetterBody(plain, titleAt);
        return new DocumentProfile
        {
            DocumentType = kind.DocumentType,
            Framework = kind.Framework,
            Title = title,
            Publisher = "Ofsted",
            Authority = authority,
            FrontMatter = FrontMatter.None with { Published = date, PublishedBasis = date is null ? DateBasis.None : DateBasis.LetterDate },
            IdDate = date,
            NumericScale = kind.Scale,
            BodyLines = Slice(lines, start, end),
            IdStem = kind.IdStem,
        };
    }

    /// <summary>The letter's date: the first line that is a date, before the salutation.</summary>
    private static DateOnly? LetterDate(List<string> plain)
    {
        foreach (var l in plain)
        {
            if (l.StartsWith("Dear ", StringComparison.Ordinal)) break;
            if (PrintedDates.IsDateLine(l, out var d)) return d;
        }
        return PrintedDates.FindFirst(string.Join("\n", plain.Take(40)));
    }

    /// <summary>The council named in the address block (the lines between the date and "Dear …").</summary>
    private static LocalAuthority? AddresseeAuthority(List<string> plain)
    {
        int dear = plain.FindIndex(l => l.StartsWith("Dear ", StringComparison.Ordinal));
        if (dear < 0) return null;
        for (int i = Math.Max(0, dear - 15); i < dear; i++)
        {
            foreach (Match m in CouncilName().Matches(plain[i]))
                if (Authorities.Resolve(m.Value) is { } a) return a;
        }
        return null;
    }

    /// <summary>Body of a letter: after the salutation (and its title line), up to the sign-off.</summary>
    private static (int Start, int End) LetterBody(List<string> plain, int titleAt)
    {
        int dear = plain.FindIndex(l => l.StartsWith("Dear ", StringComparison.Ordinal));
        int start = Math.Max(dear, titleAt) + 1;
        int end = plain.FindIndex(start, l => SignOff().IsMatch(l));
        return (start, end < 0 ? plain.Count : end);
    }

    // ---- Inspection reports ----------------------------------------------------------------

    private static DocumentProfile SafeguardingInspection(IReadOnlyList<string> lines, List<string> plain)
    {
        int titleAt = plain.FindIndex(l => SlacTitle().IsMatch(l));
        // The authority stands on its own line right after the title.
        LocalAuthority? authority = null;
        int afterTitle = titleAt + 1;
        for (; afterTitle < plain.Count && afterTitle < titleAt + 6; afterTitle++)
        {
            if (plain[afterTitle].Length == 0) continue;
            authority = Authorities.Resolve(plain[afterTitle]);
            break;
        }
        var fields = FrontPageFields.Read(plain.Take(60));
        int bodyStart = FrontMatterEnd(plain, afterTitle);
        var published = fields.Published;
        return new DocumentProfile
        {
            DocumentType = DocumentTypes.SafeguardingAndLookedAfterChildrenInspection,
            Framework = Framework.SafeguardingAndLookedAfterChildrenInspection,
            Title = $"Inspection of safeguarding and looked after children services: {authority?.Name ?? Authorities.Unresolved}",
            Publisher = "Ofsted",
            Authority = authority,
            FrontMatter = new FrontMatter(published, published is null ? DateBasis.None : DateBasis.PrintedPublication,
                fields.InspectionStart, fields.InspectionEnd, fields.LeadInspector ?? FrontPageFields.LeadInspectorAnywhere(plain)),
            IdDate = published ?? fields.InspectionEnd,
            NumericScale = GradeScales.Inspection,
            FrontPageLines = fields.Lines,
            BodyLines = Slice(lines, bodyStart, lines.Count),
            IdStem = "slac-inspection",
        };
    }

    /// <summary>Where the cover page ends: after the contents list if there is one, else after the cover's metadata lines.</summary>
    private static int FrontMatterEnd(List<string> plain, int from)
    {
        int contents = plain.FindIndex(from, l => l.Equals("Contents", StringComparison.OrdinalIgnoreCase));
        if (contents >= 0) return contents; // the block builder drops the contents list itself
        int last = from;
        for (int i = from; i < Math.Min(plain.Count, from + 40); i++)
            if (OfstedReportRecognizer.IsCoverLine(plain[i])) last = i + 1;
        return last;
    }

    // ---- Council meeting packs -------------------------------------------------------------

    private static List<DocumentProfile> ScrutinyPackProfiles(IReadOnlyList<string> lines, List<string> plain)
    {
        var board = plain.FirstOrDefault(l => ScrutinyPack().IsMatch(l) && l.Length < 100) ?? "Scrutiny Board";
        var council = plain.Select(l => CouncilLine().Match(l)).FirstOrDefault(m => m.Success)?.Value.Trim();
        var authority = council is null ? WholeLineAuthority(plain.Take(80)) : Authorities.Resolve(council);
        var publisher = council ?? (authority is null ? "Unknown" : $"{authority.Name} Council");
        int timeAt = plain.FindIndex(l => l.Equals("Time and Date", StringComparison.OrdinalIgnoreCase));
        DateOnly? meeting = null;
        for (int i = timeAt + 1; i < Math.Min(plain.Count, timeAt + 5) && meeting is null; i++) meeting = PrintedDates.FindFirst(plain[i]);
        var partOf = meeting is { } md ? $"{board}, {Format(md)}" : board;

        var starts = SubDocumentStarts(plain);
        var profiles = new List<DocumentProfile>();
        for (int k = 0; k < starts.Count; k++)
        {
            int from = starts[k], to = k + 1 < starts.Count ? starts[k + 1] : lines.Count;
            var sub = plain.GetRange(from, to - from);
            profiles.Add(SubDocument(Slice(lines, from, to), sub, board, partOf, publisher, authority, meeting));
        }
        return profiles;
    }

    /// <summary>Line indexes where the pack's sub-documents begin: the agenda, then each minutes, briefing note and work programme.</summary>
    private static List<int> SubDocumentStarts(List<string> plain)
    {
        var starts = new List<int> { 0 };
        for (int i = 1; i < plain.Count; i++)
        {
            var l = plain[i];
            int start = -1;
            if (l.StartsWith("Minutes of the Meeting", StringComparison.OrdinalIgnoreCase) || l.Equals("Briefing note", StringComparison.OrdinalIgnoreCase))
                start = PreviousNonBlank(plain, i) is int p && CouncilLine().IsMatch(plain[p]) ? p : i;
            else if (WorkProgrammeTitle().IsMatch(l))
                start = PreviousNonBlank(plain, i) is int p && plain[p].Length < 80 && !LineShapes.IsFurniture(plain[p]) ? p : i;
            if (start > starts[^1]) starts.Add(start);
        }
        return starts;
    }

    private static int? PreviousNonBlank(List<string> plain, int i)
    {
        for (int j = i - 1; j >= 0; j--) if (plain[j].Length > 0) return j;
        return null;
    }

    private static DocumentProfile SubDocument(List<string> lines, List<string> plain, string board, string partOf,
        string publisher, LocalAuthority? authority, DateOnly? meeting)
    {
        string type, title, stem;
        DateOnly? date = meeting;
        int bodyStart = 0;
        int minutesAt = plain.FindIndex(l => l.StartsWith("Minutes of the Meeting", StringComparison.OrdinalIgnoreCase));
        int briefingAt = plain.FindIndex(l => l.Equals("Briefing note", StringComparison.OrdinalIgnoreCase));
        int programmeAt = plain.FindIndex(l => WorkProgrammeTitle().IsMatch(l));
        if (minutesAt >= 0 && minutesAt < 5)
        {
            type = DocumentTypes.Minutes;
            stem = "minutes";
            var heldLine = string.Join(" ", plain.Skip(minutesAt).Take(3));
            date = PrintedDates.FindFirst(heldLine) ?? meeting;
            title = date is { } d ? $"Minutes of the meeting held on {Format(d)}" : "Minutes";
            bodyStart = plain.FindIndex(minutesAt, l => l.StartsWith("held ", StringComparison.OrdinalIgnoreCase)) + 1;
            if (bodyStart <= 0) bodyStart = minutesAt + 1;
        }
        else if (briefingAt >= 0 && briefingAt < 5)
        {
            type = DocumentTypes.BriefingNote;
            stem = "briefing";
            (title, date, bodyStart) = BriefingNote(plain, briefingAt, meeting);
        }
        else if (programmeAt >= 0 && programmeAt < 5)
        {
            type = DocumentTypes.WorkProgramme;
            stem = "work-programme";
            title = plain[programmeAt];
            bodyStart = programmeAt + 1;
        }
        else
        {
            type = DocumentTypes.Agenda;
            stem = "agenda";
            title = "Agenda";
            int boardAt = plain.FindIndex(l => l == board);
            bodyStart = boardAt + 1;
        }
        return new DocumentProfile
        {
            DocumentType = type,
            Framework = Framework.CouncilPapers,
            Title = title,
            Publisher = publisher,
            Authority = authority,
            FrontMatter = FrontMatter.None with { Published = date, PublishedBasis = date is null ? DateBasis.None : DateBasis.MeetingDate },
            IdDate = date,
            PartOf = partOf,
            NumericScale = GradeScales.SchoolInspection,
            BodyLines = Slice(lines, bodyStart, lines.Count),
            IdStem = stem,
        };
    }

    /// <summary>A briefing note's title (its subject), the first date printed above its body (else the meeting's), and where the body starts.</summary>
    private static (string Title, DateOnly? Date, int BodyStart) BriefingNote(List<string> plain, int briefingAt, DateOnly? meeting)
    {
        // "Subject" on its own line with the subject on the next, or "Subject: …" on one line.
        int subjectAt = plain.FindIndex(l => l.StartsWith("Subject", StringComparison.OrdinalIgnoreCase));
        string subject = "";
        int bodyStart;
        if (subjectAt >= 0)
        {
            subject = plain[subjectAt]["Subject".Length..].Trim(' ', ':');
            int next = subjectAt + 1;
            if (subject.Length == 0)
            {
                while (next < plain.Count && plain[next].Length == 0) next++;
                if (next < plain.Count) { subject = plain[next]; }
            }
            bodyStart = (subject.Length > 0 && plain[subjectAt].Trim().Length <= "Subject:".Length ? next : subjectAt) + 1;
        }
        else bodyStart = briefingAt + 1;
        var date = meeting;
        foreach (var l in plain.Take(Math.Max(bodyStart, 1)))
            if (PrintedDates.FindFirst(l) is { } d) { date = d; break; }
        return (subject.Length > 0 ? $"Briefing note — {subject}" : "Briefing note", date, bodyStart);
    }

    // ---- Anything else ---------------------------------------------------------------------

    private static DocumentProfile Generic(IReadOnlyList<string> lines, List<string> plain)
    {
        var title = plain.FirstOrDefault(l => l.Length is > 3 and < 150) ?? "Untitled document";
        var front = string.Join("\n", plain.Take(80));
        var authority = WholeLineAuthority(plain.Take(40));
        var date = PrintedDates.FindFirst(front);
        return new DocumentProfile
        {
            DocumentType = DocumentTypes.Other,
            Framework = Framework.Unknown,
            Title = title,
            Publisher = authority is null ? "Unknown" : $"{authority.Name} Council",
            Authority = authority,
            FrontMatter = FrontMatter.None with { Published = date, PublishedBasis = date is null ? DateBasis.None : DateBasis.FirstPrinted },
            IdDate = date,
            BodyLines = lines,
            IdStem = "doc",
        };
    }

    /// <summary>
    /// The authority named by a short line that is a name and nothing else ("Coventry City Council"):
    /// running text that merely mentions an authority does not decide what a document is about.
    /// </summary>
    private static LocalAuthority? WholeLineAuthority(IEnumerable<string> plain) =>
        plain.Where(l => l.Length is > 0 and < 100).Select(Authorities.Resolve).FirstOrDefault(a => a is not null);

    // ---- Helpers ---------------------------------------------------------------------------

    private static List<string> Slice(IReadOnlyList<string> lines, int from, int to) =>
        lines.Skip(Math.Max(0, from)).Take(Math.Max(0, Math.Min(to, lines.Count) - Math.Max(0, from))).ToList();

    private static LocalAuthority? AuthorityAfter(string title, string marker)
    {
        int i = title.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return i < 0 ? null : Authorities.Resolve(title[(i + marker.Length)..]);
    }

    /// <summary>"2007 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES … IN COVENTRY CITY COUNCIL" → "2007 annual performance assessment of services … in Coventry City Council".</summary>
    internal static string SentenceCase(string title)
    {
        if (title.Any(char.IsLower)) return title;
        var lower = title.ToLowerInvariant();
        int i = lower.LastIndexOf(" in ", StringComparison.Ordinal);
        if (i >= 0)
        {
            var place = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(lower[(i + 4)..]);
            place = Regex.Replace(place, @"-(On|Upon|In|Of)-", m => m.Value.ToLowerInvariant());
            lower = lower[..(i + 4)] + place;
        }
        return lower.Length > 0 && char.IsLetter(lower[0]) ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower;
    }

    internal static string Format(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"ANNUAL PERFORMANCE ASSESSMENT", RegexOptions.IgnoreCase)]
    private static partial Regex Apa();

    [GeneratedRegex(@"^annual children'?s services assessment", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex AnnualAssessment();

    [GeneratedRegex(@"^Inspection of safeguarding and looked after children services", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex SlacTitle();

    [GeneratedRegex(@"Scrutiny (Board|Committee|Panel)", RegexOptions.IgnoreCase)]
    private static partial Regex ScrutinyPack();

    [GeneratedRegex(@"^Scrutiny Work Programme\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorkProgrammeTitle();

    [GeneratedRegex(@"^(?:[A-Z][\w'’&,-]*\s+){1,6}(?:City|County|Borough|District|Metropolitan Borough)?\s*Council$")]
    private static partial Regex CouncilLine();

    [GeneratedRegex(@"(?:[A-Z][\w'’&-]*\s+){1,6}(?:City|County|Borough|District|Metropolitan Borough)\s+Council")]
    private static partial Regex CouncilName();

    [GeneratedRegex(@"^(Yours sincerely|Yours faithfully)", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

}
