using System.Text.Json.Serialization;

namespace SearchService.Core.Model;

/// <summary>What the reader could not resolve about a document (or a file it could not read): the kinds of the data-quality listing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QualityProblem>))]
public enum QualityProblem
{
    /// <summary>No gazetteer row for the authority: the document is filed under "Unknown", never a guess.</summary>
    [JsonStringEnumMemberName("authority-unresolved")] AuthorityUnresolved,
    /// <summary>Not recognised as any framework or kind of paper: typed "Other".</summary>
    [JsonStringEnumMemberName("type-unrecognised")] TypeUnrecognised,
    /// <summary>No publication date, printed or otherwise known (or one before the inspection ended).</summary>
    [JsonStringEnumMemberName("publication-date-unread")] PublicationDateUnread,
    /// <summary>The framework prints the inspection's dates on its front page, but they were not read (or end before they start).</summary>
    [JsonStringEnumMemberName("inspection-dates-unread")] InspectionDatesUnread,
    /// <summary>The framework prints judgements, but none, or not all it always prints, were read; or a judgement table's rows could not be paired with grades.</summary>
    [JsonStringEnumMemberName("judgements-unread")] JudgementsUnread,
    /// <summary>A grade printed under a heading (or in a table row) that names no outcome area of the framework's vocabulary.</summary>
    [JsonStringEnumMemberName("graded-heading-without-area")] GradedHeadingWithoutArea,
    /// <summary>A file that could not be read at ingest (not a PDF, damaged, over a limit): nothing of it is indexed.</summary>
    [JsonStringEnumMemberName("file-not-read")] FileNotRead,
    /// <summary>A file passed over at ingest on purpose (a symbolic link, a folder's README, a FIFO, no text): named with the reason.</summary>
    [JsonStringEnumMemberName("file-skipped")] FileSkipped,
}

/// <summary>One thing that needs a look, and what exactly, in words a user can act on.</summary>
public sealed record QualityFinding(QualityProblem Problem, string Detail);

/// <summary>The kinds' names as written in JSON and on the command line ("authority-unresolved").</summary>
public static class QualityProblems
{
    public static string Name(QualityProblem problem) => System.Text.Json.JsonSerializer.Serialize(problem).Trim('"');
}
