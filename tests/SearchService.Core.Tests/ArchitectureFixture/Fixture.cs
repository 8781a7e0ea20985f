// Deliberate breaches of the architecture rules, so ArchitectureTests can show its checks fail when
// they should. Nothing else uses these types.
namespace SearchService.Core.Tests.ArchitectureFixture.Lower
{
    /// <summary>A lower stage reaching up: what the layer check must catch.</summary>
    public sealed class UsesHigher
    {
        public Higher.Stage Above { get; } = new();
    }

    /// <summary>A lower stage that keeps to itself: what the layer check must let pass.</summary>
    public sealed class UsesNothingAbove
    {
        public int Value { get; set; }
    }

    /// <summary>A Lucene type where Lucene is forbidden.</summary>
    public sealed class UsesLucene
    {
        public Lucene.Net.Index.Term Term { get; } = new("field", "text");
    }

    /// <summary>An HTTP type where HTTP is forbidden.</summary>
    public sealed class UsesHttp
    {
        public System.Net.Http.HttpMethod Method { get; } = System.Net.Http.HttpMethod.Get;
    }
}

namespace SearchService.Core.Tests.ArchitectureFixture.Higher
{
    public sealed class Stage;
}
