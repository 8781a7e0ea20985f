using SearchService.Search.Searching;

namespace SearchService.Search.Tests;

/// <summary>
/// Queries typed the way analysts type (acronyms, plurals, American spellings, the sector's
/// other words), each scoped to one authority's reports, with every relevant paragraph found by
/// reading (Data/analyst-judgements.tsv). Half a was used while building the vocabulary, half b
/// only to check it. Floors are the figures measured with every mechanism on (see BENCHMARKS.md);
/// the table of each mechanism on and off is printed.
/// </summary>
[Collection(CorpusCollection.Name)]
public class AnalystRelevanceTests(CorpusIndexFixture corpus, ITestOutputHelper output)
{
    // Measured 2026-11-26 (seeds + 280 reports, every mechanism on, learned acronyms and the groups found by a
    // spelling variant included): the floors are those values.
    // Raised 2026-11-27 after a concept's words apart ranked below its alternatives, each word of a concept kept its own
    // synonyms, and two groups gained terms (BENCHMARKS.md, issue #22): a 0.9248/0.9197 → 0.9351/0.9348, b 0.8773/0.8855 → 0.9611/0.9613
    // (one relevant Somerset paragraph added to the judgements on reading, see BENCHMARKS.md).
    private const double NdcgFloorA = 0.935, RecallFloorA = 0.934; // measured 0.9351, 0.9348
    private const double NdcgFloorB = 0.961, RecallFloorB = 0.961; // measured 0.9611, 0.9613
    // Group c: ten queries written after a and b had been looked at, in authorities neither was drawn from, never used to change the vocabulary.
    private const double NdcgFloorC = 0.946, RecallFloorC = 0.927; // measured before and after the changes of 2026-11-27: 0.9462, 0.9275

    internal sealed record AnalystQuery(string Half, string Mechanism, string Query, string Authority, IReadOnlyList<string> Evidence);

    internal static IReadOnlyList<AnalystQuery> Queries() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "analyst-judgements.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
            .Where(c => c[4] == "1")
            .GroupBy(c => (Half: c[0], Mechanism: c[1], Query: c[2], Authority: c[3]))
            .Select(g => new AnalystQuery(g.Key.Half, g.Key.Mechanism, g.Key.Query, g.Key.Authority, g.Select(c => c[5]).ToList()))
            .ToList();

    /// <summary>The relevant paragraph ids of a query: each excerpt must be in exactly one paragraph of its authority's reports.</summary>
    private IReadOnlySet<string> Relevant(AnalystQuery q, List<string> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ofAuthority = corpus.Index.Documents.Where(d => d.Authority == q.Authority).SelectMany(d => d.ParagraphIds).ToHashSet(StringComparer.Ordinal);
        if (ofAuthority.Count == 0) problems.Add($"{q.Query}: no documents of the authority '{q.Authority}'");
        var texts = ofAuthority.Where(corpus.FoldedTexts.ContainsKey).ToDictionary(id => id, id => corpus.FoldedTexts[id], StringComparer.Ordinal);
        foreach (var e in q.Evidence)
        {
            var found = Evidence.Find(texts, e);
            if (found.Count != 1) problems.Add($"{q.Query} ({q.Authority}): '{e}' is in {found.Count} paragraphs");
            ids.UnionWith(found);
        }
        return ids;
    }

    private (double Ndcg, double Recall, List<string> Lines) Measure(ReportIndex index, IEnumerable<AnalystQuery> queries, List<string> problems)
    {
        double ndcgSum = 0, recallSum = 0;
        int n = 0;
        var lines = new List<string>();
        foreach (var q in queries)
        {
            var relevant = Relevant(q, problems);
            var result = index.Search(new SearchRequest { Query = q.Query, Filters = new SearchFilters { Authority = [q.Authority] }, PageSize = 10 });
            var (ndcg, recall) = RankingMetrics.At10(result.Hits.Select(h => h.Paragraph.Id).ToList(), relevant);
            ndcgSum += ndcg;
            recallSum += recall;
            n++;
            lines.Add($"{q.Half} {q.Mechanism,-8} {q.Query,-22} {q.Authority,-24} nDCG@10 {ndcg:0.000} recall@10 {recall:0.000} ({relevant.Count} relevant, {result.Total} matched; expanded: {string.Join("; ", result.Expansions.Select(x => x.Typed + " → " + string.Join(", ", x.Alternatives)))})");
        }
        return (ndcgSum / n, recallSum / n, lines);
    }

    [Fact]
    public void Analyst_queries_find_their_paragraphs_in_both_halves()
    {
        var queries = Queries();
        Assert.True(queries.Count >= 40, "at least 40 analyst queries");
        Assert.True(queries.Count(q => q.Half == "a") >= 20 && queries.Count(q => q.Half == "b") >= 20, "halves a and b have at least 20 queries each");
        Assert.True(queries.Count(q => q.Half == "c") >= 10, "the held-out group c has at least 10 queries");
        // Group c's authorities are none of a's or b's: it checks the vocabulary on reports it was not built from.
        Assert.Empty(queries.Where(q => q.Half == "c").Select(q => q.Authority).Intersect(queries.Where(q => q.Half != "c").Select(q => q.Authority)));
        var problems = new List<string>();
        var a = Measure(corpus.Index, queries.Where(q => q.Half == "a"), problems);
        var b = Measure(corpus.Index, queries.Where(q => q.Half == "b"), problems);
        var c = Measure(corpus.Index, queries.Where(q => q.Half == "c"), problems);
        foreach (var line in a.Lines.Concat(b.Lines).Concat(c.Lines)) output.WriteLine(line);
        output.WriteLine($"half a: nDCG@10 {a.Ndcg:0.0000} recall@10 {a.Recall:0.0000}; half b: nDCG@10 {b.Ndcg:0.0000} recall@10 {b.Recall:0.0000}; group c: nDCG@10 {c.Ndcg:0.0000} recall@10 {c.Recall:0.0000}");
        Assert.True(problems.Count == 0, "judged evidence not found once in its authority's paragraphs:\n" + string.Join("\n", problems));
        Assert.True(a.Ndcg >= NdcgFloorA && a.Recall >= RecallFloorA, $"half a: nDCG@10 {a.Ndcg:0.000} (floor {NdcgFloorA}), recall@10 {a.Recall:0.000} (floor {RecallFloorA})");
        Assert.True(b.Ndcg >= NdcgFloorB && b.Recall >= RecallFloorB, $"half b: nDCG@10 {b.Ndcg:0.000} (floor {NdcgFloorB}), recall@10 {b.Recall:0.000} (floor {RecallFloorB})");
        Assert.True(c.Ndcg >= NdcgFloorC && c.Recall >= RecallFloorC, $"group c: nDCG@10 {c.Ndcg:0.000} (floor {NdcgFloorC}), recall@10 {c.Recall:0.000} (floor {RecallFloorC})");
    }

    /// <summary>Each mechanism off in turn, and the vocabulary before this one (25 groups), on both halves and on the earlier set: the table in BENCHMARKS.md.</summary>
    [Fact]
    public void Each_mechanism_adds_to_the_analyst_queries()
    {
        var queries = Queries();
        var vocabulary = corpus.Index.Synonyms;
        var before = new Synonyms(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "synonyms-before-vocabulary.txt"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => (IReadOnlyList<string>)l.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList())
        { AlternativeWeight = 1f }.With(VocabularyMechanisms.Groups);
        var rows = new List<(string Name, Synonyms Vocabulary)>
        {
            ("no vocabulary", Synonyms.Empty.With(VocabularyMechanisms.None)),
            ("the 25 groups before (as typed)", before),
            ("curated groups only (as typed)", vocabulary.With(VocabularyMechanisms.Groups)),
            ("all but plural/possessive forms", vocabulary.With(VocabularyMechanisms.All & ~VocabularyMechanisms.Forms)),
            ("all but spellings", vocabulary.With(VocabularyMechanisms.All & ~VocabularyMechanisms.Spellings)),
            ("all but compounds", vocabulary.With(VocabularyMechanisms.All & ~VocabularyMechanisms.Compounds)),
            ("all but curated groups", vocabulary.With(VocabularyMechanisms.All & ~VocabularyMechanisms.Groups)),
            ("all but learned acronyms", vocabulary.With(VocabularyMechanisms.All & ~VocabularyMechanisms.Learned)),
            ("learned acronyms only", vocabulary.With(VocabularyMechanisms.Learned)),
            ("all", vocabulary),
        };
        var earlier = RelevanceTests.Judgements();
        var problems = new List<string>();
        output.WriteLine("| vocabulary | a nDCG@10 | a recall@10 | b nDCG@10 | b recall@10 | c nDCG@10 | c recall@10 | earlier set nDCG@10 | earlier set recall@10 |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var results = new Dictionary<string, double>();
        foreach (var (name, synonyms) in rows)
        {
            using var index = ReportIndex.Open(corpus.Folder, synonyms);
            var a = Measure(index, queries.Where(q => q.Half == "a"), problems);
            var b = Measure(index, queries.Where(q => q.Half == "b"), problems);
            var c = Measure(index, queries.Where(q => q.Half == "c"), problems);
            var (ndcg, recall) = Earlier(index, earlier);
            output.WriteLine($"| {name} | {a.Ndcg:0.000} | {a.Recall:0.000} | {b.Ndcg:0.000} | {b.Recall:0.000} | {c.Ndcg:0.000} | {c.Recall:0.000} | {ndcg:0.000} | {recall:0.000} |");
            results[name] = a.Recall + b.Recall;
        }
        Assert.True(results["all"] > results["no vocabulary"], "the vocabulary finds more of the analysts' paragraphs than no vocabulary");
        Assert.True(results["all"] > results["the 25 groups before (as typed)"], "the vocabulary finds more than the 25 groups before it");
        Assert.True(results["learned acronyms only"] > results["no vocabulary"], "the acronyms the reports define find more than no vocabulary");
    }

    /// <summary>
    /// Analysis.Common's three English stemmers, each indexing the same parsed documents and searched
    /// with every mechanism on: the whole relevance set (analyst halves and the earlier set), index
    /// size and time, and the time of the set's searches. The table in BENCHMARKS.md; the shipped
    /// stemmer must stay the best on the whole set's recall@10.
    /// </summary>
    [Fact]
    public void The_shipped_stemmer_is_the_best_of_analysis_commons_three()
    {
        var files = SearchService.Core.Corpus.Files([ProjectPaths.Seeds, CorpusIndexFixture.SharedCorpus], SearchService.Core.Reading.DocumentReaders.Default);
        var documents = files.AsParallel().AsOrdered().SelectMany(f => SearchService.Core.Corpus.Read(f, SearchService.Core.Reading.DocumentReaders.Default).Documents).ToList();
        var queries = Queries();
        var earlier = RelevanceTests.Judgements();
        var problems = new List<string>();
        var whole = new Dictionary<Analysis.Stemmer, double>();
        output.WriteLine("| stemmer | a nDCG@10 | a recall@10 | b nDCG@10 | b recall@10 | earlier nDCG@10 | earlier recall@10 | index MB | indexing s | the 70 searches, ms |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var stemmer in new[] { Analysis.Stemmer.KStem, Analysis.Stemmer.Minimal, Analysis.Stemmer.Porter })
        {
            var folder = Path.Combine(Path.GetTempPath(), $"searchservice-stemmer-{stemmer}-" + Guid.NewGuid().ToString("N"));
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                using (var writer = new Indexing.ReportIndexWriter(folder, stemmer))
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var d in documents.Where(d => seen.Add(d.Id))) writer.Add(d);
                    writer.Commit();
                }
                var indexing = clock.Elapsed.TotalSeconds;
                double megabytes = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length) / 1048576.0;
                using var index = ReportIndex.Open(folder, corpus.Index.Synonyms, stemmer);
                var a = Measure(index, queries.Where(q => q.Half == "a"), problems);
                var b = Measure(index, queries.Where(q => q.Half == "b"), problems);
                var (ndcg, recall) = Earlier(index, earlier);
                // The searches alone (warmed by the measurement above): each query of the set three times.
                var requests = queries.Select(q => new SearchRequest { Query = q.Query, Filters = new SearchFilters { Authority = [q.Authority] } })
                    .Concat(earlier.Select(j => j.Query).Distinct().Select(q => new SearchRequest { Query = q })).ToList();
                clock.Restart();
                for (int round = 0; round < 3; round++)
                    foreach (var request in requests) index.Search(request);
                var searching = clock.Elapsed.TotalMilliseconds / 3;
                output.WriteLine($"| {stemmer} | {a.Ndcg:0.000} | {a.Recall:0.000} | {b.Ndcg:0.000} | {b.Recall:0.000} | {ndcg:0.000} | {recall:0.000} | {megabytes:0.0} | {indexing:0.0} | {searching:0} |");
                int n = queries.Count(q => q.Half is "a" or "b"), m = earlier.Select(j => j.Query).Distinct().Count();
                whole[stemmer] = (a.Recall * queries.Count(q => q.Half == "a") + b.Recall * queries.Count(q => q.Half == "b") + recall * m) / (n + m);
            }
            finally
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }
        output.WriteLine(string.Join("; ", whole.Select(kv => $"{kv.Key}: recall@10 over all {queries.Count + earlier.Select(j => j.Query).Distinct().Count()} queries {kv.Value:0.0000}")));
        Assert.True(whole[Analysis.Stemmer.KStem] >= whole.Values.Max() - 0.005, "the shipped stemmer (KStem) is the best on the whole set, or within 0.005 of it");
    }

    private (double Ndcg, double Recall) Earlier(ReportIndex index, IReadOnlyList<RelevanceTests.Judgement> judgements)
    {
        double ndcgSum = 0, recallSum = 0;
        var queries = judgements.Select(j => j.Query).Distinct().ToList();
        foreach (var query in queries)
        {
            var relevant = judgements.Where(j => j.Query == query && j.Relevant).SelectMany(j => Evidence.Find(corpus.FoldedTexts, j.Evidence)).ToHashSet(StringComparer.Ordinal);
            var hits = index.Search(new SearchRequest { Query = query, PageSize = 10 }).Hits.Select(h => h.Paragraph.Id).ToList();
            var (ndcg, recall) = RankingMetrics.At10(hits, relevant);
            ndcgSum += ndcg;
            recallSum += recall;
        }
        return (ndcgSum / queries.Count, recallSum / queries.Count);
    }
}
