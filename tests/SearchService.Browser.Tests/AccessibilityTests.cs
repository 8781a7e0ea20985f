using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SearchService.Api.Features.Accessibility;
using SearchService.Api.Tests;

namespace SearchService.Browser.Tests;

/// <summary>
/// WCAG 2.2 AA in a real browser: axe-core (Deque.AxeCore.Playwright) on every page the app serves,
/// at 1280 and 390 px, with no violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules or of best
/// practice; a keyboard-only journey with the focus visible at every step; and a screenshot of each
/// page at both widths in artifacts/screenshots (committed, so the pages can be seen without a browser).
/// </summary>
public class AccessibilityTests(KestrelApiServer server) : IClassFixture<KestrelApiServer>
{
    /// <summary>At most this many bytes of the app's own HTML, CSS and JavaScript on a page (uncompressed).</summary>
    private const int PageWeightBudget = 100_000;

    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Every page: its name (the screenshot's), its address ({paragraph} and {document} are filled from the index) and what shows it is drawn.</summary>
    public static TheoryData<string, string, string, int> Pages()
    {
        (string Name, string Path, string Ready)[] pages =
        [
            ("search", "/", "document.querySelector('#summary').textContent.length > 0"),
            ("results", "/?q=%22placement%20stability%22", "document.querySelector('.hit mark') && document.querySelector('#trendChart svg')"),
            ("answer", "/?q=" + Uri.EscapeDataString("What grade did Stoke-on-Trent get for staying safe in 2007?"), "document.querySelector('#answer:not([hidden]) .value')"),
            ("briefing", "/", "document.querySelectorAll('#basketItems li').length === 2"),
            ("paragraph", "/p/{paragraph}", "document.querySelector('main h1')"),
            ("document", "/d/{document}", "document.querySelector('main h1')"),
            ("error", "/p/no-such-paragraph", "document.querySelector('main h1')"),
            ("england", "/england", "document.querySelectorAll('#rows tr').length > 100"),
            ("authority", "/england/331", "document.querySelectorAll('#neighbours tbody tr').length === 11"),
            ("accessibility", "/accessibility", "document.querySelector('main h1')"),
        ];
        var data = new TheoryData<string, string, string, int>();
        foreach (var width in new[] { 1280, 390 })
            foreach (var (name, path, ready) in pages)
                data.Add(name, path, ready, width);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_axe_violations_at_both_widths(string name, string path, string ready, int width)
    {
        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 } });
        var hit = await FirstHit();
        if (name == "briefing")
        {
            // The basket as an analyst has it: two paragraphs, one with a note.
            var items = JsonSerializer.Serialize(new[]
            {
                new { id = hit.Id, title = hit.Title, paragraph = hit.Paragraph, citation = hit.Citation, note = "Stable placements improved." },
                new { id = hit.Id + "-second", title = hit.Title, paragraph = "2", citation = hit.Citation, note = "" },
            });
            await context.AddInitScriptAsync($"localStorage.setItem('searchservice.briefing', {JsonSerializer.Serialize(items)});");
        }
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var response = await page.GotoAsync(server.BaseAddress.ToString().TrimEnd('/') + path.Replace("{paragraph}", Uri.EscapeDataString(hit.Id)).Replace("{document}", Uri.EscapeDataString(hit.DocumentId)));
        Assert.Equal(name == "error" ? 404 : 200, response!.Status);
        await page.WaitForFunctionAsync($"() => {ready}");

        // The page-weight budget (README): the app's own HTML, CSS and JavaScript, not the API's answers.
        var bytes = await page.EvaluateAsync<double>(@"() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')
            .filter(r => ['link', 'script', 'css', 'img'].includes(r.initiatorType))].reduce((n, r) => n + r.decodedBodySize, 0)");
        Assert.True(bytes is > 0 and <= PageWeightBudget, $"{name}: {bytes:N0} bytes of HTML, CSS and JavaScript (budget {PageWeightBudget:N0})");

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        Assert.True(result.Violations.Length == 0, $"{name} at {width} px: {Describe(result.Violations)}");
        // The statement names the axe version these tests run.
        Assert.StartsWith(AccessibilityEndpoints.AxeVersion + ".", result.TestEngine.Version, StringComparison.Ordinal);
        // Every page links to the accessibility statement.
        Assert.Equal(1, await page.Locator("footer a[href='/accessibility']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{name} is wider than {width} px");

        var shot = Path.Combine(BrowserTests.Artifacts, $"{name}-{width}.png");
        if (name == "briefing") await page.Locator("#basket").ScreenshotAsync(new LocatorScreenshotOptions { Path = shot });
        else await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
        Assert.Empty(errors);
    }

    /// <summary>axe's findings as a reader can act on them: the rule, its impact, what it asks, and where.</summary>
    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]\n" + string.Join("\n", v.Nodes.Take(8).Select(n => $"    {n.Target} — {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));

    private sealed record Hit(string Id, string DocumentId, string Title, string Paragraph, string Citation);

    private async Task<Hit> FirstHit()
    {
        var h = (await server.GetJson("/api/search?q=%22placement%20stability%22")).GetProperty("hits")[0];
        return new Hit(h.GetProperty("id").GetString()!, h.GetProperty("documentId").GetString()!, h.GetProperty("documentTitle").GetString()!,
            h.GetProperty("paragraph").GetString()!, h.GetProperty("citation").GetProperty("text").GetString()!);
    }

    /// <summary>Where the focus is, and why it cannot be seen (empty when it can): a yellow ring or a yellow ground, on a :focus-visible element with a size.</summary>
    private const string FocusProblem = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return 'nothing is focused';
          const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.value || '').trim().slice(0, 40) + '"';
          if (!e.matches(':focus-visible')) return name + ' is focused but not :focus-visible';
          const s = getComputedStyle(e);
          const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
          const ground = s.backgroundColor === 'rgb(255, 221, 0)';
          if (!ring && !ground && s.boxShadow === 'none') return name + ' has no focus ring';
          const r = e.getBoundingClientRect();
          if (r.width < 2 || r.height < 2) return name + ' is focused but has no size';
          if (r.bottom < 0 || r.top > window.innerHeight) return name + ' is focused off screen';
          return '';
        }
        """;

    /// <summary>Presses Tab until the focus is on what <paramref name="target"/> (a JS test of <c>e</c>) wants, checking that the focus can be seen at every stop on the way.</summary>
    private static async Task TabTo(IPage page, string target, string what)
    {
        for (int i = 0; i < 250; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var problem = await page.EvaluateAsync<string>(FocusProblem);
            Assert.True(problem.Length == 0, $"on the way to {what}: {problem}");
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return Boolean({target}); }}")) return;
        }
        Assert.Fail($"250 presses of Tab did not reach {what}");
    }

    // The waiter is set before the key is pressed. Playwright's .NET client checks the page's URL and then
    // subscribes to navigations; called after the key press, a navigation that landed between the check and
    // the subscription was missed and waited for until the timeout (CI under load, 2026-11-27).
    static async Task PressEnterAndWaitForNavigation(IPage page, Func<string, bool> url)
    {
        var navigated = page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Keyboard.PressAsync("Enter");
        await navigated;
    }

    [Fact]
    public async Task Keyboard_only_search_filter_open_a_paragraph_add_it_to_the_briefing_and_export()
    {
        var (playwright, browser) = await BrowserTests.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        // Generous waits: on a shared machine under load a page can take many seconds to load.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.length > 0");

        // Search.
        await TabTo(page, "e.id === 'q'", "the search box");
        await page.Keyboard.TypeAsync("placement stability");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".hit mark");

        // Filter: tick the first outcome area with Space; the list is drawn anew and the focus stays on the box.
        await TabTo(page, "e.matches('input[data-facet=outcomeArea]')", "an outcome area filter");
        var area = await page.EvaluateAsync<string>("() => { const e = document.activeElement; e.dataset.before = 'yes'; return e.value; }");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).getAll('outcomeArea').length === 1");
        await page.WaitForFunctionAsync("area => document.querySelector('#chips').textContent.includes(area)", area);
        // Wait for the filters to be drawn anew (the marked box is gone), then the focus must be on the new box.
        await page.WaitForFunctionAsync("() => document.querySelector('#facetLists input') && !document.querySelector('#facetLists [data-before]')");
        Assert.True(await page.EvaluateAsync<bool>("area => document.activeElement.matches('input[data-facet=outcomeArea]') && document.activeElement.value === area && document.activeElement.checked", area),
            "the focus left the filter just ticked");
        Assert.Equal("", await page.EvaluateAsync<string>(FocusProblem));
        await page.WaitForSelectorAsync(".hit");

        // Open the first result's paragraph with Enter.
        await TabTo(page, "e.matches('.hit h3 a')", "the first result");
        var title = await page.EvaluateAsync<string>("document.activeElement.textContent");
        await PressEnterAndWaitForNavigation(page, u => u.Contains("/p/", StringComparison.Ordinal));
        var paragraphPath = new Uri(page.Url).AbsolutePath;
        Assert.Contains(title, await page.InnerTextAsync("nav.crumbs"));
        Assert.Contains(area, await page.InnerTextAsync("main"));

        // Add it to the briefing, then follow the link to the basket.
        await TabTo(page, "e.matches('[data-add-to-briefing]')", "Add to briefing");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('#briefingStatus').textContent.includes('1 paragraph')");
        Assert.Equal("In your briefing", await page.InnerTextAsync("[data-add-to-briefing]"));
        await TabTo(page, "e.matches('#briefingStatus a')", "the link to the briefing");
        await PressEnterAndWaitForNavigation(page, u => u.EndsWith("/#basket", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.querySelector('#basketCount').textContent === '1'");

        // Export it as Markdown with Space.
        await TabTo(page, "e.matches('[data-export=markdown]')", "Export Markdown");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Space"));
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".md");
        try
        {
            await download.SaveAsAsync(path);
            var markdown = await File.ReadAllTextAsync(path);
            Assert.StartsWith("# Briefing", markdown, StringComparison.Ordinal);
            Assert.Contains(paragraphPath + ">", markdown, StringComparison.Ordinal); // the footnote's permanent link
            Assert.Contains("[^1]: ", markdown, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
        Assert.Contains("Exported", await page.InnerTextAsync("#basketStatus"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.Artifacts, "keyboard-journey-export-1280.png") });
        Assert.Empty(errors);
    }
}
