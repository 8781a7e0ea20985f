using SearchService.Core.Reading;

namespace SearchService.Core.Tests;

/// <summary>Every document keeps its own id, even when its authority and date are not recognised.</summary>
public class DocumentIdTests
{
    private static string IdOf(string path, string text) =>
        Assert.Single(ReportParser.Parse(new SourceText(path, text, SourceFormat.Text))).Id;

    [Fact]
    public void Unrecognised_documents_get_distinct_ids_from_their_content_and_the_same_id_again_when_read_again()
    {
        string[] texts =
        [
            "Notes from a meeting\n\nThe group discussed training for foster carers.",
            "Notes from a meeting\n\nThe group discussed the budget for the youth service.",
            "Minutes\n\nApologies were received from two members.",
        ];
        var ids = texts.Select((t, i) => IdOf($"note-{i}.txt", t)).ToList();
        Assert.Equal(3, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(ids, id => id.EndsWith("undated-doc", StringComparison.Ordinal));
        // Stable: the id comes from the content, not the file name or the order read.
        Assert.Equal(ids[0], IdOf("elsewhere.txt", texts[0]));
    }
}
