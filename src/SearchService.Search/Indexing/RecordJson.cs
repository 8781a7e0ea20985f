using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchService.Search.Indexing;

/// <summary>
/// The stored records' JSON (web defaults: camelCase), generated at compile time: a search
/// reads ten of these per page, and reflection-based deserialisation of the constructor
/// records was a tenth of a search's time.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ParagraphRecord))]
[JsonSerializable(typeof(DocumentRecord))]
[JsonSerializable(typeof(List<SearchService.Core.LearnedAcronym>))]
internal sealed partial class RecordJson : JsonSerializerContext;
