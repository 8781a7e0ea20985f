using System.Security.Cryptography;
using System.Text;
using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Reading;
using SearchService.Core.Segmentation;

namespace SearchService.Core;

/// <summary>
/// read → recognise → segment → enrich: turns one source text into the documents it holds
/// (one for a report or letter; several for a council meeting pack).
/// </summary>
public static class ReportParser
{
    public static IReadOnlyList<ReportDocument> Parse(SourceText source)
    {
        var lines = source.Text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var profiles = DocumentRecognizer.Recognise(lines);
        var documents = new List<ReportDocument>(profiles.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            var subTitle = profile.PartOf is null ? null : (profile.DocumentType == DocumentTypes.BriefingNote ? profile.Title.Replace("Briefing note — ", "") : null);
            var id = Identifiers.DocumentId(profile.Authority, profile.Date, profile.IdStem, subTitle);
            if (!seen.Add(id))
            {
                // Two sub-documents of the same kind and date: the content tells them apart, stably.
                id = $"{id}-{ShortHash(string.Join("\n", profile.BodyLines))}";
                seen.Add(id);
            }
            var blocks = BlockBuilder.Build(profile.BodyLines, profile.NumericScale, headingsMarked: source.Format == SourceFormat.Pdf);
            var (sections, paragraphs, judgements) = OutlineBuilder.Build(blocks, profile, id);
            documents.Add(new ReportDocument(
                id, profile.Title, profile.DocumentType, profile.Publisher, profile.Authority,
                profile.Date, profile.Year, profile.InspectionStart, profile.InspectionEnd, profile.LeadInspector,
                profile.Framework, Path.GetFileName(source.Path), profile.PartOf, sections, paragraphs, judgements));
        }
        return documents;
    }

    private static string ShortHash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();
}
