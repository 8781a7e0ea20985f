using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Store;
using SearchService.Core;
using SearchService.Core.Reading;
using SearchService.Search.Analysis;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// The document's metadata has one home: a stored paragraph holds its own fields and its
/// document's id, and is read back joined with its document from the catalog. Indexes written
/// before the format was recorded are read with the same values; a newer format is refused.
/// </summary>
public sealed class StoredRecordTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>, IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("searchservice-stored-").FullName;

    /// <summary>The document metadata a paragraph's record carried again before format 2.</summary>
    private static readonly string[] DocumentFields =
        ["documentTitle", "documentType", "publisher", "partOf", "authority", "date", "year", "framework", "region", "authorityType", "laCode", "onsCode"];

    [Fact]
    public void A_served_document_holds_each_paragraph_id_once_and_its_sections_judgements_and_front_page_refer_to_it()
    {
        var documents = seeds.Index.Documents;
        Assert.NotEmpty(documents);
        int shared = 0;
        foreach (var d in documents)
        {
            var own = new HashSet<object>(d.ParagraphIds, ReferenceEqualityComparer.Instance);
            var referred = d.Sections.SelectMany(s => s.ParagraphIds)
                .Concat(d.Judgements.Select(j => j.ParagraphId).OfType<string>())
                .Concat(d.FrontPageParagraphId is { } front ? [front] : []);
            foreach (var id in referred)
            {
                Assert.Contains(id, d.ParagraphIds); // the same value ...
                Assert.True(own.Contains(id), $"{d.Id}: {id} is a string of its own"); // ... and the same string
                shared++;
            }
        }
        Assert.True(shared >= seeds.Summary.Paragraphs, $"{shared} references for {seeds.Summary.Paragraphs} paragraphs");
    }

    [Fact]
    public void A_paragraph_is_stored_with_its_own_fields_and_its_documents_id_and_the_commit_records_the_format()
    {
        using var directory = FSDirectory.Open(IndexGenerations.ServedPath(seeds.Folder));
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(IndexSchema.Format.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.IndexCommit.UserData[IndexSchema.FormatKey]);
        var paragraphs = new Lucene.Net.Search.IndexSearcher(reader).Search(new Lucene.Net.Search.TermQuery(new Term(IndexSchema.Kind, IndexSchema.KindParagraph)), reader.MaxDoc);
        Assert.Equal(seeds.Summary.Paragraphs, paragraphs.TotalHits);
        foreach (var sd in paragraphs.ScoreDocs)
        {
            var stored = reader.Document(sd.Doc);
            Assert.Null(stored.Get(IndexSchema.Json)); // an older build finds no paragraph record here, and fails its check rather than misread
            var json = JsonNode.Parse(stored.Get(IndexSchema.ParagraphJson))!.AsObject();
            Assert.False(string.IsNullOrEmpty((string?)json["documentId"]));
            Assert.All(DocumentFields, f => Assert.False(json.ContainsKey(f), $"{f} is the document's, stored once in its record"));
        }
    }

    [Fact]
    public void Records_read_back_hold_what_was_indexed_and_the_paragraphs_of_a_document_share_its_one_record()
    {
        var documents = System.IO.Directory.GetFiles(ProjectPaths.Seeds).Order(StringComparer.Ordinal)
            .SelectMany(f => Corpus.Read(f, DocumentReaders.Default).Documents).ToList();
        Assert.Equal(seeds.Summary.Documents, documents.Count);
        foreach (var d in documents)
        {
            var record = seeds.Index.GetDocument(d.Id)!;
            Assert.Equal(JsonSerializer.Serialize(DocumentRecord.From(d), Web), JsonSerializer.Serialize(record, Web));
            var read = seeds.Index.GetParagraphs(d.Paragraphs.Select(p => p.Id));
            Assert.Equal(d.Paragraphs.Select(p => p.Id), read.Select(p => p.Id));
            foreach (var (p, r) in d.Paragraphs.Zip(read))
            {
                Assert.Same(record, r.Document);
                Assert.Equal((d.Id, p.Label, p.Ordinal, p.Text, p.Kind, p.OutcomeArea, p.Grade, Citations.Plain(d, p.Label)),
                    (r.DocumentId, r.Label, r.Ordinal, r.Text, r.Kind, r.OutcomeArea, r.Grade, r.Citation));
                Assert.Equal(p.SectionPath, r.SectionPath);
            }
        }
        // A page of hits, and an export (which reads without the record cache), join the same instance.
        var hits = seeds.Index.Search(new SearchRequest { Query = "children", PageSize = 50 }).Hits;
        Assert.All(hits, h => Assert.Same(seeds.Index.GetDocument(h.Paragraph.DocumentId), h.Paragraph.Document));
        using var export = seeds.Index.Matching(new SearchRequest { Query = "children" }, 10_000);
        Assert.All(export.Rows, p => Assert.Same(seeds.Index.GetDocument(p.DocumentId), p.Document));
    }

    [Fact]
    public void An_index_written_before_formats_were_recorded_is_read_with_the_metadata_its_paragraphs_carried()
    {
        // Built by the CLI of main 996861f (format 1: every paragraph's record carried its document's metadata) from two seeds.
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Data", "index-format-1"), _folder);
        var health = IndexHealth.Check(_folder);
        Assert.True(health.Ok, health.Problem);
        using var index = ReportIndex.Open(_folder);
        using var directory = FSDirectory.Open(IndexGenerations.ServedPath(_folder));
        using var reader = DirectoryReader.Open(directory);
        Assert.False(reader.IndexCommit.UserData.ContainsKey(IndexSchema.FormatKey));
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        var legacy = searcher.Search(new Lucene.Net.Search.TermQuery(new Term(IndexSchema.Kind, IndexSchema.KindParagraph)), reader.MaxDoc).ScoreDocs
            .Select(sd => JsonNode.Parse(reader.Document(sd.Doc).Get(IndexSchema.Json))!.AsObject()).ToList();
        Assert.Equal(health.Paragraphs, legacy.Count);
        Assert.True(legacy.Count > 100);
        foreach (var old in legacy)
        {
            var p = index.GetParagraph((string)old["id"]!)!;
            Assert.Same(index.GetDocument(p.DocumentId), p.Document);
            // The record joined with its document, in format 1's flat shape: equal to what format 1 stored, field by field.
            var joined = JsonSerializer.SerializeToNode(new
            {
                p.Id,
                p.DocumentId,
                DocumentTitle = p.Document.Title,
                p.Document.DocumentType,
                p.Document.Publisher,
                p.Document.PartOf,
                p.Document.Authority,
                p.Document.Date,
                p.Document.Year,
                p.SectionPath,
                p.OutcomeArea,
                p.Grade,
                p.Label,
                p.Ordinal,
                p.Text,
                p.Kind,
                p.Citation,
                p.Document.Framework,
                p.Document.Region,
                p.Document.AuthorityType,
                p.Document.LaCode,
                p.Document.OnsCode,
            }, Web);
            Assert.True(JsonNode.DeepEquals(old, joined), $"{p.Id}:\n{old.ToJsonString()}\n{joined!.ToJsonString()}");
        }
        Assert.True(index.Search(new SearchRequest { Query = "children" }).Total > 0);
    }

    [Theory]
    [InlineData("3", "a newer build (stored-record format 3")]
    [InlineData("two", "another build (an unknown stored-record format")]
    public void An_index_of_a_format_this_build_does_not_know_is_refused_with_the_reason_and_still_guards_its_documents(string format, string reason)
    {
        var built = IndexBuilder.Build([ProjectPaths.Seeds], _folder);
        RecordFormat(IndexGenerations.ServedPath(_folder), format);

        var refused = Assert.Throws<IndexFormatException>(() => ReportIndex.Open(_folder));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        var health = IndexHealth.Check(_folder);
        Assert.False(health.Ok);
        Assert.Contains(reason, health.Problem, StringComparison.Ordinal);
        Assert.Equal((built.Documents, built.Paragraphs), (health.Documents, health.Paragraphs));

        // Not silently replaced by a far smaller index: the shrink guard still counts what it holds.
        var one = System.IO.Directory.GetFiles(ProjectPaths.Seeds).Order(StringComparer.Ordinal).First();
        var e = Assert.Throws<IndexBuildRefusedException>(() => IndexBuilder.Build([one], _folder));
        Assert.Equal(BuildRefusal.FewerDocuments, e.Reason);
    }

    /// <summary>Commits <paramref name="format"/> into the index's user data, as a build of another format would have.</summary>
    private static void RecordFormat(string lucenePath, string format)
    {
        using var directory = FSDirectory.Open(lucenePath);
        using var analyzer = new ReportAnalyzer(Stemmer.KStem);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ReportAnalyzer.Version, analyzer) { OpenMode = OpenMode.APPEND });
        writer.SetCommitData(new Dictionary<string, string> { [IndexSchema.FormatKey] = format });
        writer.Commit();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in System.IO.Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            System.IO.Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in System.IO.Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
