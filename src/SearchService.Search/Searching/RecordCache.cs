using SearchService.Search.Indexing;

namespace SearchService.Search.Searching;

/// <summary>
/// Paragraph records already read from the index, by segment and document (what Solr calls its
/// document cache). Reading one stored record decompresses its block and parses its JSON, about
/// 40 µs and 7 KB of garbage; a results page reads ten, and the same popular paragraphs come
/// back page after page. A record holds its own fields and shares its document's record with the
/// catalog, so a full cache of 20,000 holds about 40 MB (it held 56 MB when each record carried
/// its document's metadata again). Two generations give an approximate LRU in constant time: lookups
/// promote from the old generation, and when the young one is full it becomes the old one.
/// Cleared whenever the searcher switches to a new commit.
/// </summary>
internal sealed class RecordCache(int capacity)
{
    private readonly object _lock = new();
    private Dictionary<(object Segment, int Doc), ParagraphRecord> _young = [];
    private Dictionary<(object Segment, int Doc), ParagraphRecord> _old = [];

    public ParagraphRecord GetOrLoad(object segment, int doc, Func<ParagraphRecord> load)
    {
        if (capacity <= 0) return load();
        var key = (segment, doc);
        lock (_lock)
        {
            if (_young.TryGetValue(key, out var record)) return record;
            if (_old.Remove(key, out record))
            {
                Add(key, record);
                return record;
            }
        }
        var loaded = load();
        lock (_lock) Add(key, loaded);
        return loaded;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _young = [];
            _old = [];
        }
    }

    private void Add((object, int) key, ParagraphRecord record)
    {
        if (_young.Count >= Math.Max(1, capacity / 2))
        {
            _old = _young;
            _young = [];
        }
        _young[key] = record;
    }
}
