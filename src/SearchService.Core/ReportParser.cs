using System.Security.Cryptography;
using System.Text;
using SearchService.Core.Enrichment;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Prose;
using SearchService.Core.Reading;
using SearchService.Core.Segmentation;

namespace SearchService.Core;

/// <summary>
/// read → recognise → segment → enrich: turns one source text into the documents it holds
/// (one for a report or letter; several for a council meeting pack).
/// </summary>
public static class ReportParser
{
    /// <summary>The label of the front-page paragraph (inspection dates, lead inspector, publication), as cited.</summary>
    public const string FrontPageLabel = "front page";

    public static IReadOnlyList<ReportDocument> Parse(SourceText source)
    {
        var lines = source.Text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var profiles = DocumentRecognizer.Recognise(lines, source.Produced);
        var documents = new List<ReportDocument>(profiles.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            var subTitle = profile.PartOf is null ? null : (profile.DocumentType == DocumentTypes.BriefingNote ? profile.Title.Replace("Briefing note — ", "") : null);
            var id = Identifiers.DocumentId(profile.AuthorityName, profile.IdDate, profile.IdStem, subTitle);
            // An authority or date not recognised would give every such document one shared id: the content tells them apart, stably.
            if (profile.Authority is null || profile.IdDate is null) id = $"{id}-{ShortHash(string.Join("\n", profile.BodyLines))}";
            if (!seen.Add(id))
            {
                // Two sub-documents of the same kind and date: the content tells them apart, stably.
                id = $"{id}-{ShortHash(string.Join("\n", profile.BodyLines))}";
                seen.Add(id);
            }
            var blocks = FrontPage(profile).Concat(BlockBuilder.Build(profile.BodyLines, profile.NumericScale, headingsMarked: source.Format == SourceFormat.Pdf)).ToList();
            var (sections, paragraphs, judgements) = OutlineBuilder.Build(blocks, profile, id);
            var frontMatter = profile.FrontMatter with { ParagraphId = paragraphs.FirstOrDefault(p => p.Label == FrontPageLabel)?.Id };
            var document = new ReportDocument(
                id, profile.Title, profile.DocumentType, profile.Framework, profile.Publisher, profile.Authority, frontMatter,
                Path.GetFileName(source.Path), profile.PartOf, sections, paragraphs, judgements)
            {
                Definitions = AcronymDefinitions.In(paragraphs),
            };
            documents.Add(document with { Findings = QualityRules.Check(document, profile.UnreadJudgementTable) });
        }
        return documents;
    }

    /// <summary>The front page's fields as printed, one citable paragraph under "Inspection details".</summary>
    private static IEnumerable<Block> FrontPage(DocumentProfile profile)
    {
        if (profile.FrontPageLines.Count == 0) yield break;
        yield return new HeadingBlock("Inspection details", 2, null, null);
        yield return new TextBlock(string.Join("\n", profile.FrontPageLines), FrontPageLabel, ParagraphKind.Text);
    }

    private static string ShortHash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();
}
