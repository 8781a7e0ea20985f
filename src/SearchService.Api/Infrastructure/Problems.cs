
namespace SearchService.Api.Infrastructure;

/// <summary>
/// RFC 7807 problem details that endpoints return themselves (a 400 or 404 they decide on).
/// Exceptions are turned into problems in one place, <see cref="ProblemExceptionHandler"/>.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
