using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// Completes the generated OpenAPI document into a contract a client can be generated from: every
/// operation gets a stable <c>operationId</c> (the endpoint's name, else one built from its method
/// and path), the problem details responses it can give (400, 401, 403, 404, 409, 413, 414, 415, 429, 503 as
/// they apply, each with an example), and the admin operations their API-key security scheme.
/// Built from the routes, so a new endpoint is described without being listed here.
/// </summary>
public static class OpenApiContract
{
    public const string ProblemSchema = "ProblemDetails";
    public const string AdminScheme = "adminApiKey";

    public static OpenApiOptions Describe(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SearchService API";
            document.Info.Description = "Full-text search, facets, trends, citations, judgements and cited answers over Ofsted " +
                "children's services reports and council papers. Errors are RFC 7807 problem details (application/problem+json).";
            document.Info.License = new OpenApiLicense { Name = "Open Government Licence v3.0 (report texts)", Url = new Uri("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/") };
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[ProblemSchema] = ProblemDetailsSchema();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[AdminScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "The admin API key (Admin:ApiKey); \"Authorization: Bearer <key>\" is accepted too.",
            };
            // Anonymous by default (an empty requirement); the admin operations require their key.
            document.Security = [new OpenApiSecurityRequirement()];
            foreach (var server in document.Servers ?? [])
                server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                tag.Description ??= TagDescriptions.TryGetValue(tag.Name ?? "", out var about) ? about : tag.Name;
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var d = context.Description;
            var path = "/" + (d.RelativePath ?? "").TrimStart('/');
            var method = d.HttpMethod ?? "GET";
            var name = d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            operation.OperationId = name ?? OperationId(method, path);
            operation.Description ??= operation.Summary;
            // An endpoint kept as an alias of another ([Obsolete] metadata) is in the contract, marked deprecated.
            if (d.ActionDescriptor.EndpointMetadata.OfType<ObsoleteAttribute>().FirstOrDefault() is { } obsolete)
                (operation.Deprecated, operation.Description) = (true, $"{operation.Description} Deprecated: {obsolete.Message}");
            var document = context.Document;
            AddProblems(operation.Responses ??= [], document, ProblemsOf(method, path, d.ParameterDescriptions.Count > 0));
            if (path.StartsWith("/api/admin", StringComparison.Ordinal))
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminScheme, document)] = [] }];
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>Each problem response an operation can give, as problem details with an example, unless the endpoint documents its own.</summary>
    private static void AddProblems(OpenApiResponses responses, OpenApiDocument? document, IEnumerable<(int Status, string Title, string Detail)> problems)
    {
        foreach (var (status, title, detail) in problems)
        {
            var code = status.ToString(CultureInfo.InvariantCulture);
            if (responses.ContainsKey(code)) continue;
            responses[code] = new OpenApiResponse
            {
                Description = title,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(ProblemSchema, document),
                        Example = new JsonObject
                        {
                            ["type"] = $"https://tools.ietf.org/html/rfc9110",
                            ["title"] = title,
                            ["status"] = status,
                            ["detail"] = detail,
                            ["requestId"] = "0HNQBSU91O2FM:00000001",
                        },
                    },
                },
            };
        }
    }

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Search"] = "Paragraph search with facets and snippets, and trends over years and authorities.",
        ["Export"] = "Every paragraph a search matches as CSV, JSON lines or XLSX, under one row cap (Export:MaxRows) that the file and headers state; the England table and trend tables as CSV or XLSX.",
        ["Paragraphs"] = "One paragraph with its metadata, neighbours and ready citations.",
        ["Documents"] = "The indexed documents and their outlines.",
        ["Quality"] = "The data-quality listing: what the reader could not resolve in each document, and the files not indexed.",
        ["Judgements"] = "Judgements (grades) printed in the reports.",
        ["Ask"] = "Questions answered by a verbatim, cited quote, or an honest not-found.",
        ["Briefings"] = "Briefings of chosen paragraphs with numbered footnotes.",
        ["Pages"] = "Stable pages for paragraphs and documents (HTML).",
        ["Admin"] = "Index builds, generations and rollback (API key).",
        ["Health"] = "Liveness and readiness.",
    };

    /// <summary>getSearch, getParagraphsById, getParagraphsByIdCitation, postAdminReindex, …: unique because method and path are.</summary>
    internal static string OperationId(string method, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "api")
            .Select(p => p.StartsWith('{') ? "By" + Pascal(p.Trim('{', '}').Split(':')[0]) : Pascal(p));
        return method.ToLowerInvariant() + string.Concat(parts);
    }

    private static string Pascal(string s) => string.Concat(s.Split('-', '_').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>The problem responses an operation can give, from what the host does to every request on that path.</summary>
    internal static IEnumerable<(int Status, string Title, string Detail)> ProblemsOf(string method, string path, bool hasParameters)
    {
        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
        var isAdmin = path.StartsWith("/api/admin", StringComparison.Ordinal);
        if (path is "/health") yield break;
        if (hasParameters || method == "POST") yield return (400, "Invalid parameter", "'pageSize' must be a whole number from 1, not 'ten'.");
        if (isAdmin)
        {
            yield return (401, "API key required", "Send the admin API key in the X-Api-Key header.");
            yield return (403, "Forbidden", "The API key is not valid.");
        }
        if (path.Contains('{', StringComparison.Ordinal) || isAdmin) yield return (404, "Not found", isAdmin ? "The admin API is disabled: set Admin:ApiKey." : "No paragraph has the id 'nope'.");
        if (isAdmin && method == "POST") yield return (409, "Build refused", "Another build is running; the served index is unchanged.");
        yield return (414, "URI too long", "The request line is longer than the server accepts.");
        if (method == "POST") yield return (413, "Request not accepted", "The request body is larger than the server accepts.");
        if (method == "POST" && !isAdmin) yield return (415, "Unsupported media type", "The body must be application/json.");
        if (isApi) yield return (429, "Too many requests", "Over the rate limit for this client; retry after the seconds in Retry-After.");
        yield return (503, "Index unavailable", "No index is served yet: it is being built from the sources.");
    }

    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 7807 problem details; 400s name the parameter or limit, 409s the reason.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Also in the X-Request-Id header; the log has the rest." },
            ["parameter"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "400: the parameter that could not be read." },
            ["limit"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "400: the limit the request went over." },
            ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "409: why a build was refused." },
        },
    };
}
