using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SearchService.Api.Infrastructure;

namespace SearchService.Api.Tests;

/// <summary>
/// The API contract a client can be generated from (operation ids, problem responses, the admin
/// security scheme), the interactive docs, and errors by content negotiation: a browser gets a page,
/// an API client problem details.
/// </summary>
public class ApiContractTests(ApiServer server) : IClassFixture<ApiServer>
{
    private async Task<JsonNode> Document() => JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!;

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    [Fact]
    public async Task Search_ask_and_judgements_take_the_same_filters_in_the_same_form()
    {
        var document = await Document();
        Dictionary<string, string> Parameters(string path) => document["paths"]![path]!["get"]!["parameters"]!.AsArray()
            .ToDictionary(p => p!["name"]!.ToString(), p => p!["schema"]!.ToJsonString(), StringComparer.Ordinal);
        var search = Parameters("/api/search");
        string[] searchOnly = ["q", "page", "pageSize", "sort", "groupBy", "match", "exact", "facets"];
        var filters = search.Where(p => !searchOnly.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(12, filters.Count);
        Assert.Equal(filters, Parameters("/api/judgements").OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(filters, Parameters("/api/ask").Where(p => p.Key != "q").OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_a_summary_and_a_description()
    {
        var operations = Operations(await Document()).ToList();
        Assert.True(operations.Count >= 15, $"only {operations.Count} operations in the document");
        var ids = operations.Select(o => o.Operation["operationId"]?.ToString()).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.ToString()), $"{o.Method} {o.Path} has no summary"));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["description"]?.ToString()), $"{o.Method} {o.Path} has no description"));
        Assert.Contains("getSearch", ids);
        Assert.Contains("getParagraphsById", ids);
    }

    [Theory]
    [InlineData("/api/search", "get", new[] { "400", "414", "429", "503" })]
    [InlineData("/api/paragraphs/{id}", "get", new[] { "404", "429", "503" })]
    [InlineData("/api/briefings", "post", new[] { "400", "413", "429", "503" })]
    [InlineData("/api/admin/reindex", "post", new[] { "401", "403", "404", "409", "429", "503" })]
    [InlineData("/p/{id}", "get", new[] { "404", "503" })]
    public async Task Operations_document_the_problem_details_they_can_answer_with_examples(string path, string method, string[] statuses)
    {
        var document = await Document();
        var responses = document["paths"]![path]![method]!["responses"]!.AsObject();
        foreach (var status in statuses)
        {
            var content = responses[status]?["content"]?["application/problem+json"];
            Assert.True(content is not null, $"{method} {path} does not document {status} as problem details");
            Assert.Equal("#/components/schemas/ProblemDetails", content!["schema"]!["$ref"]!.ToString());
            Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), (int)content["example"]!["status"]!);
        }
        Assert.NotNull(document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["requestId"]);
    }

    [Fact]
    public async Task The_export_is_one_operation_in_three_formats_and_its_old_path_is_a_deprecated_alias()
    {
        var document = await Document();
        var export = document["paths"]!["/api/export"]!["get"]!;
        Assert.Equal("getExport", export["operationId"]!.ToString());
        Assert.Equal(["text/csv", "application/x-ndjson", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
            export["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key));
        var parameters = export["parameters"]!.AsArray().Select(p => p!["name"]!.ToString()).ToList();
        Assert.Contains("format", parameters);
        Assert.Contains("neighboursOf", parameters);
        Assert.Null(export["deprecated"]);
        var alias = document["paths"]!["/api/export/search"]!["get"]!;
        Assert.True((bool)alias["deprecated"]!);
        Assert.Equal(parameters, alias["parameters"]!.AsArray().Select(p => p!["name"]!.ToString()));
    }

    [Fact]
    public async Task Admin_operations_are_in_the_document_with_their_api_key_scheme_and_the_rest_are_anonymous()
    {
        var document = await Document();
        var scheme = document["components"]!["securitySchemes"]![OpenApiContract.AdminScheme]!;
        Assert.Equal("apiKey", scheme["type"]!.ToString());
        Assert.Equal("header", scheme["in"]!.ToString());
        Assert.Equal("X-Api-Key", scheme["name"]!.ToString());
        var admin = Operations(document).Where(o => o.Path.StartsWith("/api/admin/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, admin.Count); // reindex, rollback, generations
        Assert.All(admin, o => Assert.NotNull(o.Operation["security"]![0]![OpenApiContract.AdminScheme]));
        Assert.DoesNotContain(Operations(document), o => !o.Path.StartsWith("/api/admin/", StringComparison.Ordinal) && o.Operation["security"] is not null);
        // Anonymous by default: one empty requirement at the root.
        Assert.Empty(document["security"]![0]!.AsObject());
    }

    [Fact]
    public async Task Without_a_key_the_admin_operations_answer_404_problem_details_saying_why()
    {
        await using var disabled = new ApiServer { WithAdminKey = false };
        await disabled.InitializeAsync();
        var response = await disabled.Client.GetAsync("/api/admin/generations");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Admin:ApiKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/p/no-such-paragraph", 404, "Paragraph not found")]
    [InlineData("/d/no-such-document", 404, "Document not found")]
    [InlineData("/api/search?page=ten", 400, "Invalid parameter")]
    [InlineData("/no/such/page", 404, "Not Found")]
    public async Task A_browser_gets_an_accessible_error_page_and_an_api_client_problem_details(string url, int status, string heading)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, url);
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"); // what chromium sends
        var html = await server.Client.SendAsync(page);
        Assert.Equal(status, (int)html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var body = await html.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en-GB\">", body, StringComparison.Ordinal);
        Assert.Contains($"<title>{heading} — SearchService</title>", body, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", body, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Search the reports</a>", body, StringComparison.Ordinal);
        Assert.Contains(html.Headers.GetValues(RequestLogging.Header).Single(), body, StringComparison.Ordinal);

        var json = await server.Client.GetAsync(url); // no Accept header, as curl
        Assert.Equal(status, (int)json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        using var api = new HttpRequestMessage(HttpMethod.Get, url);
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html", 0.5));
        Assert.Equal("application/problem+json", (await server.Client.SendAsync(api)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_interactive_docs_are_served_locally_under_their_own_content_security_policy()
    {
        var docs = await server.Client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var body = await docs.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal); // nothing fetched from other sites
        Assert.Equal(SecurityHeaders.ApiDocsContentSecurityPolicy, docs.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/scalar/scalar.js")).StatusCode);
        var search = await server.Client.GetAsync("/");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, search.Headers.GetValues("Content-Security-Policy").Single());
    }
}
