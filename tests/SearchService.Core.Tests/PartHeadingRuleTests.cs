using SearchService.Core.Enrichment;
using SearchService.Core.Model;
using SearchService.Core.Segmentation;

namespace SearchService.Core.Tests;

/// <summary>
/// The part-heading rule, table-driven: which headings open a part of a report (outermost), by the
/// forms the frameworks print, and which look alike but do not.
/// </summary>
public class PartHeadingRuleTests
{
    private static DocumentProfile Profile(Framework framework) => new()
    {
        DocumentType = "test",
        Framework = framework,
        Title = "test",
        Publisher = "Ofsted",
        Authority = null,
        FrontMatter = new FrontMatter(null, DateBasis.None, null, null, null),
        BodyLines = [],
        IdStem = "test",
    };

    [Theory]
    // Single inspections' two parts, in the cases and wordings printed.
    [InlineData("Section 1: the local authority")]
    [InlineData("Section 1: The Local Authority")]
    [InlineData("Section 1: The local authority - Summary of findings")]
    [InlineData("Section 2: The effectiveness of the Local Safeguarding Children Board")]
    [InlineData("Section 2: The effectiveness local safeguarding children board")]
    [InlineData("Section 2: The effectiveness of the local safeguarding children board (LSCB)")]
    [InlineData("SECTION 3 – THE LOCAL AUTHORITY")]
    // Other numberings a framework may use: a letter, a roman numeral, a number alone.
    [InlineData("Part A: Children in need of help and protection")]
    [InlineData("Part A")]
    [InlineData("Part II. Services for looked after children")]
    [InlineData("Section 2")]
    public void A_numbered_or_lettered_part_with_its_title_is_a_part(string heading) =>
        Assert.True(PartHeadingRule.IsNumberedPart(heading), heading);

    [Theory]
    // Statutory references and prose that start like a part.
    [InlineData("Section 17 of the Children Act 1989 requires the local authority to assess children in need.")]
    [InlineData("Section 47 enquiries")]
    [InlineData("Section 11 audits: findings")]
    [InlineData("Section 20: 14. Children accommodated")]
    [InlineData("Part of the work of the board")]
    [InlineData("Section 1: the local authority. It leads services well.")]
    // Contents-page lines: the part with its page number.
    [InlineData("Section 2: The effectiveness of the Local Safeguarding Children Board 28")]
    [InlineData("Section 1: The local authority - Summary of findings\t3")]
    [InlineData("Section 1: the Local Authority ........ 3")]
    // Headings that are not parts.
    [InlineData("Summary of key findings")]
    [InlineData("Safeguarding services")]
    [InlineData("2. Children looked after and achieving permanence")]
    public void A_reference_a_sentence_or_a_contents_line_is_not_a_part(string heading) =>
        Assert.False(PartHeadingRule.IsNumberedPart(heading), heading);

    [Theory]
    // A heading over its part's own overall effectiveness (safeguarding and looked after children inspections).
    [InlineData("Safeguarding services", "Overall effectiveness", true)]
    [InlineData("Services for looked after children", "Overall effectiveness", true)]
    [InlineData("Section 1: the local authority", "Summary of key findings", true)]
    [InlineData("Section 2: The effectiveness of the Local Safeguarding Children Board", null, true)]
    // Followed by anything else, or itself an area or a judgement: not a part.
    [InlineData("Safeguarding services", "Capacity for improvement", false)]
    [InlineData("Safeguarding services", null, false)]
    [InlineData("Judgements", "Summary", false)]
    [InlineData("Capacity for improvement", "Overall effectiveness", false)]
    public void The_rule_places_parts_outermost(string heading, string? next, bool part)
    {
        var profile = Profile(Framework.SafeguardingAndLookedAfterChildrenInspection);
        var h = new HeadingBlock(heading, 0, null, null);
        Block? following = next is null ? null : new HeadingBlock(next, 0, null, null);
        var place = new PartHeadingRule().Place(h, following, HeadingRules.TermOf(h, profile), [], profile);
        Assert.Equal(part ? new HeadingPlace(1, HeadingRole.Part) : null, place);
    }

    [Fact]
    public void A_part_judged_on_its_own_is_not_read_from_a_paragraph_after_it()
    {
        var profile = Profile(Framework.SafeguardingAndLookedAfterChildrenInspection);
        var h = new HeadingBlock("Safeguarding services", 0, null, null);
        Assert.Null(new PartHeadingRule().Place(h, new TextBlock("Overall effectiveness", null, ParagraphKind.Text), null, [], profile));
    }
}
