using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using static SearchService.Api.Features.Permalinks.HtmlPage;

namespace SearchService.Api.Features.Accessibility;

/// <summary>
/// GET /accessibility: the accessibility statement, in the form of the GOV.UK model statement that
/// UK public bodies publish (the Public Sector Bodies Accessibility Regulations 2018). Linked from
/// every page's footer. The organisation running the service can name itself and its contact
/// (<c>Accessibility:Organisation</c>, <c>Accessibility:Contact</c>, an e-mail address or a web address).
/// </summary>
public static class AccessibilityEndpoints
{
    /// <summary>When the pages were last tested, and with what; the browser tests check the axe version against the engine they run.</summary>
    public static readonly DateOnly LastTested = new(2026, 11, 26);

    public const string AxeVersion = "4.14";

    public static IEndpointRouteBuilder MapAccessibility(this IEndpointRouteBuilder app)
    {
        app.MapGet("/accessibility", Statement).WithTags("Pages").ExcludeFromDescription();
        return app;
    }

    // Long because the statement is one HTML document whose sections follow the GOV.UK model statement's order; split, it would read worse.
    internal static ContentHttpResult Statement(IConfiguration configuration)
    {
        var organisation = configuration["Accessibility:Organisation"] is { Length: > 0 } o ? E(o) : "the organisation that runs this copy of SearchService";
        var contact = Contact(configuration["Accessibility:Contact"]);
        var tested = LastTested.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var body = $$"""
            <h1>Accessibility statement for SearchService</h1>
            <p>This accessibility statement applies to the SearchService website: the search page and its briefing basket,
            the paragraph and document pages, the England and authority pages, the error pages and this statement.</p>
            <p>This website is run by {{organisation}}. We want as many people as possible to be able to use it. For example, that means you should be able to:</p>
            <ul>
              <li>change colours, contrast levels and fonts using browser or device settings</li>
              <li>zoom in up to 400% without the text spilling off the screen</li>
              <li>navigate the whole website using just a keyboard</li>
              <li>navigate most of the website using speech recognition software</li>
              <li>listen to most of the website using a screen reader</li>
            </ul>
            <p>Every grade is written in words as well as coloured, and the trend chart has a table of the same numbers.</p>
            <p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device easier to use if you have a disability.</p>

            <h2>How accessible this website is</h2>
            <p>We know some parts of this website are not fully accessible:</p>
            <ul>
              <li>the text of the reports is the text read from their PDF files: a report's tables and lists are shown as paragraphs, and where a PDF
                sets text in columns or boxes a sentence can occasionally be read out of its printed order</li>
              <li>the interactive API documentation (<a href="/scalar/">/scalar/</a>), a tool for developers built from a third-party component, has not been tested</li>
              <li>the Word (DOCX) and HTML briefings the basket exports have headings and footnotes, but have not been checked with a screen reader</li>
            </ul>

            <h2>Feedback and contact information</h2>
            <p>If you need information on this website in a different format, or find a problem not listed on this page, {{contact}}
            Tell us the web address of the page, what you were trying to do and what went wrong. An error page shows a request id: please quote it.</p>

            <h2>Reporting accessibility problems with this website</h2>
            <p>We're always looking to improve the accessibility of this website. If you find any problems not listed on this page
            or think we're not meeting accessibility requirements, {{contact}}</p>

            <h2>Enforcement procedure</h2>
            <p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications)
            (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you're not happy with how we respond to your complaint,
            <a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>.</p>

            <h2>Technical information about this website's accessibility</h2>
            <p>We are committed to making this website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications)
            (No. 2) Accessibility Regulations 2018.</p>
            <h3>Compliance status</h3>
            <p>This website is partially compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a>
            AA standard, due to the non-compliances listed below.</p>

            <h2>Non-accessible content</h2>
            <p>The content listed below is non-accessible for the following reasons.</p>
            <h3>Non-compliance with the accessibility regulations</h3>
            <ul>
              <li>Text read from a report's PDF can lose the report's tables, lists and, rarely, its reading order. This fails WCAG 2.2 success
                criteria 1.3.1 (info and relationships) and 1.3.2 (meaningful sequence) for those passages. Every paragraph page links to its
                document's outline, and the report itself is published by Ofsted or the council.</li>
              <li>The interactive API documentation has not been tested against WCAG 2.2. The same contract is available as a plain
                <a href="/openapi/v1.json">OpenAPI document</a>.</li>
            </ul>
            <h3>Disproportionate burden</h3>
            <p>We are not claiming disproportionate burden for any part of this website.</p>
            <h3>Content that's not within the scope of the accessibility regulations</h3>
            <p>The reports themselves are published by Ofsted and by councils, not by this website; their PDF files are outside this statement.</p>

            <h2>What we're doing to improve accessibility</h2>
            <p>Every change to the website runs the automated checks below on every page before it is released. We plan a test with
            screen reader users (NVDA, JAWS and VoiceOver), which automated checks cannot replace.</p>

            <h2>Preparation of this accessibility statement</h2>
            <p>This statement was prepared on {{tested}}. It was last reviewed on {{tested}}.</p>
            <p>This website was last tested on {{tested}} against the WCAG 2.2 AA standard. The test was carried out by the team that builds it, with:</p>
            <ul>
              <li>axe-core {{AxeVersion}} (Deque's automated rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA, and best practice) in Chromium,
                at 1280 and 390 pixels wide, on every page: the search page, results for "placement stability", the briefing basket,
                a paragraph page, a document page, an error page, the England page, an authority page and this statement, with no violations found</li>
              <li>a keyboard-only journey: search, filter the results, open a paragraph, add it to a briefing and export the briefing,
                using only the Tab, Enter and Space keys, with the focus visible at every step</li>
            </ul>
            <p>Automated checks find only some accessibility problems. The pages follow GOV.UK Design System patterns where they apply:
            a skip link, a visible yellow focus, error pages that say what went wrong and where to go next, and tables with captions and headers.</p>
            """;
        return TypedResults.Content(Render("Accessibility statement", body), "text/html; charset=utf-8");
    }

    /// <summary>How to report a problem: the configured e-mail or web address, or the organisation's usual support route.</summary>
    internal static string Contact(string? contact)
    {
        if (string.IsNullOrWhiteSpace(contact))
            return "contact the team that runs this service at your organisation (your IT service desk).";
        if (contact.Contains('@', StringComparison.Ordinal) && !contact.Contains("://", StringComparison.Ordinal))
            return $"email <a href=\"mailto:{E(contact)}\">{E(contact)}</a>.";
        if (Uri.TryCreate(contact, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            return $"use <a href=\"{E(uri.ToString())}\">{E(uri.ToString())}</a>.";
        return $"contact {E(contact)}.";
    }
}
