using System.Reflection;
using NetArchTest.Rules;
using SearchService.Core.Tests.ArchitectureFixture.Lower;

namespace SearchService.Core.Tests;

/// <summary>
/// Data flows one way: read → segment → enrich. Within Core, each namespace may use only the ones
/// below it, and none uses Core's outputs (briefings, spreadsheets, the quality listing); Core knows
/// nothing of Lucene or HTTP, and the search library nothing of HTTP. The checks are themselves
/// checked: a fixture below breaks each rule once, and the same checks must catch it.
/// </summary>
public class ArchitectureTests
{
    /// <summary>Core's namespaces, lowest first: each may depend on those before it, never on those after it.</summary>
    private static readonly string[] CoreLayers =
    [
        "SearchService.Core.Model",        // the document model: depends on nothing
        "SearchService.Core.Prose",        // markup and sentences
        "SearchService.Core.Metadata",     // the vocabularies: gazetteer, grades, outcome areas, dates
        "SearchService.Core.Reading",      // read: files into text
        "SearchService.Core.Segmentation", // segment: text into documents, front matter and blocks
        "SearchService.Core.Enrichment",   // enrich: blocks into sections, areas, grades, judgements
    ];

    /// <summary>
    /// What Core writes and lists for the hosts, above the pipeline like its root: briefing documents,
    /// spreadsheets, the data-quality listing. They may use the stages; no stage uses them.
    /// </summary>
    private static readonly string[] CoreOutputs =
    [
        "SearchService.Core.Briefings",
        "SearchService.Core.Spreadsheets",
        "SearchService.Core.Quality",
    ];

    private static readonly Assembly Core = typeof(ReportParser).Assembly;
    private static readonly Assembly Search = typeof(Search.Indexing.IndexSchema).Assembly;

    /// <summary>The pipeline's own types (ReportParser, Corpus, Citations …) sit above every stage.</summary>
    private static string[] CoreRootTypes => Core.GetTypes().Where(t => t.Namespace == "SearchService.Core" && !t.IsNested && !t.Name.StartsWith('<'))
        .Select(t => t.FullName!).ToArray();

    [Fact]
    public void Core_namespaces_depend_only_on_the_stages_below_them() =>
        Assert.Empty(LayerViolations(Core, CoreLayers, [.. CoreRootTypes, .. CoreOutputs]));

    [Fact]
    public void Core_knows_nothing_of_Lucene_or_HTTP() =>
        Assert.Empty(Violations(Core, "SearchService.Core", ["Lucene", "J2N", "Microsoft.AspNetCore", "System.Net.Http", "Microsoft.Extensions.Http"]));

    [Fact]
    public void Search_knows_nothing_of_HTTP() =>
        Assert.Empty(Violations(Search, "SearchService.Search", ["Microsoft.AspNetCore", "System.Net.Http", "Microsoft.Extensions.Http"]));

    // ---- The test of the tests: each check fails on a fixture that breaks its rule. ----------

    [Fact]
    public void The_layer_check_catches_a_lower_stage_using_a_higher_one()
    {
        string[] fixtureLayers = ["SearchService.Core.Tests.ArchitectureFixture.Lower", "SearchService.Core.Tests.ArchitectureFixture.Higher"];
        var failing = LayerViolations(typeof(UsesHigher).Assembly, fixtureLayers, []);
        Assert.Contains(failing, f => f.Contains(nameof(UsesHigher), StringComparison.Ordinal));
        Assert.DoesNotContain(failing, f => f.Contains(nameof(UsesNothingAbove), StringComparison.Ordinal));
    }

    [Fact]
    public void The_dependency_check_catches_Lucene_and_HTTP_where_they_are_forbidden()
    {
        var lucene = Violations(typeof(UsesHigher).Assembly, "SearchService.Core.Tests.ArchitectureFixture.Lower", ["Lucene"]);
        Assert.Contains(lucene, f => f.Contains(nameof(UsesLucene), StringComparison.Ordinal));
        var http = Violations(typeof(UsesHigher).Assembly, "SearchService.Core.Tests.ArchitectureFixture.Lower", ["System.Net.Http"]);
        Assert.Contains(http, f => f.Contains(nameof(UsesHttp), StringComparison.Ordinal));
    }

    private static List<string> LayerViolations(Assembly assembly, string[] layers, string[] above)
    {
        var failing = new List<string>();
        for (int i = 0; i < layers.Length; i++)
            failing.AddRange(Violations(assembly, layers[i], [.. layers.Skip(i + 1), .. above]));
        return failing;
    }

    private static List<string> Violations(Assembly assembly, string inNamespace, string[] forbidden)
    {
        var result = Types.InAssembly(assembly).That().ResideInNamespace(inNamespace).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}").ToList();
    }
}
