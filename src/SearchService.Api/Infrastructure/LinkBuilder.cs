using Microsoft.Extensions.Options;

namespace SearchService.Api.Infrastructure;

/// <summary>
/// Links for citations: absolute from the configured <c>PublicBaseUrl</c>, otherwise relative to
/// the site. Never built from the request's Host header, which a client chooses.
/// </summary>
public sealed class LinkBuilder(IOptions<HostingOptions> options)
{
    private readonly string _base = options.Value.PublicBaseUrl?.TrimEnd('/') ?? "";

    /// <summary>The configured base ("" when links are relative).</summary>
    public string BaseUrl => _base;

    public string Permalink(string paragraphId) => $"{_base}/p/{Uri.EscapeDataString(paragraphId)}";

    public string DocumentPage(string documentId) => $"{_base}/d/{Uri.EscapeDataString(documentId)}";
}
