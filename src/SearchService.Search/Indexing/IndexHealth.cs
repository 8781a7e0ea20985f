using SearchService.Search.Searching;

namespace SearchService.Search.Indexing;

/// <summary>Whether an index opens and answers: what start-up, /ready, the CLI and every build check.</summary>
public sealed record IndexHealth(bool Ok, string? Generation, int Documents, int Paragraphs, string? Problem)
{
    /// <summary>
    /// Opens the index served from <paramref name="folder"/> (or a generation folder), counts its
    /// documents and paragraphs, and runs a search that reads a stored paragraph back. Never throws:
    /// a missing or damaged index is a result with its reason (no paths in it, so it can be shown to users).
    /// </summary>
    public static IndexHealth Check(string folder)
    {
        string? generation = null;
        try
        {
            generation = IndexGenerations.Current(folder);
            if (!ReportIndex.Exists(folder)) return new IndexHealth(false, generation, 0, 0, "there is no index yet");
            // No time budget: on a busy machine a cut search would look like missing paragraphs.
            using var index = ReportIndex.Open(folder, limits: new SearchLimits { TimeLimitMs = 0 });
            return Probe(index, generation);
        }
        catch (IndexFormatException e)
        {
            // Not served, but what it holds still counts: a build must not silently replace it with far fewer documents.
            return new IndexHealth(false, generation, e.Documents, e.Paragraphs, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new IndexHealth(false, generation, 0, 0, Describe(e));
        }
    }

    /// <summary>Checks an index that is already open: the served one.</summary>
    public static IndexHealth Probe(ReportIndex index, string? generation = null)
    {
        try
        {
            int documents = index.Documents.Count, paragraphs = index.ParagraphCount;
            if (documents == 0) return new IndexHealth(false, generation, 0, 0, "the index holds no documents");
            // Every paragraph, then one of them by its own id and by a word of its text: postings, stored fields and doc values all read.
            var all = index.Search(new SearchRequest { PageSize = 1, Facets = false });
            // A search cut by the served index's time budget counts only part of the index: slow, not damaged.
            if ((all.Total != paragraphs && !all.Partial) || all.Hits.Count == 0)
                return new IndexHealth(false, generation, documents, paragraphs, $"the documents list {paragraphs} paragraphs but a search finds {all.Total}");
            var first = all.Hits[0].Paragraph;
            if (index.GetParagraph(first.Id) is null)
                return new IndexHealth(false, generation, documents, paragraphs, "a paragraph found by search cannot be read back by its id");
            // Its longest word: a short one ("This") may be a stop word the query analyser drops.
            var word = first.Text.Split(' ', '\n').Where(w => w.Length > 3 && w.All(char.IsLetter)).MaxBy(w => w.Length);
            if (word is not null && index.Search(new SearchRequest { Query = word, PageSize = 1, Facets = false }).Total == 0)
                return new IndexHealth(false, generation, documents, paragraphs, $"a search for '{word}', printed in the index, finds nothing");
            return new IndexHealth(true, generation, documents, paragraphs, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new IndexHealth(false, generation, 0, 0, Describe(e));
        }
    }

    /// <summary>The reason in words, without the paths Lucene puts into its messages.</summary>
    public static string Describe(Exception e) => e switch
    {
        IndexFormatException => e.Message,
        Lucene.Net.Index.IndexNotFoundException => "there is no index yet",
        Lucene.Net.Index.CorruptIndexException => "the index files are damaged (a checksum or format check failed)",
        EndOfStreamException => "an index file is truncated",
        FileNotFoundException => "an index file is missing",
        UnauthorizedAccessException => "the index files cannot be read (permissions)",
        IOException => "the index files cannot be read",
        System.Text.Json.JsonException => "a stored record in the index is damaged",
        // Lucene reports a damaged compound or segment file in many ways (ArgumentException, InvalidOperationException, …).
        _ => $"the index files are damaged or unreadable ({e.GetType().Name})",
    };
}
