using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using SearchService.Api.Features.Admin;
using SearchService.Api.Features.Ask;
using SearchService.Api.Features.Authorities;
using SearchService.Api.Features.Documents;
using SearchService.Api.Features.Health;
using SearchService.Api.Features.Judgements;
using SearchService.Api.Features.Paragraphs;
using SearchService.Api.Features.Quality;
using SearchService.Api.Features.Search;
using SearchService.Api.Features.Vocabulary;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// Source-generated JSON metadata for every response body the endpoints return (their <c>Ok&lt;T&gt;</c>
/// types, and <c>List&lt;T&gt;</c> where an endpoint declares <c>IReadOnlyList&lt;T&gt;</c>: the list's own
/// type is what is written), first in the HTTP options' resolver chain; anything not listed here
/// (problem details, request bodies) still goes through reflection, second in the chain.
/// </summary>
/// <remarks>
/// System.Text.Json uses a context's generated writers (its "fast path") only when the options have no
/// encoder and no converters of their own. ASP.NET Core's options escape with
/// <c>UnsafeRelaxedJsonEscaping</c> ("—" and "'" written as they are), so the fast path would change the
/// bytes of every response with such a character. The options stay as they were and use this metadata;
/// the search and trends responses call the generated writers themselves (<see cref="GeneratedJsonOk{T}"/>).
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(TrendsResponse))]
[JsonSerializable(typeof(ParagraphResponse))]
[JsonSerializable(typeof(CitationResponse))]
[JsonSerializable(typeof(IReadOnlyList<DocumentSummary>))]
[JsonSerializable(typeof(List<DocumentSummary>))]
[JsonSerializable(typeof(DocumentOutline))]
[JsonSerializable(typeof(IReadOnlyList<JudgementDto>))]
[JsonSerializable(typeof(List<JudgementDto>))]
[JsonSerializable(typeof(AskResponse))]
[JsonSerializable(typeof(AuthorityListDto))]
[JsonSerializable(typeof(AuthorityProfileDto))]
[JsonSerializable(typeof(QualityDto))]
[JsonSerializable(typeof(VocabularyDto))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ReadyResponse))]
[JsonSerializable(typeof(ReindexResponse))]
[JsonSerializable(typeof(RollbackResponse))]
[JsonSerializable(typeof(IReadOnlyList<GenerationDto>))]
[JsonSerializable(typeof(List<GenerationDto>))]
internal sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>A 200 whose JSON body the generated writer writes.</summary>
    public static GeneratedJsonOk<T> Ok<T>(T value) => new(value);

    /// <summary>The HTTP options: camelCase enums and nulls written, as always; these types first, reflection for anything else.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.TypeInfoResolverChain.Insert(0, Default);
    }
}

/// <summary>
/// The context's generated writers ("fast path") for the HTTP options as configured: a copy of them,
/// encoder and enum converter included, bound to its own <see cref="ApiJson"/>. System.Text.Json will
/// not use these writers itself under an encoder (see <see cref="ApiJson"/>), but they write through the
/// writer's encoder, so called directly they write the same bytes (a test compares them with reflection's).
/// </summary>
internal sealed class GeneratedJsonWriters(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> http)
{
    private readonly JsonSerializerOptions _options = http.Value.SerializerOptions;
    private readonly ApiJson _context = new(new JsonSerializerOptions(http.Value.SerializerOptions) { TypeInfoResolver = null });
    private readonly JsonWriterOptions _writer = new()
    {
        Encoder = http.Value.SerializerOptions.Encoder,
        Indented = http.Value.SerializerOptions.WriteIndented,
        SkipValidation = true,
    };

    /// <summary>The value as JSON into the response body: the generated writer when there is one, the HTTP options' metadata when not.</summary>
    public Task WriteAsync<T>(HttpResponse response, T value)
    {
        using (var writer = new Utf8JsonWriter(response.BodyWriter, _writer))
        {
            if (_context.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> { SerializeHandler: { } write }) write(writer, value);
            else JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T)));
        }
        return response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted).AsTask();
    }
}

/// <summary>
/// A 200 with a JSON body written by the generated writer (<see cref="GeneratedJsonWriters"/>): for
/// the responses served most (search, trends), where reflection's metadata cost the most. Described in the
/// API document as <c>Ok&lt;T&gt;</c> is, and with the same headers and bytes.
/// </summary>
public sealed class GeneratedJsonOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    internal GeneratedJsonOk(T value) => Value = value;

    public T Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ContentType;
        return httpContext.RequestServices.GetRequiredService<GeneratedJsonWriters>().WriteAsync(httpContext.Response, Value);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
