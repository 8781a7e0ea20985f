using SearchService.Core.Metadata;

namespace SearchService.Core.Tests;

/// <summary>The gazetteer and the one resolver every reader (and every user's filter) goes through.</summary>
public class GazetteerTests
{
    [Fact]
    public void The_embedded_gazetteer_is_the_shared_one()
    {
        var shared = Path.Combine(Path.GetDirectoryName(SeedCorpus.Folder)!, "..", "shared", "reference", "local-authorities.csv");
        if (!File.Exists(shared)) Assert.Skip($"no shared gazetteer at {Path.GetFullPath(shared)} to compare with");
        Assert.True(File.ReadAllText(shared) == Authorities.EmbeddedCsv(),
            "src/SearchService.Core/Metadata/Data/local-authorities.csv differs from ../shared/reference/local-authorities.csv: copy the shared file over it");
    }

    [Fact]
    public void Every_row_is_read_with_its_codes_region_and_type()
    {
        Assert.Equal(156, Authorities.All.Count);
        Assert.Equal(Authorities.All.Count, Authorities.All.Select(a => a.Name).Distinct().Count());
        var coventry = Authorities.ByName("Coventry")!;
        Assert.Equal(("331", "E08000026", "West Midlands", "Metropolitan District", "80456"), (coventry.LaCode, coventry.OnsCode, coventry.Region, coventry.Type, coventry.OfstedUrn));
        Assert.Equal(10, coventry.StatisticalNeighbours.Count);
        Assert.Null(Authorities.ByName("Northamptonshire")!.Type); // replaced: the gazetteer gives no type
    }

    [Theory]
    [InlineData("Bristol, City of", "Bristol")]
    [InlineData("Kingston Upon Hull, City of", "Kingston upon Hull")]
    [InlineData("St. Helens", "St Helens")]
    [InlineData("Bedford Borough", "Bedford")]
    [InlineData("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole")]
    public void Names_are_filed_as_reports_print_them(string onsName, string name) => Assert.Equal(name, Authorities.ProjectName(onsName));

    [Theory]
    [InlineData("Coventry City Council", "Coventry")]
    [InlineData("STOKE-ON-TRENT CITY COUNCIL", "Stoke-on-Trent")]
    [InlineData("London Borough of Bromley", "Bromley")]
    [InlineData("Telford & Wrekin Council", "Telford and Wrekin")]
    [InlineData("Bournemouth, Christchurch and Poole Council", "Bournemouth, Christchurch and Poole")]
    [InlineData("Bath and North East\nSomerset", "Bath and North East Somerset")]
    [InlineData("Royal Borough of Kensington and Chelsea", "Kensington and Chelsea")]
    [InlineData("the Royal Borough of Windsor and Maidenhead", "Windsor and Maidenhead")]
    [InlineData("Metropolitan Borough of Barnsley Council", "Barnsley")]
    [InlineData("Tameside metropolitan borough", "Tameside")]
    [InlineData("Rotherham Metropolitan Borough Council", "Rotherham")]
    [InlineData("Bristol City of", "Bristol")]
    [InlineData("City of Bristol", "Bristol")]
    [InlineData("City of London", "City of London")]
    [InlineData("London Corporation", "City of London")]
    [InlineData("City of London Corporation", "City of London")]
    [InlineData("County Durham", "Durham")]
    [InlineData("Durham County Council", "Durham")]
    [InlineData("Newcastle Upon Tyne", "Newcastle upon Tyne")]
    [InlineData("Newcastle", "Newcastle upon Tyne")]
    [InlineData("East Riding", "East Riding of Yorkshire")]
    [InlineData("Cheshire East Unitary Authority", "Cheshire East")]
    [InlineData("Bradford Children and Families Trust", "Bradford")]
    [InlineData("Doncaster Children's Services Trust", "Doncaster")]
    [InlineData("Sandwell Children’s Trust", "Sandwell")]
    [InlineData("Surrey Safeguarding Children Board", "Surrey")]
    [InlineData("Coventry's", "Coventry")]
    [InlineData("Saint Helens", "St Helens")]
    [InlineData("St Helens Council", "St Helens")]
    [InlineData("Herefordshire Council", "Herefordshire")]
    public void A_phrase_that_names_an_authority_resolves_to_its_row(string phrase, string name) =>
        Assert.Equal(name, Authorities.Resolve(phrase)?.Name);

    [Theory]
    [InlineData("NHS Coventry")]
    [InlineData("Somerset local authority children's")]
    [InlineData("Kingston")] // Kingston upon Hull or Kingston upon Thames: neither is guessed
    [InlineData("Bournemouth")] // no longer an authority of its own; not filed under BCP
    [InlineData("Council")]
    [InlineData("")]
    public void A_phrase_that_names_no_single_authority_resolves_to_nothing(string phrase) => Assert.Null(Authorities.Resolve(phrase));

    [Theory]
    [InlineData("Hull", "Kingston upon Hull")]
    [InlineData("BCP", "Bournemouth, Christchurch and Poole")]
    [InlineData("Stoke", "Stoke-on-Trent")]
    [InlineData("stoke", "Stoke-on-Trent")]
    [InlineData("Southend", "Southend-on-Sea")]
    [InlineData("Telford", "Telford and Wrekin")]
    [InlineData("Brighton", "Brighton and Hove")]
    [InlineData("bristol", "Bristol")]
    [InlineData("Coventry’s", "Coventry")]
    public void Names_users_type_find_the_authority(string typed, string name) => Assert.Equal(name, Authorities.FromUserText(typed));

    [Fact]
    public void In_running_text_the_longest_capitalised_name_first_in_the_text_wins()
    {
        Assert.Equal("North Somerset", Authorities.FindNamedIn("Inspection of North Somerset local authority children's services")?.Name);
        Assert.Equal("North East Lincolnshire", Authorities.FindNamedIn("as in North East Lincolnshire and Lincolnshire")?.Name);
        Assert.Null(Authorities.FindNamedIn("reading and writing skills; the dead bury the dead"));
        Assert.Equal("Reading", Authorities.FindNamedIn("the council in Reading")?.Name);
        Assert.Equal("North Yorkshire", Authorities.FindNamedIn("children in North Yorkshire")?.Name);
        Assert.Equal("coventry", Authorities.FindIn("what did coventry get in 2007?")?.ToLowerInvariant());
    }
}
