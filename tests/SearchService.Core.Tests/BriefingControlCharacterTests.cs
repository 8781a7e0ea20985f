using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SearchService.Core.Briefings;

namespace SearchService.Core.Tests;

/// <summary>A briefing whose texts hold control characters still writes a DOCX that opens and validates.</summary>
public class BriefingControlCharacterTests
{
    [Fact]
    public void A_docx_whose_text_holds_control_characters_opens_and_validates()
    {
        var briefing = new Briefing("Title\u0000 with\u0001 controls\u001B", [
            new BriefingItem("A note\u0001 typed\u001B[1m badly\u000C", "A quote \u0000with\u0008 NUL\uFFFF and a lone \uD800 surrogate.",
                "Ofsted (2011) Inspection, para. 86.", "http://x/p/a~86", "a", "Ofsted (2011) Inspection.", "http://x/d/a"),
        ], new DateOnly(2026, 11, 26));

        var bytes = BriefingWriter.Write(briefing, BriefingFormats.Docx);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("A note typed[1m badly", text);
        Assert.Contains("A quote with NUL and a lone  surrogate.", text);
        Assert.DoesNotContain(text, c => c < 0x20);
        foreach (var format in new[] { BriefingFormats.Markdown, BriefingFormats.Html })
            Assert.DoesNotContain(System.Text.Encoding.UTF8.GetString(BriefingWriter.Write(briefing, format)), c => c < 0x20 && c is not ('\n' or '\r' or '\t'));
    }
}
