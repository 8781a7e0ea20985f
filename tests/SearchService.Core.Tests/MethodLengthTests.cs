using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SearchService.Core.Tests;

/// <summary>
/// No method in <c>src/</c> is longer than <see cref="MaxLines"/> lines unless a comment just above
/// it says why ("// Long because …"). Every .cs file is parsed with Roslyn; methods, constructors,
/// operators, accessors, local functions and lambdas (endpoint handlers, command actions) are
/// measured from the first to the last line of their body. The rule is itself checked on sources
/// written here, so it is seen to fail.
/// </summary>
public partial class MethodLengthTests
{
    public const int MaxLines = 60;

    /// <summary>A comment that gives a reason: "Long because" and at least three more words.</summary>
    [GeneratedRegex(@"\bLong because(\W+\w+){3,}", RegexOptions.IgnoreCase)]
    private static partial Regex Reason();

    public sealed record LongMethod(string File, int Line, string Name, int Lines)
    {
        public override string ToString() => $"{File}:{Line} {Name} is {Lines} lines (over {MaxLines}) with no '// Long because …' comment above it";
    }

    /// <summary>The methods of one source file over the limit without a reason.</summary>
    public static IReadOnlyList<LongMethod> Find(string source, string file = "source.cs")
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: file);
        var found = new List<LongMethod>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (Body(node) is not { } body) continue;
            var span = tree.GetLineSpan(body.Span);
            int lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (lines <= MaxLines || Explained(node)) continue;
            found.Add(new LongMethod(file, tree.GetLineSpan(node.Span).StartLinePosition.Line + 1, Name(node), lines));
        }
        return found;
    }

    /// <summary>The body of anything that runs as a method; null for other nodes.</summary>
    private static SyntaxNode? Body(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
        AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody,
        LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
        AnonymousFunctionExpressionSyntax l => l.Body,
        _ => null,
    };

    /// <summary>A reason in the comments just above the declaration, or, for a lambda, above the statement or member it is part of.</summary>
    private static bool Explained(SyntaxNode node)
    {
        var holders = node is AnonymousFunctionExpressionSyntax
            ? node.AncestorsAndSelf().Where(n => n is AnonymousFunctionExpressionSyntax or StatementSyntax or MemberDeclarationSyntax).Take(3)
            : [node];
        return holders.Any(h => h.GetLeadingTrivia().Any(t => IsComment(t) && Reason().IsMatch(t.ToFullString())));
    }

    private static bool IsComment(SyntaxTrivia t) => t.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
        or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia;

    private static string Name(SyntaxNode node)
    {
        var type = node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";
        var name = node switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text,
            ConstructorDeclarationSyntax c => c.Identifier.Text + " (constructor)",
            LocalFunctionStatementSyntax f => f.Identifier.Text + " (local function)",
            AccessorDeclarationSyntax a => a.Keyword.Text + " accessor",
            AnonymousFunctionExpressionSyntax => "a lambda",
            _ => node.Kind().ToString(),
        };
        return type.Length == 0 ? name : $"{type}.{name}";
    }

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln"))) return Path.Combine(dir.FullName, "src");
        throw new InvalidOperationException("repository root (SearchService.sln) not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void No_method_in_src_is_over_sixty_lines_without_a_comment_saying_why()
    {
        var src = SourceFolder();
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin")).ToList();
        Assert.True(files.Count > 50, $"only {files.Count} source files under {src}");
        var found = files.SelectMany(f => Find(File.ReadAllText(f), Path.GetRelativePath(src, f))).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    // ---- the rule, checked on sources written here ----------------------------------------------

    private static string Lines(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"        x += {i};\n"));

    /// <summary>A method whose body (braces included) spans <paramref name="bodyLines"/> lines, under <paramref name="comment"/>.</summary>
    private static string Method(int bodyLines, string comment = "") =>
        $"class C\n{{\n    {comment}\n    int M(int x)\n    {{\n{Lines(bodyLines - 3)}        return x;\n    }}\n}}\n";

    [Fact]
    public void A_method_of_sixty_lines_passes_and_one_of_sixty_one_fails()
    {
        Assert.Empty(Find(Method(60)));
        var found = Assert.Single(Find(Method(61)));
        Assert.Equal(("C.M", 61, 4), (found.Name, found.Lines, found.Line));
    }

    [Theory]
    [InlineData("// Long because it is one table of cases, each a line, read in order.", true)]
    [InlineData("/// <summary>Long because the steps share twelve locals.</summary>", true)]
    [InlineData("// Long.", false)]
    [InlineData("// This method is long.", false)]
    [InlineData("// TODO: split", false)]
    public void A_long_method_passes_only_with_a_comment_above_it_saying_why(string comment, bool passes) =>
        Assert.Equal(passes, Find(Method(80, comment)).Count == 0);

    [Fact]
    public void Long_local_functions_lambdas_and_accessors_are_methods_too()
    {
        var local = $"class C\n{{\n    void M()\n    {{\n        int F(int x)\n        {{\n{Lines(60)}            return x;\n        }}\n    }}\n}}\n";
        Assert.Contains(Find(local), m => m.Name == "C.F (local function)");
        var lambda = $"class C\n{{\n    void M(System.Func<int, int> f) {{ }}\n    void N() => M(x =>\n    {{\n{Lines(60)}        return x;\n    }});\n}}\n";
        Assert.Contains(Find(lambda), m => m.Name == "C.a lambda");
        var explained = lambda.Replace("    void N()", "    // Long because a handler reads best as one flow.\n    void N()", StringComparison.Ordinal);
        Assert.Empty(Find(explained));
        var accessor = $"class C\n{{\n    int P\n    {{\n        get\n        {{\n            int x = 0;\n{Lines(60)}            return x;\n        }}\n    }}\n}}\n";
        Assert.Contains(Find(accessor), m => m.Name == "C.get accessor");
    }
}
