using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SearchService.Core;
using SearchService.Core.Model;
using SearchService.Search.Analysis;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace SearchService.Search.Indexing;

/// <summary>
/// Writes documents and their paragraphs into a Lucene index. A build replaces the index
/// contents in one commit: readers see the old index until the commit and the whole new one
/// after it, and a build that dies part-way leaves the last commit as it was.
/// </summary>
public sealed class ReportIndexWriter : IDisposable
{
    private readonly IndexWriter _writer;
    private readonly FSDirectory _directory;
    private readonly HashSet<string> _documentIds = new(StringComparer.Ordinal);
    private readonly AcronymLearner _learner = new();

    /// <summary>Starts a build that will replace everything in <paramref name="indexPath"/> when committed.</summary>
    public ReportIndexWriter(string indexPath) : this(indexPath, Stemmer.KStem) { }

    /// <summary>A build analysed with another stemmer (for measuring them; see <see cref="Stemmer"/>).</summary>
    internal ReportIndexWriter(string indexPath, Stemmer stemmer)
    {
        System.IO.Directory.CreateDirectory(indexPath);
        _directory = FSDirectory.Open(indexPath);
        var config = new IndexWriterConfig(ReportAnalyzer.Version, new ReportAnalyzer(stemmer))
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
    }

    public int ParagraphCount { get; private set; }
    public int DocumentCount => _documentIds.Count;

    /// <summary>Adds a document; a second document with the same id (the same file twice) is refused.</summary>
    public bool Add(ReportDocument document)
    {
        if (!_documentIds.Add(document.Id)) return false;
        var docFields = new LuceneDocument
        {
            new StringField(IndexSchema.Kind, IndexSchema.KindDocument, Field.Store.NO),
            new StringField(IndexSchema.Id, document.Id, Field.Store.YES),
            new StringField(IndexSchema.Authority, document.Authority, Field.Store.NO),
            new StoredField(IndexSchema.Json, JsonSerializer.Serialize(DocumentRecord.From(document), RecordJson.Default.DocumentRecord)),
        };
        _writer.AddDocument(docFields);
        _learner.Add(document);
        foreach (var p in document.Paragraphs)
        {
            _writer.AddDocument(ParagraphFields(document, p));
            ParagraphCount++;
        }
        return true;
    }

    private static LuceneDocument ParagraphFields(ReportDocument d, Paragraph p)
    {
        var framework = Frameworks.Name(d.Framework);
        var year = d.Year?.ToString(CultureInfo.InvariantCulture);
        var fields = new LuceneDocument
        {
            new StringField(IndexSchema.Kind, IndexSchema.KindParagraph, Field.Store.NO),
            new StringField(IndexSchema.Id, p.Id, Field.Store.YES),
            new StringField(IndexSchema.DocumentId, d.Id, Field.Store.NO),
            new SortedDocValuesField(IndexSchema.DocumentId, new Lucene.Net.Util.BytesRef(d.Id)),
            new TextField(IndexSchema.Text, p.Text, Field.Store.NO),
            new TextField(IndexSchema.Heading, string.Join(" \u2029 ", p.SectionPath), Field.Store.NO),
            new NumericDocValuesField(IndexSchema.Date, d.Date is { } dt ? dt.Year * 10000L + dt.Month * 100 + dt.Day : 0),
            new SingleDocValuesField(IndexSchema.Quality, Quality(p)),
            // Only the paragraph's own fields: its document's metadata is stored once, in the document's record.
            new StoredField(IndexSchema.ParagraphJson, JsonSerializer.Serialize(ParagraphRecord.Stored(d, p), RecordJson.Default.ParagraphRecord)),
        };
        AddFacet(fields, IndexSchema.Authority, d.Authority);
        AddFacet(fields, IndexSchema.DocumentType, d.DocumentType);
        AddFacet(fields, IndexSchema.Framework, framework);
        AddFacet(fields, IndexSchema.Region, d.LocalAuthority?.Region);
        AddFacet(fields, IndexSchema.AuthorityType, d.LocalAuthority?.Type);
        AddFacet(fields, IndexSchema.Year, year);
        AddFacet(fields, IndexSchema.OutcomeArea, p.OutcomeArea);
        AddFacet(fields, IndexSchema.Grade, p.Grade?.Label);
        if (d.Year is { } y) fields.Add(new Int32Field(IndexSchema.YearNumber, y, Field.Store.NO));
        return fields;
    }

    /// <summary>
    /// A prior on how much a paragraph is real text (0–1): very short fragments and bare
    /// lists get less, so they never outrank a paragraph that discusses the query.
    /// </summary>
    internal static float Quality(Paragraph p)
    {
        int words = p.Text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        double q = Math.Min(1.0, 0.35 + words / 40.0);
        if (p.Kind == ParagraphKind.Table) q *= 0.8;
        return (float)q;
    }

    private static void AddFacet(LuceneDocument fields, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        fields.Add(new StringField(name, value, Field.Store.NO));
        fields.Add(new SortedDocValuesField(name, new Lucene.Net.Util.BytesRef(value)));
    }

    /// <summary>The acronyms the documents added so far define (what the commit stores with them).</summary>
    public IReadOnlyList<LearnedAcronym> Learned => _learner.Build();

    /// <summary>Makes the new contents visible to readers, all at once, with the acronyms their documents define and the stored records' format (<see cref="IndexSchema.Format"/>).</summary>
    public void Commit()
    {
        _writer.AddDocument(new LuceneDocument
        {
            new StringField(IndexSchema.Kind, IndexSchema.KindLearned, Field.Store.NO),
            new StoredField(IndexSchema.Json, JsonSerializer.Serialize(_learner.Build().ToList(), RecordJson.Default.ListLearnedAcronym)),
        });
        _writer.SetCommitData(IndexFormat.CommitData());
        _writer.Commit();
        _committed = true;
    }

    private bool _committed;

    /// <summary>Closes the writer; a build never committed is rolled back, leaving the previous index intact.</summary>
    public void Dispose()
    {
        if (_committed) _writer.Dispose();
        else _writer.Rollback();
        _directory.Dispose();
    }
}
