using SearchService.Api.Features.Permalinks;

namespace SearchService.Api.Features.England;

/// <summary>
/// GET /england (every authority's latest judgements, side by side) and GET /england/{authority}
/// (one authority's timeline beside its statistical neighbours, with a search scoped to them):
/// static pages (wwwroot/england.html, authority.html) that read /api/authorities. An authority
/// the gazetteer does not know is a readable 404 page with a way back.
/// </summary>
public static class EnglandEndpoints
{
    public static IEndpointRouteBuilder MapEngland(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/england").WithTags("Pages").ExcludeFromDescription();
        group.MapGet("/", (IWebHostEnvironment env) => HtmlPage.StaticPage(env, "england.html"));
        group.MapGet("/{authority}", (string authority, IWebHostEnvironment env, HttpRequest http) =>
            Core.Metadata.Authorities.Find(authority) is null
                ? HtmlPage.Error(http, StatusCodes.Status404NotFound, "Authority not found",
                    $"No authority in the gazetteer has the name or code '{(authority.Length <= 80 ? authority : authority[..80] + "…")}'. Use a name such as Coventry, or a DfE code such as 331.")
                : HtmlPage.StaticPage(env, "authority.html"));
        return app;
    }
}
