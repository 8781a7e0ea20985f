using Microsoft.Playwright;
using SearchService.Api.Tests;
using SearchService.Core.Tests;

namespace SearchService.Browser.Tests;

/// <summary>
/// The England page, an authority page and the search page's everyday finishing in a real headless
/// Chromium, over the seeds and the published reports: sort, filter, click through to a cited
/// paragraph, export XLSX and open it with the Open XML SDK. Screenshots at 1280 and 390 px in
/// artifacts/screenshots.
/// </summary>
public class EnglandPageTests(KestrelCorpusApiServer corpus) : IClassFixture<KestrelCorpusApiServer>
{
    private string Base => corpus.Server.BaseAddress.ToString().TrimEnd('/');

    private static async Task<(IPlaywright, IBrowser)> Launch() => await BrowserTests.Launch();

    private static string Shot(string name) => Path.Combine(BrowserTests.Artifacts, name);

    /// <summary>Nothing is wider than the screen: the page does not scroll sideways (wide tables scroll inside their own box). Names what sticks out.</summary>
    private static async Task AssertFitsTheScreen(IPage page)
    {
        var wider = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => !(e.parentElement && e.parentElement.closest('.scroll')) && e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "wider than the screen: " + string.Join(", ", wider.Take(10)));
    }

    private static async Task<IPage> NewPage(IBrowser browser, int width, List<string> errors)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        return page;
    }

    /// <summary>Clicks a download link, checks the file's name, validates it with the Open XML SDK and reads its first sheet.</summary>
    private static async Task<ReadSheet> DownloadXlsx(IPage page, string selector, string namePattern)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        Assert.Matches(namePattern, download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        try
        {
            await download.SaveAsAsync(path);
            await using (var file = File.OpenRead(path)) Assert.Empty(SpreadsheetFile.Validate(file));
            await using (var file = File.OpenRead(path)) return SpreadsheetFile.ReadXlsx(file)[0];
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task England_table_sorts_filters_cites_and_exports_xlsx()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var errors = new List<string>();
        var page = await NewPage(browser, 1280, errors);

        await page.GotoAsync(Base + "/england");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#rows tr').length > 100");
        Assert.Equal(156, await page.Locator("#rows tr").CountAsync());
        Assert.Contains("156 authorities listed (153 current, 3 replaced); 92 with an indexed inspection", await page.InnerTextAsync("#status"));
        Assert.Equal(3, await page.Locator("#rows .tag-replaced").CountAsync());

        // Sort by overall effectiveness: best first, then worst first; the header says which.
        var overall = page.Locator("button[data-sort-key='Overall effectiveness']");
        await overall.ClickAsync();
        Assert.Equal("descending", await page.Locator("th:has(button[data-sort-key='Overall effectiveness'])").GetAttributeAsync("aria-sort"));
        Assert.Contains("grade-outstanding", await page.Locator("#rows tr").First.InnerHTMLAsync());
        await overall.ClickAsync();
        Assert.Equal("ascending", await page.Locator("th:has(button[data-sort-key='Overall effectiveness'])").GetAttributeAsync("aria-sort"));
        Assert.Contains("sort=Overall", Uri.UnescapeDataString(page.Url).Replace('+', ' '));
        // Sorting by the latest inspection puts the most recent first.
        await page.Locator("button[data-sort-key='latest']").ClickAsync();
        var dates = await page.Locator("#rows tr td:nth-child(4)").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.sort).filter(s => s)");
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);

        // Filter: West Midlands, overall effectiveness good.
        await page.SelectOptionAsync("#region", "West Midlands");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#rows tr').length === 14");
        Assert.Contains("region=West", page.Url);
        await page.SelectOptionAsync("#area", "Overall effectiveness");
        await page.SelectOptionAsync("#grade", "good");
        // The table says which filters it shows: wait for the one with both.
        await page.WaitForFunctionAsync("() => (document.getElementById('table').dataset.filters || '').includes('grade=good')");
        var rows = await page.Locator("#rows tr").CountAsync();
        Assert.True(rows >= 1);
        var overallColumn = await page.Locator("#rows tr td:nth-child(5) .grade").AllInnerTextsAsync();
        Assert.All(overallColumn, t => Assert.Equal("Good", t));
        Assert.Equal(rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await page.InnerTextAsync("#counts tbody tr:first-child td[data-grade=good]")).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("england-filtered-1280.png"), FullPage = false });

        // Export what is shown as XLSX and open it.
        var sheet = await DownloadXlsx(page, "#xlsx", @"^england-latest-judgements-west-midlands-overall-effectiveness-good-\d{4}-\d{2}-\d{2}\.xlsx$");
        var shown = await page.Locator("#rows tr th[scope=row] a").AllInnerTextsAsync();
        Assert.Equal(shown.Order(StringComparer.Ordinal), sheet.Rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(sheet.Rows.Skip(1), r => Assert.Equal("good", r[sheet.Rows[0].ToList().IndexOf("Overall effectiveness: grade")]));

        // Click a grade through to the paragraph it is printed in.
        var cell = page.Locator("#rows tr").First.Locator("td:nth-child(5) a.cite");
        var printed = await cell.InnerTextAsync();
        await cell.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/p/"));
        Assert.Contains("Cite this paragraph", await page.ContentAsync());
        Assert.Contains(printed.ToLowerInvariant(), (await page.InnerTextAsync("main")).ToLowerInvariant());
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#rows tr').length > 0");
        Assert.Equal("West Midlands", await page.InputValueAsync("#region"));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/england?region=London", "document.querySelectorAll('#rows tr').length > 10", "england-london-390.png")]
    [InlineData("/england/coventry", "document.querySelectorAll('#neighbours tbody tr').length === 11", "authority-neighbours-390.png")]
    public async Task At_390px_the_page_fits_and_wide_tables_scroll_inside_themselves(string path, string loaded, string screenshot)
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var errors = new List<string>();
        var page = await NewPage(browser, 390, errors);
        await page.GotoAsync(Base + path);
        await page.WaitForFunctionAsync($"() => {loaded}");
        await AssertFitsTheScreen(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot(screenshot), FullPage = false });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Authority_page_shows_its_timeline_beside_its_neighbours_and_searches_the_group()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var errors = new List<string>();
        var page = await NewPage(browser, 1280, errors);

        // Reached from the England table.
        await page.GotoAsync(Base + "/england");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#rows tr').length > 100");
        await page.ClickAsync("#rows a[href='/england/331']");
        await page.WaitForURLAsync(u => u.EndsWith("/england/331", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#neighbours tbody tr').length === 11");
        Assert.Equal("Coventry", await page.InnerTextAsync("h1"));
        var names = await page.Locator("#neighbours tbody th[scope=row] a").AllInnerTextsAsync();
        Assert.Equal(["Coventry", "Derby", "Southampton", "Peterborough", "Bolton", "Wolverhampton", "Hillingdon", "Rochdale", "Walsall", "Luton", "Stoke-on-Trent"], names);
        var timeline = await page.InnerTextAsync("#timeline");
        Assert.Contains("Annual performance assessment", timeline);
        Assert.Contains("Single inspection", timeline);
        Assert.Contains("ILACS", timeline);
        // Beside each other at 1280 px.
        var left = await page.Locator("#timeline").BoundingBoxAsync();
        var right = await page.Locator("#neighbours").BoundingBoxAsync();
        Assert.True(right!.X > left!.X + left.Width - 1, "the neighbours stand beside the timeline");

        // Compare the group on a topic: every member with its count.
        await page.FillAsync("#sq", "\"placement stability\"");
        await page.ClickAsync("#compare");
        await page.WaitForSelectorAsync(".comparison-table tbody tr");
        Assert.Equal(11, await page.Locator(".comparison-table tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("authority-compared-1280.png"), FullPage = false });

        // Search the authority and its neighbours: the search page, scoped to the group.
        await page.CheckAsync("input[name=scope][value=neighbours]");
        await page.ClickAsync("#scoped button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("neighboursOf=Coventry"));
        await page.WaitForSelectorAsync(".hit mark");
        Assert.Contains("Statistical neighbours of: Coventry", await page.InnerTextAsync("#chips"));
        var authorities = await page.Locator(".hit .meta a[href^='/england/']").AllInnerTextsAsync();
        Assert.NotEmpty(authorities);
        Assert.All(authorities, a => Assert.Contains(a, names));
        // Every match of the scoped search downloads as XLSX: the same rows as the API, all from the group.
        var total = (await corpus.Server.GetJson("/api/search?q=%22placement%20stability%22&neighboursOf=Coventry")).GetProperty("total").GetInt32();
        var sheet = await DownloadXlsx(page, "#exportXlsx", @"^search-placement-stability-neighbours-of-coventry-\d{4}-\d{2}-\d{2}\.xlsx$");
        Assert.Equal(total, sheet.Rows.Count - 1);
        Assert.All(sheet.Rows.Skip(1), r => Assert.Contains(r[1], names));
        // Every result and every authority facet leads back to an authority page.
        Assert.True(await page.Locator("#facetLists a.profile").CountAsync() > 0);
        await page.Locator(".hit .meta a[href^='/england/']").First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/england/"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#neighbours tbody tr').length === 11");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_page_at_390px_puts_results_first_with_filters_behind_a_button_and_suggests_spellings()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var errors = new List<string>();
        var page = await NewPage(browser, 390, errors);
        await page.GotoAsync(Base + "/?q=placment%20stabilty");
        await page.WaitForSelectorAsync("#suggestion a");
        Assert.Equal("placement stability", await page.InnerTextAsync("#suggestion a"));
        await page.ClickAsync("#suggestion a");
        await page.WaitForURLAsync(u => u.Contains("q=placement+stability") || u.Contains("q=placement%20stability"));
        await page.WaitForSelectorAsync(".hit mark");
        Assert.True(await page.Locator("#suggestion").IsHiddenAsync());

        // Filters wait behind a button; the results come first.
        Assert.False(await page.Locator("#filtersPanel").IsVisibleAsync());
        Assert.True(await page.Locator(".hit").First.IsVisibleAsync());
        await AssertFitsTheScreen(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("search-390-results-first.png"), FullPage = false });
        await page.ClickAsync("#filtersToggle");
        Assert.Equal("true", await page.GetAttributeAsync("#filtersToggle", "aria-expanded"));
        Assert.True(await page.Locator("#filtersPanel").IsVisibleAsync());
        await page.CheckAsync("input[data-facet=region][value='West Midlands']");
        await page.WaitForURLAsync(u => u.Contains("region=West"));
        await page.WaitForFunctionAsync("() => document.getElementById('filtersToggle').textContent === 'Filters (1)'");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("search-390-filters-open.png"), FullPage = false });

        // Sort oldest first and 20 a page.
        await page.SelectOptionAsync("#sort", "oldest");
        await page.WaitForURLAsync(u => u.Contains("sort=oldest"));
        await page.SelectOptionAsync("#pageSize", "20");
        await page.WaitForURLAsync(u => u.Contains("pageSize=20"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.hit').length === 20");
        var dates = await page.Locator(".hit .meta").AllInnerTextsAsync();
        var isoDates = dates.Select(d => System.Text.RegularExpressions.Regex.Match(d, @"\d{4}-\d{2}-\d{2}").Value).ToList();
        Assert.Equal(isoDates.Order(StringComparer.Ordinal), isoDates);

        await page.SetViewportSizeAsync(1280, 900);
        Assert.True(await page.Locator("#filtersPanel").IsVisibleAsync());
        Assert.False(await page.Locator("#filtersToggle").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("search-1280-oldest-first.png"), FullPage = false });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_bad_link_is_a_page_with_a_way_back()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var errors = new List<string>();
        var page = await NewPage(browser, 390, errors);
        var response = await page.GotoAsync(Base + "/p/coventry-2026-03-13-ilacs~9999");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Paragraph not found", await page.InnerTextAsync("h1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("not-found-390.png"), FullPage = false });
        await page.ClickAsync("text=Every authority's judgements");
        await page.WaitForURLAsync(u => u.EndsWith("/england", StringComparison.Ordinal));
        var tooLong = await page.GotoAsync(Base + "/?q=x&" + string.Join("&", Enumerable.Range(0, 800).Select(i => $"authority=A{i}")));
        Assert.Equal(414, tooLong!.Status);
        Assert.Contains("the server accepts links of at most 8,000", await page.InnerTextAsync("main"));
    }
}
