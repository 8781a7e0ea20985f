namespace SearchService.Api.Infrastructure;

/// <summary>Absolute links for citations: the configured public base URL, or the request's own scheme and host.</summary>
public sealed class LinkBuilder(IConfiguration configuration)
{
    private readonly string? _configured = configuration["PublicBaseUrl"]?.TrimEnd('/');

    public string BaseUrl(HttpRequest request) => string.IsNullOrEmpty(_configured) ? $"{request.Scheme}://{request.Host}" : _configured;

    public string Permalink(HttpRequest request, string paragraphId) => $"{BaseUrl(request)}/p/{Uri.EscapeDataString(paragraphId)}";
}
