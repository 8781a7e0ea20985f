using Microsoft.Playwright;
using SearchService.Api.Tests;

namespace SearchService.Browser.Tests;

/// <summary>The interactive API docs load in chromium from the server alone, and an unknown paragraph is an HTML page.</summary>
public class ApiDocsPageTests(KestrelCorpusApiServer corpus) : IClassFixture<KestrelCorpusApiServer>
{
    private string Base => corpus.Server.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task The_interactive_docs_render_the_document_without_fetching_from_other_sites()
    {
        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var elsewhere = new List<string>();
        var errors = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(Base, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) elsewhere.Add(r.Url); };
        page.PageError += (_, e) => errors.Add(e);
        var document = page.WaitForResponseAsync(r => r.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal) && r.Status == 200);
        await page.GotoAsync(Base + "/scalar/");
        await document;
        // Scalar renders the document's title and its tags (the API's features) once the document is loaded.
        await page.GetByText("SearchService API").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByText("Judgements", new() { Exact = true }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Empty(elsewhere);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_browser_asking_for_an_unknown_paragraph_gets_a_page_with_a_heading_and_a_way_back()
    {
        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(Base + "/p/no-such-paragraph");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Paragraph not found", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal("en-GB", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Search the reports" }).ClickAsync();
        await page.WaitForURLAsync(Base + "/");
    }
}
