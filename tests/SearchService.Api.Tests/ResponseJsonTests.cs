using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SearchService.Api.Features.Ask;
using SearchService.Api.Features.Authorities;
using SearchService.Api.Features.Documents;
using SearchService.Api.Features.Health;
using SearchService.Api.Features.Judgements;
using SearchService.Api.Features.Paragraphs;
using SearchService.Api.Features.Quality;
using SearchService.Api.Features.Search;
using SearchService.Api.Features.Vocabulary;
using SearchService.Api.Infrastructure;

namespace SearchService.Api.Tests;

/// <summary>
/// The responses are written by source-generated JSON (<see cref="ApiJson"/>): every endpoint's
/// response type comes from it, search and trends through its generated writers, and the bytes are
/// those the reflection-based options wrote before.
/// </summary>
public class ResponseJsonTests(ApiServer server) : IClassFixture<ApiServer>
{
    private JsonSerializerOptions Configured => server.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>The options the API used before the generated context: ASP.NET Core's (relaxed escaping), reflection, camelCase enums, nulls written.</summary>
    private static readonly JsonSerializerOptions Reflection = new(new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The JSON body types of every endpoint's 200 response, from the endpoints' own metadata (TypedResults' Ok&lt;T&gt;).</summary>
    private List<(string Route, Type Type)> EndpointResponseTypes() =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>()
                .Where(m => m.StatusCode == 200 && m.Type is { } t && t != typeof(void) && m.ContentTypes.Any(c => c.StartsWith("application/json", StringComparison.Ordinal)))
                .Select(m => (e.RoutePattern.RawText ?? "", m.Type!)))
            .Distinct().ToList();

    [Fact]
    public void Every_endpoint_response_type_is_resolved_by_the_generated_context_first()
    {
        var types = EndpointResponseTypes();
        Assert.Contains(types, t => t.Type == typeof(SearchResponse));
        Assert.Contains(types, t => t.Type == typeof(TrendsResponse));
        Assert.True(types.Count >= 15, $"only {types.Count} response types found: {string.Join(", ", types)}");
        Assert.Same(ApiJson.Default, Configured.TypeInfoResolverChain[0]);
        var missing = new List<string>();
        foreach (var (route, type) in types)
        {
            // An endpoint declaring IReadOnlyList<T> returns a List<T>, and the list's own type is what is written.
            Type[] written = type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? [type, typeof(List<>).MakeGenericType(type.GetGenericArguments())] : [type];
            missing.AddRange(written.Where(w => !ReferenceEquals(Configured.GetTypeInfo(w).OriginatingResolver, ApiJson.Default))
                .Select(w => $"{route}: {w}"));
        }
        Assert.True(missing.Count == 0, "Not in ApiJson (add a [JsonSerializable] for each): " + string.Join("; ", missing));
    }

    [Theory]
    [InlineData(typeof(SearchResponse))]
    [InlineData(typeof(TrendsResponse))]
    public void Search_and_trends_have_a_generated_writer(Type type)
    {
        // GeneratedJsonOk falls back to the generated metadata when a type has no writer (a property with
        // a converter of its own, for one, takes it away): still the same bytes, but the speed is gone.
        var typeInfo = ApiJson.Default.GetTypeInfo(type);
        Assert.True(typeInfo is not null, $"ApiJson has no [JsonSerializable] for {type.Name}");
        var handler = typeInfo.GetType().GetProperty("SerializeHandler")!.GetValue(typeInfo);
        Assert.True(handler is not null, $"ApiJson generates no writer (fast path) for {type.Name}");
    }

    /// <summary>
    /// Each response as served, read back and written again by the reflection-based options the API
    /// used before: the same bytes, so neither the generated metadata nor the generated writers change
    /// anything a client sees.
    /// </summary>
    [Fact]
    public async Task Responses_are_byte_identical_to_the_reflection_based_options()
    {
        var first = await server.GetJson("/api/search?q=fostering");
        var paragraph = first.GetProperty("hits")[0].GetProperty("id").GetString()!;
        var document = first.GetProperty("hits")[0].GetProperty("documentId").GetString()!;
        var requests = new (string Path, Type Type)[]
        {
            ("/api/search?q=fostering", typeof(SearchResponse)),
            ("/api/search?q=placement%20stability&match=any", typeof(SearchResponse)),
            ("/api/search?q=%22placement%20stability%22&exact=true&sort=date", typeof(SearchResponse)),
            ("/api/search?q=care%20leavers&groupBy=document&page=2&pageSize=3", typeof(SearchResponse)),
            ("/api/search?q=fostering%20zzqqxxyy", typeof(SearchResponse)),
            ("/api/search?q=LAC&grade=good&facets=false", typeof(SearchResponse)),
            ("/api/search?q=children&pageSize=100", typeof(SearchResponse)),
            ("/api/trends?q=fostering", typeof(TrendsResponse)),
            ("/api/trends?q=fostering&by=authority", typeof(TrendsResponse)),
            ($"/api/paragraphs/{Uri.EscapeDataString(paragraph)}", typeof(ParagraphResponse)),
            ($"/api/paragraphs/{Uri.EscapeDataString(paragraph)}/citation?style=harvard", typeof(CitationResponse)),
            ("/api/documents", typeof(List<DocumentSummary>)),
            ($"/api/documents/{Uri.EscapeDataString(document)}", typeof(DocumentOutline)),
            ("/api/judgements", typeof(List<JudgementDto>)),
            ("/api/ask?q=What%20grade%20did%20Birmingham%20get%20for%20staying%20safe%20in%202007%3F", typeof(AskResponse)),
            ("/api/ask?q=How%20stable%20are%20placements%3F", typeof(AskResponse)),
            ("/api/authorities", typeof(AuthorityListDto)),
            ("/api/authorities/Coventry", typeof(AuthorityProfileDto)),
            ("/api/quality", typeof(QualityDto)),
            ("/api/vocabulary?q=LAC", typeof(VocabularyDto)),
            ("/health", typeof(HealthResponse)),
            ("/ready", typeof(ReadyResponse)),
        };
        for (int round = 0; round < 2; round++) // the second time over warm caches
        {
            foreach (var (path, type) in requests)
            {
                var served = await server.Client.GetByteArrayAsync(path);
                var again = JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(served, type, Reflection), type, Reflection);
                var at = served.AsSpan().CommonPrefixLength(again);
                Assert.True(at == served.Length && at == again.Length, $"round {round}, {path}: from byte {at} served "
                    + $"…{Around(served, at)}… but reflection writes …{Around(again, at)}…");
            }
        }
    }

    private static string Around(byte[] bytes, int at) => System.Text.Encoding.UTF8.GetString(bytes, Math.Max(0, at - 60), Math.Min(bytes.Length, at + 60) - Math.Max(0, at - 60));
}
