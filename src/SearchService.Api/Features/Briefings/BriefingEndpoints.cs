using SearchService.Core.Briefings;
using SearchService.Search.Briefings;

namespace SearchService.Api.Features.Briefings;

public sealed record BriefingItemRequest(string? ParagraphId, string? Note);

public sealed record BriefingRequest(string? Title, IReadOnlyList<BriefingItemRequest>? Items, string? Format);

/// <summary>
/// POST /api/briefings: chosen paragraphs as a briefing with footnoted quotes (Markdown, HTML or DOCX),
/// dated by the server's clock. A body that is not a JSON object, a null item or an item without an
/// id is a 400; the texts are cleaned of characters XML cannot hold before any DOCX is written.
/// </summary>
public static class BriefingEndpoints
{
    public static IEndpointRouteBuilder MapBriefings(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/briefings").WithTags("Briefings")
            .MapPost("/", Create).WithSummary("Export chosen paragraphs as a briefing with numbered footnotes")
            .DisableAntiforgery();
        return app;
    }

    internal static Results<FileContentHttpResult, ProblemHttpResult> Create(BriefingRequest? request, ReportIndex index, LinkBuilder links, TimeProvider clock)
    {
        if (request is null) return Problems.BadRequest("Invalid briefing", "The body must be JSON: { title, items: [ { paragraphId, note? } ], format }.");
        var format = string.IsNullOrWhiteSpace(request.Format) ? BriefingFormats.Markdown : request.Format.Trim().ToLowerInvariant();
        if (!BriefingFormats.All.Contains(format))
            return Problems.BadRequest("Invalid briefing", $"'format' must be one of {string.Join(", ", BriefingFormats.All)}, not '{request.Format}'.");
        var items = request.Items ?? [];
        if (items.Count == 0) return Problems.BadRequest("Invalid briefing", "'items' is empty: choose at least one paragraph.");
        if (items.Count > BriefingAssembler.MaxItems)
            return Problems.BadRequest("Invalid briefing", $"A briefing holds at most {BriefingAssembler.MaxItems} items ({items.Count} given).",
                new Dictionary<string, object?> { ["limit"] = "maxItems", ["value"] = BriefingAssembler.MaxItems });
        if (items.Any(i => i is null))
            return Problems.BadRequest("Invalid briefing", "An item is null: each item must be an object { paragraphId, note? }.");
        if (items.Any(i => string.IsNullOrWhiteSpace(i.ParagraphId)))
            return Problems.BadRequest("Invalid briefing", "Every item needs a 'paragraphId'.");
        if ((request.Title?.Length ?? 0) > 300 || items.Any(i => (i.Note?.Length ?? 0) > 5000))
            return Problems.BadRequest("Invalid briefing", "The title may have at most 300 characters and a note at most 5,000.");

        var (briefing, unknown) = BriefingAssembler.Assemble(index, request.Title ?? "", items.Select(i => new BriefingRequestItem(i.ParagraphId!, i.Note)).ToList(),
            links.Permalink, links.DocumentPage, clock);
        if (briefing is null)
            return Problems.BadRequest("Unknown paragraphs", $"No paragraph has the id {string.Join(", ", unknown.Select(u => $"'{u}'"))}.",
                new Dictionary<string, object?> { ["unknownIds"] = unknown });
        var bytes = BriefingWriter.Write(briefing, format);
        var name = $"{Core.Model.Identifiers.Slug(briefing.Title)}.{BriefingFormats.Extension(format)}";
        return TypedResults.File(bytes, BriefingFormats.ContentType(format), name);
    }
}
