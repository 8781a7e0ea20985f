using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SearchService.Api.Tests;

/// <summary>
/// Every operation in the served OpenAPI document (paths, methods, parameters and request bodies),
/// called with generated values: hostile strings, wrong types, huge and empty values, bodies that
/// follow the schema and bodies that do not (null items, arrays, bare strings and numbers, broken
/// JSON). 0 × 5xx over at least 10,000 requests, and the server lives.
/// </summary>
public class OpenApiFuzzTests(ITestOutputHelper output)
{
    private sealed record Parameter(string Name, string In, bool IsArray, string Type);

    private sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, JsonNode? BodySchema, IReadOnlySet<string> Documented);

    private static readonly string[] Fragments =
    [
        "(", ")", "\"", "\"\"", "-", "--", "OR", "AND", "NOT", "*", "?", "~2", "^3", "title:", "authority:Stoke-on-Trent", "[a TO z]", "{", "}", "\\", "/", "&&", "||",
        "!", ":", "%", "%%", "\u0001", "\u001B", "\uFFFF", "\uD800", "😀", "ñ", "漢字", "<script>", "' OR 1=1 --", "placement", "stability", "LAC", "children in care",
        "../../etc/passwd", "%2e%2e%2f", "Coventry", "Stoke", "Staying safe", "good", "inadequate", "2011", "9999", "-1", "0", "1e9", "NaN", "true", "null",
        "coventry-2011-05-12-slac-inspection~86", "stoke-on-trent-2007-11-26-apa~11", "docx", "html", "markdown", "harvard", "date", "document", "year",
    ];

    [Fact]
    public async Task Every_operation_in_the_OpenAPI_document_survives_ten_thousand_generated_requests_without_a_5xx()
    {
        // Admin calls are limited to the default 10 a minute here, so the fuzz cannot turn into a rebuild loop.
        await using var server = new ApiServer { ExtraArgs = ["--RateLimits:AdminPerMinute", "10"] };
        await server.InitializeAsync();
        var document = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!;
        var operations = Operations(document);
        output.WriteLine($"{operations.Count} operations: {string.Join(", ", operations.Select(o => $"{o.Method} {o.Path}"))}");
        Assert.Contains(operations, o => o.Method == "POST" && o.Path == "/api/briefings" && o.BodySchema is not null);
        Assert.Contains(operations, o => o.Path.StartsWith("/api/admin/", StringComparison.Ordinal));

        var random = new Random(20261126);
        var requests = new List<(Operation Operation, Func<HttpRequestMessage> Make)>();
        for (int i = 0; i < 10_400; i++)
        {
            var operation = operations[i % operations.Count]; // every operation gets its share
            requests.Add((operation, Request(operation, document, new Random(random.Next()))));
        }

        var failures = new ConcurrentBag<string>();
        var undocumented = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<int, int>();
        var perOperation = new ConcurrentDictionary<string, int>();
        int neverSent = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, token) =>
        {
            HttpRequestMessage message;
            try { message = r.Make(); }
            catch (UriFormatException) { Interlocked.Increment(ref neverSent); return; }
            using (message)
            {
                try
                {
                    using var response = await server.Client.SendAsync(message, token);
                    int status = (int)response.StatusCode;
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    perOperation.AddOrUpdate($"{r.Operation.Method} {r.Operation.Path}", 1, (_, n) => n + 1);
                    if (!r.Operation.Documented.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                        undocumented.AddOrUpdate($"{r.Operation.Method} {r.Operation.Path} → {status}", 1, (_, n) => n + 1);
                    if (status >= 500) failures.Add($"{status} {message.Method} {message.RequestUri}: {await response.Content.ReadAsStringAsync(token)}");
                }
                catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref neverSent); // a NUL in the path: refused by the client (Kestrel answers such a request line with 400)
                }
            }
        });
        int sent = statuses.Values.Sum();
        output.WriteLine($"{sent} requests answered in {clock.Elapsed.TotalSeconds:0.0} s ({neverSent} refused by the client): {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var (op, n) in perOperation.OrderBy(p => p.Key)) output.WriteLine($"  {op}: {n}");
        foreach (var f in failures.Take(20)) output.WriteLine(f);
        Assert.Empty(failures);
        // The contract is complete: every status the server gave is among the operation's documented responses.
        Assert.True(undocumented.IsEmpty, "responses missing from the OpenAPI document: " + string.Join("; ", undocumented.Select(u => $"{u.Key} ×{u.Value}")));
        Assert.True(sent >= 10_000, $"only {sent} requests reached the server");
        Assert.All(operations, o => Assert.True(perOperation.GetValueOrDefault($"{o.Method} {o.Path}") >= 100, $"{o.Method} {o.Path} was hardly exercised"));
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health")).StatusCode);
    }

    private static List<Operation> Operations(JsonNode document)
    {
        var list = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
            {
                var parameters = (op!["parameters"]?.AsArray() ?? []).Select(p => Resolve(document, p!)).Select(p =>
                {
                    var schema = Resolve(document, p["schema"] ?? new JsonObject());
                    bool isArray = schema["type"]?.ToString() == "array";
                    var type = isArray ? Resolve(document, schema["items"] ?? new JsonObject())["type"]?.ToString() ?? "string" : schema["type"]?.ToString() ?? "string";
                    return new Parameter(p["name"]!.ToString(), p["in"]!.ToString(), isArray, type);
                }).ToList();
                var body = op["requestBody"]?["content"]?["application/json"]?["schema"];
                var documented = (op["responses"]?.AsObject() ?? []).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
                list.Add(new Operation(method.ToUpperInvariant(), path, parameters, body is null ? null : Resolve(document, body), documented));
            }
        return list;
    }

    private static JsonNode Resolve(JsonNode document, JsonNode node)
    {
        for (int depth = 0; depth < 10 && node["$ref"] is { } reference; depth++)
        {
            var target = document;
            foreach (var part in reference.ToString().TrimStart('#', '/').Split('/')) target = target[part]!;
            node = target;
        }
        return node;
    }

    private static Func<HttpRequestMessage> Request(Operation op, JsonNode document, Random random)
    {
        var path = op.Path;
        var query = new List<string>();
        foreach (var p in op.Parameters)
        {
            if (p.In == "path")
            {
                path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(random.Next(3) == 0 ? Pick(random, Fragments) : Text(random)), StringComparison.Ordinal);
                continue;
            }
            if (random.Next(3) == 0) continue; // sometimes left out
            int count = p.IsArray ? random.Next(1, random.Next(4) == 0 ? 60 : 4) : 1;
            for (int i = 0; i < count; i++) query.Add($"{p.Name}={Uri.EscapeDataString(Value(random, p.Type))}");
        }
        if (random.Next(10) == 0) query.Add($"{Text(random)}={Uri.EscapeDataString(Text(random))}"); // a parameter the operation does not have
        var url = query.Count > 0 ? $"{path}?{string.Join("&", query)}" : path;
        string? body = op.BodySchema is null ? null : Body(op.BodySchema, document, random);
        bool withKey = op.Path.StartsWith("/api/admin", StringComparison.Ordinal) && random.Next(2) == 0;
        return () =>
        {
            var message = new HttpRequestMessage(new HttpMethod(op.Method), url);
            if (body is not null) message.Content = new StringContent(body, Encoding.UTF8, random.Next(8) == 0 ? "text/plain" : "application/json");
            if (withKey) message.Headers.Add("X-Api-Key", ApiServer.AdminKey);
            return message;
        };
    }

    private static string Value(Random random, string type) => random.Next(4) switch
    {
        0 when type is "integer" or "number" => random.Next(-5, 3000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        0 when type == "boolean" => random.Next(2) == 0 ? "true" : "false",
        1 => Pick(random, Fragments),
        _ => Text(random),
    };

    private static string Text(Random random)
    {
        var sb = new StringBuilder();
        int n = random.Next(0, 6);
        for (int i = 0; i < n; i++)
        {
            switch (random.Next(5))
            {
                case 0: sb.Append(Pick(random, Fragments)); break;
                case 1: sb.Append((char)random.Next(0x20, 0xD7FF)); break;
                case 2: sb.Append(random.Next(-1_000_000, int.MaxValue)); break;
                case 3: sb.Append((char)random.Next(0, 0x20)); break;
                default: sb.Append(new string('a', random.Next(1, random.Next(2) == 0 ? 5 : 1500))); break;
            }
            if (random.Next(3) == 0) sb.Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>A body: mostly shaped by the schema with hostile values, sometimes not an object at all or not JSON.</summary>
    private static string Body(JsonNode schema, JsonNode document, Random random) => random.Next(12) switch
    {
        0 => "{not json",
        1 => Pick(random, ["[1,2]", "\"text\"", "12", "null", "true", "[]", "{}", "", "{\"items\":[null]}", "{\"items\":null}", "{\"items\":{}}", "{\"items\":[1,\"x\",[]]}"]),
        2 => new string('[', random.Next(1, 200)) + new string(']', random.Next(1, 200)),
        _ => Generate(schema, document, random, 0)?.ToJsonString() ?? "null",
    };

    private static JsonNode? Generate(JsonNode schema, JsonNode document, Random random, int depth)
    {
        schema = Resolve(document, schema);
        if (random.Next(15) == 0 || depth > 4) return null;
        var type = schema["type"] is JsonArray types ? types.Select(t => t!.ToString()).FirstOrDefault(t => t != "null") : schema["type"]?.ToString();
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                    if (random.Next(5) != 0) obj[name] = Generate(property!, document, random, depth + 1);
                return obj;
            case "array":
                var array = new JsonArray();
                int count = random.Next(6) == 0 ? random.Next(150, 260) : random.Next(0, 5);
                for (int i = 0; i < count; i++) array.Add(Generate(schema["items"] ?? new JsonObject(), document, random, depth + 1));
                return array;
            case "integer" or "number":
                return random.Next(3) == 0 ? JsonValue.Create(Text(random)) : JsonValue.Create(random.Next(-10, 10_000));
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            default:
                return JsonValue.Create(random.Next(3) == 0 ? Pick(random, Fragments) : Text(random));
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
