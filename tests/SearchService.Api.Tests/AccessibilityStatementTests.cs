using SearchService.Api.Features.Accessibility;

namespace SearchService.Api.Tests;

/// <summary>The accessibility statement in the GOV.UK model's form, and the footer link to it on every page.</summary>
public class AccessibilityStatementTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task The_statement_has_the_sections_public_bodies_publish()
    {
        var response = await server.Client.GetAsync("/accessibility");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Accessibility statement for SearchService</h1>", html, StringComparison.Ordinal);
        foreach (var section in new[] { "How accessible this website is", "Feedback and contact information", "Reporting accessibility problems with this website",
                     "Enforcement procedure", "Technical information about this website's accessibility", "Compliance status", "Non-accessible content",
                     "Disproportionate burden", "What we're doing to improve accessibility", "Preparation of this accessibility statement" })
            Assert.Contains(section + "</h", html, StringComparison.Ordinal);
        Assert.Contains("partially compliant", html, StringComparison.Ordinal);
        Assert.Contains($"axe-core {AccessibilityEndpoints.AxeVersion}", html, StringComparison.Ordinal);
        Assert.Contains("1280 and 390 pixels", html, StringComparison.Ordinal);
        Assert.Contains(AccessibilityEndpoints.LastTested.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("Equality Advisory and Support Service", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("access@council.example.gov.uk", "<a href=\"mailto:access@council.example.gov.uk\">")]
    [InlineData("https://council.example.gov.uk/accessibility-problem", "<a href=\"https://council.example.gov.uk/accessibility-problem\">")]
    [InlineData("the Data Team on 01234 567890", "contact the Data Team on 01234 567890.")]
    [InlineData(null, "your IT service desk")]
    [InlineData("<script>", "contact &lt;script&gt;.")]
    public void How_to_report_a_problem_is_the_configured_address(string? contact, string expected) =>
        Assert.Contains(expected, AccessibilityEndpoints.Contact(contact), StringComparison.Ordinal);

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/england")]
    [InlineData("/england/331")]
    [InlineData("/p/coventry-2011-05-12-slac-inspection~86")]
    [InlineData("/d/coventry-2011-05-12-slac-inspection")]
    [InlineData("/p/no-such-paragraph")]
    [InlineData("/accessibility")]
    public async Task Every_page_links_the_statement_from_its_footer(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await server.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Features.Permalinks.HtmlPage.FooterSlot, html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<footer", StringSplitOptions.None).Length - 1);
        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("<a href=\"/accessibility\">Accessibility statement</a>", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/scalar/\">API documentation</a>", footer, StringComparison.Ordinal);
    }
}
