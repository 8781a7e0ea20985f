using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Core.Model;
using SearchService.Core.Quality;
using SearchService.Search.Indexing;
using SearchService.Search.Searching;

namespace SearchService.Api.Features.Quality;

/// <summary>One thing that needs a look: its kind and what exactly.</summary>
public sealed record QualityFindingDto(QualityProblem Problem, string Detail);

/// <summary>
/// A document with something unresolved, or a file the build did not index (then <see cref="DocumentId"/>
/// and <see cref="Title"/> are null): its kinds of problem and, in words, what to look at.
/// </summary>
public sealed record QualityEntryDto(string? DocumentId, string FileName, string? Title, IReadOnlyList<QualityProblem> Problems, string Detail, IReadOnlyList<QualityFindingDto> Findings)
{
    public static QualityEntryDto From(QualityEntry e) =>
        new(e.DocumentId, e.FileName, e.Title, e.Problems, e.Detail, e.Findings.Select(f => new QualityFindingDto(f.Problem, f.Detail)).ToList());
}

/// <summary>
/// The data-quality listing of the served index: of <see cref="Documents"/> documents, those needing a
/// look, and the files not indexed (<see cref="UnreadFilesRecorded"/> is false for an index built
/// before its build recorded them); <see cref="Counts"/> counts entries by kind of problem.
/// </summary>
public sealed record QualityDto(int Documents, int DocumentsNeedingALook, int FilesNotIndexed, bool UnreadFilesRecorded,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyList<QualityEntryDto> Entries);

/// <summary>GET /api/quality: every document with anything unresolved, and every file not indexed, with the reason.</summary>
public static class QualityEndpoints
{
    public static IEndpointRouteBuilder MapQuality(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/quality").WithTags("Quality")
            .MapGet("/", List).WithSummary("The data-quality listing: documents with an unresolved authority, type, dates, judgements or graded heading, and files not indexed")
            .WithDescription("Each entry names the document (id, file, title), the kinds of problem (authority-unresolved, type-unrecognised, " +
                "publication-date-unread, inspection-dates-unread, judgements-unread, graded-heading-without-area, file-not-read, file-skipped) and what exactly. " +
                "Findings are worked out when a document is read and stored with it; documents that read clean are counted, not listed.");
        return app;
    }

    internal static Ok<QualityDto> List(ReportIndex index)
    {
        var listing = QualityListings.Of(index);
        return TypedResults.Ok(new QualityDto(listing.Documents, listing.DocumentsNeedingALook, listing.FilesNotIndexed,
            QualityListings.UnreadFiles(index.Path) is not null, listing.Counts, listing.Entries.Select(QualityEntryDto.From).ToList()));
    }
}
