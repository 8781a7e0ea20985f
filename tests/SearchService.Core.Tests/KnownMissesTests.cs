namespace SearchService.Core.Tests;

/// <summary>The ratchet itself: a new miss fails, a fixed miss must leave the list, a changed reading is both.</summary>
public class KnownMissesTests
{
    private static readonly Miss Bath = new("80427_bath.pdf", "authority", "Bath and North East Somerset", "Somerset");
    private static readonly Miss Durham = new("80465_durham.pdf", "impact_of_leaders", "requires improvement", "requires improvement to be good");
    private static readonly IReadOnlyList<KnownMiss> Listed = [new(Bath, "wrapped title"), new(Durham, "printed words")];

    [Fact]
    public void Exactly_the_listed_misses_pass()
    {
        Assert.Null(KnownMisses.Verdict("t", [Bath, Durham], Listed));
    }

    [Fact]
    public void A_fixed_miss_fails_until_it_leaves_the_list()
    {
        var verdict = KnownMisses.Verdict("t", [Durham], Listed);
        Assert.NotNull(verdict);
        Assert.Contains("no longer happen", verdict);
        Assert.Contains("80427_bath.pdf", verdict);
        Assert.Null(KnownMisses.Verdict("t", [Durham], [Listed[1]]));
    }

    [Fact]
    public void A_new_miss_fails()
    {
        var extra = new Miss("80456_coventry.pdf", "framework", "standard", "");
        var verdict = KnownMisses.Verdict("t", [Bath, Durham, extra], Listed);
        Assert.NotNull(verdict);
        Assert.Contains("1 new miss", verdict);
        Assert.Contains("80456_coventry.pdf", verdict);
    }

    [Fact]
    public void A_miss_read_differently_is_new_and_fixed_at_once()
    {
        var changed = Bath with { Read = "Unknown" };
        var (unlisted, fixedOnes) = KnownMisses.Compare([changed, Durham], Listed);
        Assert.Equal([changed], unlisted);
        Assert.Equal([Listed[0]], fixedOnes);
    }

    [Fact]
    public void Every_entry_needs_a_reason()
    {
        var e = Assert.Throws<FormatException>(() => KnownMisses.Parse(["# comment", "a.pdf\tauthority\tX\tY\t "], "t"));
        Assert.Contains("line 2", e.Message);
    }

    [Theory]
    [InlineData("judgements")]
    [InlineData("furniture")]
    [InlineData("numbering")]
    [InlineData("frontmatter")]
    [InlineData("areas")]
    public void The_lists_in_the_repository_parse(string name)
    {
        var list = KnownMisses.Load(name);
        Assert.Equal(list.Count, list.Select(k => k.Miss).Distinct().Count());
    }
}
