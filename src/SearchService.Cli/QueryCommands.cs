using System.CommandLine;
using SearchService.Search.Answering;
using SearchService.Search.Searching;

namespace SearchService.Cli;

/// <summary><c>search</c> and <c>ask</c>, with the API's filters.</summary>
internal static class QueryCommands
{
    public static Command Search()
    {
        var query = new Argument<string[]>("QUERY") { Description = "words, \"phrases\", -exclusions, OR, brackets (as on the web page)", Arity = ArgumentArity.OneOrMore };
        var index = Shared.IndexOption();
        var filters = new FilterOptions();
        var page = new Option<int>("--page") { Description = "page of results, from 1", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "results per page", DefaultValueFactory = _ => 10 };
        var sort = FilterOptions.SortOption();
        var groupBy = new Option<string?>("--group-by") { Description = "document: the best paragraph per document" };
        groupBy.AcceptOnlyFromAmong("document", "paragraph");
        var command = new Command("search", "Search paragraphs, with the same filters as the API") { query, index, page, pageSize, sort, groupBy };
        Shared.RejectUnknownOptions(query, command);
        filters.AddTo(command);
        command.SetAction(r =>
        {
            var folder = r.GetValue(index)!;
            var request = new SearchRequest
            {
                Query = string.Join(" ", r.GetValue(query)!),
                Filters = filters.Read(r),
                Page = r.GetValue(page),
                PageSize = r.GetValue(pageSize),
                Sort = FilterOptions.ReadSort(r.GetValue(sort)),
                GroupByDocument = r.GetValue(groupBy) == "document",
            };
            using var reportIndex = Shared.OpenIndex(folder);
            var result = Shared.Query(folder, () => reportIndex.Search(request));
            Print(result);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(SearchResult result)
    {
        if (result.Warning is not null) Console.WriteLine($"note: {result.Warning}");
        Console.WriteLine($"{result.Total} {(result.Hits.Count > 0 && result.Hits[0].MoreInDocument is not null ? "documents match" : "paragraphs match")} \"{result.Query}\" ({result.TookMs:0.0} ms){(result.Partial ? ", partial" : "")}");
        int n = (result.Page - 1) * result.PageSize;
        foreach (var hit in result.Hits)
        {
            Console.WriteLine();
            Console.WriteLine($"{++n}. {hit.Paragraph.Citation}");
            Console.WriteLine($"   {string.Join(" › ", hit.Paragraph.SectionPath)}{(hit.Paragraph.Grade is { } g ? $"  [{g.Label}: {g.Raw}]" : "")}");
            Console.WriteLine($"   {System.Net.WebUtility.HtmlDecode(hit.Snippet.Replace("<mark>", "[").Replace("</mark>", "]"))}");
            Console.WriteLine($"   id: {hit.Paragraph.Id}");
        }
    }

    public static Command Ask()
    {
        var question = new Argument<string[]>("QUESTION") { Description = "a question, e.g. \"Who led Coventry's 2026 inspection?\"", Arity = ArgumentArity.OneOrMore };
        var index = Shared.IndexOption();
        var filters = new FilterOptions();
        var command = new Command("ask", "Answer with a verbatim quote, its confidence and citation, or say why not") { question, index };
        Shared.RejectUnknownOptions(question, command);
        filters.AddTo(command);
        command.SetAction(r =>
        {
            var folder = r.GetValue(index)!;
            using var reportIndex = Shared.OpenIndex(folder);
            var answer = Shared.Query(folder, () => new QuestionAnswerer(reportIndex).Ask(string.Join(" ", r.GetValue(question)!), filters.Read(r)));
            if (answer.Answer is null)
            {
                Console.WriteLine($"No answer (confidence {answer.Confidence:0.00}): {answer.Reason}");
                foreach (var h in answer.Passages.Take(3)) Console.WriteLine($"  closest: {h.Paragraph.Citation}");
                return ExitCodes.Ok;
            }
            Console.WriteLine($"Answer: {answer.Answer.Text}{(answer.Answer.Value is null || answer.Answer.Value == answer.Answer.Text ? "" : $" ({answer.Answer.Value})")}");
            Console.WriteLine($"Confidence: {answer.Confidence:0.00}");
            foreach (var c in answer.Citations)
            {
                Console.WriteLine($"Quote: \"{c.Quote}\"");
                Console.WriteLine($"Citation: {c.CitationText}");
                Console.WriteLine($"Paragraph: {c.ParagraphId}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>The API's filters as options: repeat one for "any of".</summary>
internal sealed class FilterOptions
{
    private readonly Option<string[]> _authority = new("--authority") { Description = "an authority (repeat for any of several)" };
    private readonly Option<int[]> _year = new("--year") { Description = "a year (repeat for any of several)" };
    private readonly Option<int?> _yearFrom = new("--year-from") { Description = "first year of a range" };
    private readonly Option<int?> _yearTo = new("--year-to") { Description = "last year of a range" };
    private readonly Option<string[]> _outcomeArea = new("--outcome-area") { Description = "an outcome area, e.g. \"Staying safe\" (repeatable)" };
    private readonly Option<string[]> _grade = new("--grade") { Description = "outstanding, good, adequate or inadequate (repeatable)" };
    private readonly Option<string[]> _type = new("--type") { Description = "a document type (repeatable)" };
    private readonly Option<string[]> _region = new("--region") { Description = "a region, e.g. \"West Midlands\" (repeatable)" };
    private readonly Option<string[]> _authorityType = new("--authority-type") { Description = "an authority type, e.g. \"London Borough\" (repeatable)" };
    private readonly Option<string[]> _framework = new("--framework") { Description = "an inspection framework, e.g. \"Single inspection\" (repeatable)" };
    private readonly Option<string[]> _neighboursOf = new("--neighbours-of") { Description = "an authority (name or DfE/ONS code) and its ten statistical neighbours", HelpName = "AUTHORITY" };
    private readonly Option<bool> _latest = new("--latest") { Description = "only each authority's most recent inspection report" };

    /// <summary>relevance, date (newest first) or oldest, as on the web page.</summary>
    public static Option<string> SortOption()
    {
        var sort = new Option<string>("--sort") { Description = "relevance, date (newest first) or oldest", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "date", "oldest");
        return sort;
    }

    public static SearchSort ReadSort(string? sort) => sort switch
    {
        "date" => SearchSort.Date,
        "oldest" => SearchSort.Oldest,
        _ => SearchSort.Relevance,
    };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _authority, _year, _yearFrom, _yearTo, _outcomeArea, _grade, _type, _region, _authorityType, _framework, _neighboursOf, _latest }) command.Options.Add(o);
        _neighboursOf.Validators.Add(r =>
        {
            foreach (var a in r.GetValueOrDefault<string[]>() ?? [])
                if (Core.Metadata.Authorities.Find(a) is null) r.AddError($"--neighbours-of names no authority in the gazetteer: '{a}' (use a name such as Coventry or a DfE code such as 331).");
        });
        _year.Validators.Add(r => { if (r.GetValueOrDefault<int[]>()?.Any(y => y is < 1900 or > 2100) == true) r.AddError("--year must be between 1900 and 2100."); });
        command.Validators.Add(r =>
        {
            if (r.GetValue(_yearFrom) is { } from && r.GetValue(_yearTo) is { } to && from > to) r.AddError($"--year-from ({from}) is after --year-to ({to}).");
        });
    }

    public SearchFilters Read(ParseResult r) => new()
    {
        Authority = r.GetValue(_authority) ?? [],
        Year = r.GetValue(_year) ?? [],
        YearFrom = r.GetValue(_yearFrom),
        YearTo = r.GetValue(_yearTo),
        OutcomeArea = r.GetValue(_outcomeArea) ?? [],
        Grade = r.GetValue(_grade) ?? [],
        DocumentType = r.GetValue(_type) ?? [],
        Region = r.GetValue(_region) ?? [],
        AuthorityType = r.GetValue(_authorityType) ?? [],
        Framework = r.GetValue(_framework) ?? [],
        NeighboursOf = (r.GetValue(_neighboursOf) ?? []).Select(a => Core.Metadata.Authorities.Find(a)!.Name).ToList(),
        Latest = r.GetValue(_latest),
    };
}
