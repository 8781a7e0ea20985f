using SearchService.Core.Metadata;

namespace SearchService.Core.Tests;

/// <summary>Finding an authority by DfE code, ONS code or name; its statistical neighbours in the DfE's order; the replaced ones.</summary>
public class AuthorityLookupTests
{
    [Theory]
    [InlineData("331")]
    [InlineData("E08000026")]
    [InlineData("e08000026")]
    [InlineData("Coventry")]
    [InlineData("coventry city council")]
    [InlineData(" 331 ")]
    public void An_authority_is_found_by_code_or_name(string key) => Assert.Equal("Coventry", Authorities.Find(key)?.Name);

    [Theory]
    [InlineData("999")]
    [InlineData("Narnia")]
    [InlineData("")]
    [InlineData("Kingston")]
    public void Nothing_is_guessed(string key) => Assert.Null(Authorities.Find(key));

    [Fact]
    public void Neighbours_come_in_the_gazetteers_order_closest_first()
    {
        var coventry = Authorities.ByName("Coventry")!;
        var neighbours = Authorities.NeighboursOf(coventry);
        Assert.Equal(10, neighbours.Count);
        Assert.Equal(coventry.StatisticalNeighbours, neighbours.Select(n => n.LaCode));
        Assert.Equal("Derby", neighbours[0].Name);
        Assert.Equal("Stoke-on-Trent", neighbours[^1].Name);
        // Every current authority has ten neighbours that are themselves in the gazetteer.
        foreach (var a in Authorities.All.Where(a => !Authorities.IsReplaced(a)))
            Assert.Equal(10, Authorities.NeighboursOf(a).Count);
    }

    [Fact]
    public void The_gazetteer_has_153_current_authorities_and_three_replaced()
    {
        Assert.Equal(156, Authorities.All.Count);
        Assert.Equal(["Cumbria", "Northamptonshire", "Poole"], Authorities.All.Where(Authorities.IsReplaced).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Empty(Authorities.NeighboursOf(Authorities.ByName("Poole")!));
    }

    [Fact]
    public void Every_dfe_code_finds_its_own_row()
    {
        foreach (var a in Authorities.All) Assert.Same(a, Authorities.ByLaCode(a.LaCode));
    }
}
