using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace SearchService.Api.Tests;

public class BriefingAndPermalinkTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static readonly string[] ThreeDocuments =
        ["coventry-2011-05-12-slac-inspection~86", "stoke-on-trent-2007-11-26-apa~11", "coventry-2015-11-05-briefing-progress-on-children-s-services-improvem~3.1"];

    private async Task<HttpResponseMessage> Post(object body) => await server.Client.PostAsJsonAsync("/api/briefings", body);

    [Theory]
    [InlineData("markdown", "text/markdown")]
    [InlineData("html", "text/html")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task A_briefing_of_three_seed_documents_exports(string format, string contentType)
    {
        var response = await Post(new { title = "Placements", format, items = ThreeDocuments.Select((id, i) => new { paragraphId = id, note = i == 0 ? "Why it matters" : null }) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var plain = new List<string>();
        foreach (var id in ThreeDocuments)
        {
            var c = await server.GetJson($"/api/paragraphs/{id}/citation?style=plain");
            plain.Add(c.GetProperty("text").GetString()!);
        }
        if (format == "docx")
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            var footnotes = doc.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<DocumentFormat.OpenXml.Wordprocessing.Footnote>().Where(f => f.Id!.Value > 0).Select(f => f.InnerText).ToList();
            Assert.Equal(3, footnotes.Count);
            for (int i = 0; i < 3; i++) Assert.Contains(plain[i], footnotes[i]);
        }
        else
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Contains("Why it matters", text);
            foreach (var c in plain) Assert.Contains(format == "html" ? System.Net.WebUtility.HtmlEncode(c) : c.Replace("(2)", "(2)"), text);
        }
    }

    [Fact]
    public async Task Unknown_ids_empty_lists_and_too_many_items_are_400s()
    {
        var unknown = await Post(new { title = "x", items = new[] { new { paragraphId = "nope-1" }, new { paragraphId = ThreeDocuments[0] } } });
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Contains("nope-1", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(400, (int)(await Post(new { title = "x", items = Array.Empty<object>() })).StatusCode);
        Assert.Equal(400, (int)(await Post(new { title = "x", items = Enumerable.Repeat(new { paragraphId = ThreeDocuments[0] }, 201) })).StatusCode);
        Assert.Equal(400, (int)(await Post(new { title = "x", format = "pdf", items = new[] { new { paragraphId = ThreeDocuments[0] } } })).StatusCode);
        var garbage = await server.Client.PostAsync("/api/briefings", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)garbage.StatusCode);
    }

    [Fact]
    public async Task The_permalink_page_shows_the_paragraph_in_context()
    {
        var response = await server.Client.GetAsync("/p/coventry-2011-05-12-slac-inspection~86");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Looked after children live in stable placements", html);
        Assert.Contains("Staying safe", html);
        Assert.Contains("Inspection of safeguarding and looked after children services: Coventry", html);
        Assert.Contains("grade-good", html);
        Assert.Contains("/p/coventry-2011-05-12-slac-inspection~85", html);
        Assert.Contains("/p/coventry-2011-05-12-slac-inspection~87", html);
        Assert.Contains("/d/coventry-2011-05-12-slac-inspection", html);
        var outline = await server.Client.GetStringAsync("/d/coventry-2011-05-12-slac-inspection");
        Assert.Contains("Record of main findings", outline);
        Assert.Equal(404, (int)(await server.Client.GetAsync("/p/nope")).StatusCode);
    }

    [Theory]
    [InlineData("plain", "Ofsted (2011) Inspection of safeguarding and looked after children services: Coventry, para. 86.")]
    [InlineData("markdown", "Ofsted (2011) [Inspection of safeguarding and looked after children services: Coventry, para. 86](")]
    [InlineData("harvard", "Ofsted (2011) *Inspection of safeguarding and looked after children services: Coventry*, para. 86. Available at: ")]
    [InlineData("oscola", "Ofsted, *Inspection of safeguarding and looked after children services: Coventry* (12 May 2011) para 86 <")]
    public async Task Citation_styles(string style, string expected)
    {
        var c = await server.GetJson($"/api/paragraphs/coventry-2011-05-12-slac-inspection~86/citation?style={style}");
        Assert.StartsWith(expected, c.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_scrutiny_pack_cites_its_sub_document()
    {
        var c = await server.GetJson("/api/paragraphs/coventry-2015-11-05-briefing-progress-on-children-s-services-improvem~3.1/citation");
        Assert.Equal("Coventry City Council (2015) Education and Children's Services Scrutiny Board (2), 5 November 2015: Briefing note — Progress on Children's Services Improvement Plan in response to Ofsted Single Inspection and the Review of the Local Safeguarding Children's Board, para. 3.1.",
            c.GetProperty("text").GetString());
    }
}
