using Microsoft.Playwright;
using SearchService.Api.Tests;

namespace SearchService.Browser.Tests;

/// <summary>
/// The page in a real headless Chromium (Debian's chromium, driven by Playwright; Playwright cannot
/// download its own browser here). Without a chromium on PATH these tests are reported as skipped,
/// and .ci/run (which installs chromium) fails on that skip. Screenshots at 1280 and 390 px are kept in artifacts/screenshots.
/// </summary>
public class BrowserTests(KestrelApiServer server) : IClassFixture<KestrelApiServer>
{
    private static readonly string? Chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    internal static string Artifacts
    {
        get
        {
            var dir = Path.Combine(ProjectPaths.Root, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    internal static async Task<(IPlaywright, IBrowser)> Launch()
    {
        if (Chromium is null) Assert.Skip("no chromium on this machine (apt-get install chromium); the browser tests did not run.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task Search_filter_open_in_context_add_to_briefing_and_export_markdown()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(server.BaseAddress + "");
        await page.FillAsync("#q", "\"placement stability\"");
        await page.PressAsync("#q", "Enter");
        // The page lists every paragraph before the query runs: wait for the query's own results (marked hits).
        await page.WaitForURLAsync(u => u.Replace("%20", "+").Contains("placement+stability"));
        await page.WaitForSelectorAsync(".hit mark");
        Assert.True(await page.Locator(".hit mark").CountAsync() > 0);

        // Outcome area "Staying safe": the URL holds it, a chip shows it, every hit is about it.
        await page.CheckAsync("input[data-facet=outcomeArea][value='Staying safe']");
        await page.WaitForURLAsync(u => u.Contains("outcomeArea=Staying"));
        await page.WaitForSelectorAsync(".chip");
        Assert.Contains("Outcome area: Staying safe", await page.InnerTextAsync("#chips"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.hit').length > 0");
        var hits = await page.Locator(".hit").CountAsync();
        Assert.True(hits >= 2, $"{hits} hits under Staying safe");

        // Add two results to the briefing, then open one in context and come back.
        await page.Locator(".hit button.add").Nth(0).ClickAsync();
        await page.Locator(".hit button.add").Nth(1).ClickAsync();
        Assert.Equal("2", await page.InnerTextAsync("#basketCount"));
        await page.FillAsync("#note-0", "Stability matters for outcomes.");
        await page.Locator("#note-0").DispatchEventAsync("change");
        var firstTitle = await page.Locator(".hit h3").First.InnerTextAsync();
        await page.Locator(".hit .actions a").First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/p/"));
        Assert.Contains("Cite this paragraph", await page.ContentAsync());
        Assert.Contains(firstTitle, await page.InnerTextAsync("nav.crumbs"));
        await page.GoBackAsync();
        await page.WaitForSelectorAsync(".hit");
        Assert.Equal("2", await page.InnerTextAsync("#basketCount"));

        // Export Markdown and read it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-export=markdown]"));
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".md");
        await download.SaveAsAsync(path);
        var markdown = await File.ReadAllTextAsync(path);
        Assert.StartsWith("# Briefing", markdown);
        Assert.Contains("Stability matters for outcomes.", markdown);
        Assert.Contains("[^1]: ", markdown);
        Assert.Contains("[^2]: ", markdown);
        Assert.Contains("## Sources", markdown);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "journey-exported-1280.png"), FullPage = false });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_question_shows_the_answer_card_and_the_page_works_at_390px_and_by_keyboard()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(server.BaseAddress + "");

        // Keyboard only: the first Tab reaches the skip link, then the home link, the England page's link, then the search box.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to results", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("England at a glance", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("What grade did Stoke-on-Trent get for staying safe in 2007?");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("#answer:not([hidden]) .value");
        var card = await page.InnerTextAsync("#answer");
        Assert.Contains("Grade 1", card);
        Assert.Contains("inadequate", card);
        Assert.Contains("para. 7", card);
        Assert.True(await page.Locator("#answer button.copy").IsVisibleAsync());
        Assert.Contains("Stoke-on-Trent", await page.InnerTextAsync("#answer .source"));
        Assert.Equal("Answer", await page.InnerTextAsync("#answer h2"));
        // Nothing is wider than the phone's screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "ask-390.png"), FullPage = true });

        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "ask-1280.png") });
    }

    [Fact]
    public async Task The_trend_chart_shows_every_year_with_an_axis_and_the_numbers_the_API_gives()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(server.BaseAddress + "?q=placement%20stability");
        await page.WaitForSelectorAsync("#trendChart rect[data-year]");

        var api = await server.GetJson("/api/trends?q=placement%20stability&by=year");
        var expected = api.GetProperty("buckets").EnumerateArray()
            .Select(b => (b.GetProperty("value").GetString()!, b.GetProperty("paragraphs").GetInt32(), b.GetProperty("totalParagraphs").GetInt32())).ToList();
        var bars = await page.EvalOnSelectorAllAsync<string[]>("#trendChart rect[data-year]",
            "rs => rs.map(r => r.dataset.year + '|' + r.dataset.count + '|' + r.dataset.total)");
        Assert.Equal(expected.Select(e => $"{e.Item1}|{e.Item2}|{e.Item3}"), bars);
        // Every year from the first to the last, zeros included.
        var years = expected.Select(e => int.Parse(e.Item1)).ToList();
        Assert.Equal(Enumerable.Range(years[0], years[^1] - years[0] + 1), years);
        Assert.Contains(expected, e => e.Item2 == 0);
        // A count axis whose top is at least the largest count, and the bars' heights in proportion.
        var ticks = await page.EvalOnSelectorAllAsync<string[]>("#trendChart .axis text", "ts => ts.map(t => t.textContent)");
        Assert.Equal("0", ticks[0]);
        int top = int.Parse(ticks[^1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(top >= expected.Max(e => e.Item2));
        var heights = await page.EvalOnSelectorAllAsync<double[]>("#trendChart rect[data-year]", "rs => rs.map(r => r.height.baseVal.value)");
        int biggest = expected.FindIndex(e => e.Item2 == expected.Max(x => x.Item2));
        for (int i = 0; i < heights.Length; i++)
            Assert.Equal(heights[biggest] * expected[i].Item2 / expected[biggest].Item2, heights[i], 1.0);
        Assert.Contains("Matching paragraphs per year", await page.InnerTextAsync("#trend figcaption"));

        // Share instead of counts: the caption names the denominator, the axis is in per cent.
        await page.CheckAsync("input[name=trendMode][value=share]");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#trendChart .axis text')].pop()?.textContent.endsWith('%')");
        Assert.Contains(api.GetProperty("denominator").GetString()!, await page.InnerTextAsync("#trendCaption"));
        Assert.Contains("chart=share", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "trend-share-1280.png") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_page_says_which_synonyms_matched_can_turn_them_off_and_says_when_words_were_dropped()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(server.BaseAddress + "?q=%22placement%20stability%22");
        await page.WaitForSelectorAsync("#synonyms:not([hidden])");
        var listed = await page.InnerTextAsync("#synonyms");
        Assert.StartsWith("Also matched: ", listed, StringComparison.Ordinal);
        Assert.Contains("stable placements", listed, StringComparison.Ordinal); // the curated group lists other forms too
        Assert.Contains("Matched the synonym stable placements", await page.InnerTextAsync("#results"));

        await page.UncheckAsync("#useSynonyms");
        await page.WaitForURLAsync(u => u.Contains("exact=true"));
        await page.WaitForFunctionAsync("() => document.querySelector('#synonymList').textContent.includes('Synonyms are off')");
        Assert.DoesNotContain("Matched the synonym", await page.InnerTextAsync("#results"));
        Assert.Contains("paragraphs in", await page.InnerTextAsync("#summary"));

        await page.GotoAsync(server.BaseAddress + "?q=placement%20stability%20xyzzyq");
        await page.WaitForSelectorAsync("#relaxed:not([hidden])");
        var notice = await page.InnerTextAsync("#relaxed");
        Assert.Contains("No paragraph has every word", notice);
        Assert.Contains("“xyzzyq”", notice);
        var api = await server.GetJson("/api/search?q=placement%20stability%20xyzzyq");
        Assert.StartsWith($"{api.GetProperty("total").GetInt32():N0} paragraphs in {api.GetProperty("documents").GetInt32():N0} documents",
            await page.InnerTextAsync("#summary"));
    }

    [Fact]
    public async Task A_search_is_a_search_unless_it_ends_with_a_question_mark_or_asks_and_weak_answers_are_possible_answers()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        // Starts like a question but is a search: results, no answer card.
        await page.GotoAsync(server.BaseAddress + "?q=" + Uri.EscapeDataString("what grade did Stoke-on-Trent get for staying safe"));
        await page.WaitForSelectorAsync(".hit");
        Assert.True(await page.Locator("#answer").IsHiddenAsync());

        // The same words with the toggle ticked are asked.
        await page.Locator("#ask").CheckAsync();
        await page.Locator("#search button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#answer:not([hidden]) h2");
        Assert.Contains("ask=1", page.Url);

        // Two reports fit with different grades: a possible answer, styled as such.
        await page.GotoAsync(server.BaseAddress + "?q=" + Uri.EscapeDataString("What grade did Coventry get for being healthy?"));
        await page.WaitForSelectorAsync("#answer:not([hidden]) h2");
        Assert.Equal("Possible answer", await page.InnerTextAsync("#answer h2"));
        Assert.Contains("possible", await page.GetAttributeAsync("#answer", "class"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "possible-answer-1280.png") });
    }
    [Fact]
    public async Task Two_quick_changes_end_showing_the_second_even_when_the_first_answer_arrives_last()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseAddress + "?q=care");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.hit').length === 10");

        // The first change's search is held back until the second one has been drawn, so its
        // answer comes back last: the page must not draw it over the newer one.
        var secondDrawn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(u => u.Contains("/api/search?", StringComparison.Ordinal) && u.Contains("sort=oldest", StringComparison.Ordinal) && u.Contains("pageSize=10", StringComparison.Ordinal), async route =>
        {
            await secondDrawn.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await route.ContinueAsync();
        });
        var firstAnswered = page.WaitForRequestFinishedAsync(new() { Predicate = r => r.Url.Contains("/api/search?", StringComparison.Ordinal) && r.Url.Contains("sort=oldest", StringComparison.Ordinal) && r.Url.Contains("pageSize=10", StringComparison.Ordinal) });

        await page.SelectOptionAsync("#sort", "oldest");
        await page.SelectOptionAsync("#pageSize", "20");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.hit').length === 20");
        var newest = await page.InnerTextAsync("#results");
        secondDrawn.SetResult();
        await firstAnswered;
        // The late body is in; give the page a few turns of its event loop to (wrongly) draw it.
        await page.EvaluateAsync("() => new Promise(r => setTimeout(() => requestAnimationFrame(() => setTimeout(r, 100)), 0))");

        Assert.Equal(20, await page.Locator(".hit").CountAsync());
        Assert.Equal(newest, await page.InnerTextAsync("#results"));
        Assert.Contains("pageSize=20", page.Url, StringComparison.Ordinal);
    }
}
