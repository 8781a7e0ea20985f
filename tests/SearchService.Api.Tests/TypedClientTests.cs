using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace SearchService.Api.Tests;

/// <summary>
/// The OpenAPI document is a contract a client can be generated from: NSwag generates a typed C#
/// client from the served /openapi/v1.json (method names from the operationIds), Roslyn compiles it,
/// and the compiled client searches the test server and gets a typed problem for a 404. The test
/// fails when the document stops giving a client that compiles, or that works.
/// </summary>
public class TypedClientTests(ApiServer server) : IClassFixture<ApiServer>
{
    private async Task<string> GenerateClient()
    {
        var document = await OpenApiDocument.FromJsonAsync(await server.Client.GetStringAsync("/openapi/v1.json"));
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "SearchServiceClient",
            UseBaseUrl = false, // the HttpClient's BaseAddress says where the server is
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "SearchService.GeneratedClient";
        // Newtonsoft.Json, NSwag's default: its System.Text.Json output writes string enums' names as [EnumMember],
        // which System.Text.Json ignores, so the documented "apa-4-best" could not be read back.
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.NewtonsoftJson;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    private static Assembly Compile(string code, AssemblyLoadContext context)
    {
        // The framework and this test's own assemblies, as the generated client would be built in a project.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal)).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("SearchService.GeneratedClient", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString());
        Assert.True(emitted.Success, "the generated client does not compile:\n" + string.Join("\n", errors));
        image.Position = 0;
        return context.LoadFromStream(image);
    }

    /// <summary>Calls a generated operation by its name, with the named arguments and every other parameter left out.</summary>
    private static async Task<object?> Call(object client, string method, Dictionary<string, object?> arguments)
    {
        var candidates = client.GetType().GetMethods().Where(m => m.Name == method).ToList();
        Assert.True(candidates.Count > 0, $"the generated client has no {method} (operationIds: {string.Join(", ", client.GetType().GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).Distinct())})");
        var m = candidates.MaxBy(c => c.GetParameters().Length)!;
        var args = m.GetParameters().Select(p =>
            arguments.TryGetValue(p.Name!, out var value) ? value
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        var task = (Task)m.Invoke(client, args)!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    private static object? Get(object o, string property) => o.GetType().GetProperty(property)?.GetValue(o) ?? throw new InvalidOperationException($"{o.GetType().Name} has no {property}");

    [Fact]
    public async Task A_client_generated_from_the_document_compiles_searches_and_gets_typed_problems()
    {
        var code = await GenerateClient();
        var context = new AssemblyLoadContext("generated-client", isCollectible: true);
        try
        {
            var assembly = Compile(code, context);
            var type = assembly.GetType("SearchService.GeneratedClient.SearchServiceClient")!;
            var client = Activator.CreateInstance(type, server.Client)!;

            // Search as the generated client would: the same total and first paragraph as the JSON.
            var expected = await server.GetJson("/api/search?q=placement%20stability");
            var result = await Call(client, "GetSearchAsync", new() { ["q"] = "placement stability" });
            Assert.NotNull(result);
            Assert.Equal(expected.GetProperty("total").GetInt32(), Convert.ToInt32(Get(result, "Total"), System.Globalization.CultureInfo.InvariantCulture));
            var hits = ((System.Collections.IEnumerable)Get(result, "Hits")!).Cast<object>().ToList();
            Assert.Equal(expected.GetProperty("hits")[0].GetProperty("id").GetString(), Get(hits[0], "Id"));

            // A paragraph by id, typed.
            var id = (string)Get(hits[0], "Id")!;
            var paragraph = await Call(client, "GetParagraphsByIdAsync", new() { ["id"] = id });
            Assert.Equal(id, Get(paragraph!, "Id"));

            // An unknown paragraph: the documented 404 reaches the client as typed problem details.
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => Call(client, "GetParagraphsByIdAsync", new() { ["id"] = "no-such-paragraph" }));
            var problem = thrown is TargetInvocationException t ? t.InnerException! : thrown;
            Assert.Equal("ApiException`1", problem.GetType().Name);
            Assert.Equal(404, Get(problem, "StatusCode"));
            var details = Get(problem, "Result")!;
            Assert.Equal(404, Convert.ToInt32(Get(details, "Status"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(string.IsNullOrEmpty((string?)Get(details, "Detail")));
        }
        finally { context.Unload(); }
    }
}
