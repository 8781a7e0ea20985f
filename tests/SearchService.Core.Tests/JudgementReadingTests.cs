using SearchService.Core.Metadata;
using SearchService.Core.Model;
using SearchService.Core.Segmentation.Lines;

namespace SearchService.Core.Tests;

/// <summary>The outcome-area vocabulary, the judgement phrases and the assembler of graded headings, table-driven.</summary>
public class JudgementReadingTests
{
    [Theory]
    [InlineData("The experiences and progress of children in care and care leavers", Framework.IlacsStandard, "Children in care", "The experiences and progress of children in care and care leavers")]
    [InlineData("2. Children looked after and achieving permanence", Framework.SingleInspection, "Children in care", "Children looked after and achieving permanence")]
    [InlineData("3. Leadership, management and governance", Framework.SingleInspection, "Impact of leaders", "Leadership, management and governance")]
    [InlineData("The impact of leaders on social work practice with children and families", Framework.IlacsShort, "Impact of leaders", "The impact of leaders on social work practice with children and families")]
    [InlineData("2.2 Experiences and progress of care leavers", Framework.SingleInspection, "Care leavers", "Experiences and progress of care leavers")]
    [InlineData("The experiences and progress of care leavers", Framework.IlacsStandard, "Care leavers", "The experiences and progress of care leavers")]
    [InlineData("Staying safe", Framework.AnnualPerformanceAssessment, "Staying safe", "Staying safe")]
    [InlineData("Capacity to improve, including the management of services for children and young people", Framework.AnnualPerformanceAssessment, "Capacity to improve", "Capacity to improve")]
    [InlineData("Outcomes for looked after children and young people", Framework.LookedAfterChildrenInspection, "Outcomes for looked after children", "Outcomes for looked after children and young people")]
    [InlineData("The Local Safeguarding Children Board (LSCB)", Framework.SingleInspection, "Local Safeguarding Children Board", "Local Safeguarding Children Board")]
    [InlineData("The effectiveness of the Swindon Safeguarding Children Board (SSCB)", Framework.SingleInspection, "Local Safeguarding Children Board", "Local Safeguarding Children Board")]
    [InlineData("Section 2: The effectiveness of the local safeguarding children board", Framework.SingleInspection, "Local Safeguarding Children Board", "Local Safeguarding Children Board")]
    [InlineData("The graded judgment for adoption performance", Framework.SingleInspection, "Adoption performance", "Adoption performance")]
    public void Each_framework_heading_maps_to_its_own_term_and_the_cross_framework_one(string heading, Framework framework, string common, string name)
    {
        var term = OutcomeAreas.TermFor(heading, framework);
        Assert.NotNull(term);
        Assert.Equal((common, name), (term.Common, term.Name));
        Assert.Contains(term.Common, OutcomeAreas.All);
    }

    [Theory]
    [InlineData("The experiences and progress of")]
    [InlineData("children looked after and achieving")]
    [InlineData("Staying safe is better this year")]
    [InlineData("What needs to improve?")]
    [InlineData("Section 1: the local authority")]
    [InlineData("Key strengths and weaknesses of the SSCB")]
    public void Fragments_and_prose_name_no_area(string text) => Assert.Null(OutcomeAreas.TermFor(text));

    [Theory]
    [InlineData("The experiences and progress of", true)]
    [InlineData("Leadership, management and", true)]
    [InlineData("The experiences and progress of children who need help and protection", false)]
    [InlineData("The council has", false)]
    public void The_start_of_a_heading_printed_over_lines_is_recognised(string text, bool starts) => Assert.Equal(starts, OutcomeAreas.StartsHeading(text));

    [Theory]
    [InlineData("The overall judgement is that children’s services require improvement", "require improvement")]
    [InlineData("The overall judgement is that children’s service requires improvement.", "requires improvement")]
    [InlineData("The overall judgement is that children's services are inadequate", "inadequate")]
    [InlineData("The overall judgement is requires improvement", "requires improvement")]
    [InlineData("Children’s services in Peterborough require improvement to be good", "require improvement to be good")]
    [InlineData("Children’s services require improvement to be good", "require improvement to be good")]
    [InlineData("The overall judgement is that children’s services require\nimprovement.", "require improvement")]
    public void A_single_inspections_overall_sentence_is_read_in_all_its_forms(string text, string printed) =>
        Assert.Equal(printed, JudgementPhrases.ParseOverall(text)?.Raw);

    [Theory]
    [InlineData("Inspection of services for children in need of help and protection")]
    [InlineData("Children’s services in Blackpool have improved since 2012")]
    public void Sentences_that_state_no_overall_judgement_are_not_read_as_one(string text) => Assert.Null(JudgementPhrases.ParseOverall(text));

    [Theory]
    [InlineData("The Local Safeguarding Children Board is good", "good")]
    [InlineData("The judgement for the effectiveness of the Local Safeguarding Children Board (LSCB) is requires improvement", "requires improvement")]
    [InlineData("The effectiveness of the Local Safeguarding Children Board (LSCB) is requires improvement", "requires improvement")]
    [InlineData("The effectiveness of the LSCB requires improvement.", "requires improvement")]
    [InlineData("The effectiveness of the LSCB is inadequate", "inadequate")]
    [InlineData("The effectiveness of the Swindon Safeguarding Children Board (SSCB) is good.", "good")]
    [InlineData("The graded judgement for the effectiveness of the Sefton Local Safeguarding Children Board is outstanding", "outstanding")]
    [InlineData("The LSCB requires improvement to be good", "requires improvement to be good")]
    public void The_lscb_judgement_is_read_in_all_its_printed_forms(string text, string printed)
    {
        var stated = JudgementPhrases.ParseArea(text, Framework.SingleInspection);
        Assert.Equal((OutcomeAreas.Lscb, printed), (stated?.Term.Common, stated?.Grade?.Raw));
    }

    [Theory]
    [InlineData("An LSCB requires improvement if it does not yet demonstrate the characteristics of good.")]
    [InlineData("The LSCB is not yet demonstrating the characteristics of good.")]
    [InlineData("The LSCB in North Somerset is inadequate. It does not fully understand the experiences of children locally.")]
    [InlineData("Key strengths and weaknesses of the LSCB")]
    [InlineData("The judgement for the effectiveness of the local authority is good")]
    public void Sentences_about_the_lscb_that_state_no_judgement_of_it_are_not_read_as_one(string text) =>
        Assert.NotEqual((OutcomeAreas.Lscb, true), (JudgementPhrases.ParseArea(text, Framework.SingleInspection)?.Term.Common, JudgementPhrases.ParseArea(text, Framework.SingleInspection)?.Grade is not null));

    /// <summary>
    /// A single inspection's front page states the LSCB's judgement as a sentence, for any board, in any
    /// grade, on one line or over two (Haringey 2014: "… (LSCB) is requires" / "improvement"; Hounslow
    /// 2014: the board on one line, "Requires improvement." on the next).
    /// </summary>
    [Theory]
    [InlineData("## The judgement for the effectiveness of the Local Safeguarding Children Board (LSCB) is requires improvement", "requires improvement")]
    [InlineData("The effectiveness of the Local Safeguarding Children Board (LSCB) is requires||improvement", "requires improvement")]
    [InlineData("## The effectiveness of the Local Safeguarding Children Board (LSCB)||## Requires improvement.", "Requires improvement")]
    [InlineData("## The effectiveness of the Tameside Safeguarding Children Board (TSCB) is inadequate", "inadequate")]
    [InlineData("## The Local Safeguarding Children Board is outstanding", "outstanding")]
    public void A_single_inspections_front_page_lscb_sentence_is_read_over_line_breaks(string statement, string printed)
    {
        var d = SingleInspection(
            frontPage: [
                "## The overall judgement is good",
                "The local authority leads effective services that meet the requirements for good.",
                "1. Children who need help and protection\tGood",
                "2. Children looked after and achieving permanence\tGood",
                "3. Leadership, management and governance\tGood",
                statement.Replace('|', '\n'),
                "The LSCB is not yet demonstrating the characteristics of good.",
            ],
            rest: []);
        var lscb = Assert.Single(d.Judgements, j => j.Area == OutcomeAreas.Lscb);
        Assert.Equal(printed, lscb.Grade.Raw);
        Assert.Equal(GradeScales.LabelFromWords(printed), lscb.Grade.Label);
        Assert.Equal("good", d.Judgements.Single(j => j.Area == OutcomeAreas.OverallEffectiveness).Grade.Raw);
    }

    [Fact]
    public void A_judgement_on_the_front_page_set_out_again_in_its_part_is_one_judgement()
    {
        // Hartlepool 2014's layout: the LSCB judgement stated on the front page, then Section 2 opens with it again.
        var d = SingleInspection(
            frontPage: [
                "## The overall judgement is that children's services require improvement",
                "1. Children who need help and protection\tRequires improvement",
                "2. Children looked after and achieving permanence\tRequires improvement",
                "3. Leadership, management and governance\tRequires improvement",
                "## The judgement for the effectiveness of the Local Safeguarding Children Board (LSCB) is requires improvement",
            ],
            rest: [
                "## Section 2: The effectiveness of the Local Safeguarding Children Board",
                "## The effectiveness of the LSCB requires improvement",
                "2. The Board does not yet have an independent chair.",
            ]);
        var lscb = Assert.Single(d.Judgements, j => j.Area == OutcomeAreas.Lscb);
        Assert.Equal(GradeLabels.RequiresImprovement, lscb.Grade.Label);
    }

    /// <summary>
    /// A 2014 single inspection as the reader gets it (Tameside's title block): the front page's own
    /// paragraphs after the title and dates, then Section 1 with one finding, then the rest.
    /// </summary>
    private static ReportDocument SingleInspection(string[] frontPage, string[] rest)
    {
        string[] paragraphs = [
            "# Tameside Metropolitan Borough Council",
            "## Inspection of services for children in need of help and protection, children looked after and care leavers",
            "## and", "## Review of the effectiveness of the Local Safeguarding Children Board",
            "## Inspection date: 20 May 2014 – 11 June 2014", "## Report published: 18 July 2014",
            .. frontPage,
            "## Section 1: the local authority", "## Summary of key findings",
            "1. Children are safe and well looked after by staff who know them.",
            .. rest,
        ];
        var text = string.Join("\n\n", paragraphs) + "\n";
        return ReportParser.Parse(new Reading.SourceText("single-inspection.md", text, Reading.SourceFormat.Markdown)).Single();
    }

    [Theory]
    [InlineData("## The experiences and progress of|⇥Good|## children who need help and protection", "## The experiences and progress of children who need help and protection: Good")]
    [InlineData("## The experiences and progress of||children looked after and achieving⇥Outstanding||## permanence", "## The experiences and progress of children looked after and achieving permanence: Outstanding")]
    [InlineData("Key judgement⇥Judgement grade|The experiences and progress of children|⇥Requires improvement|who need help and protection", "## The experiences and progress of children who need help and protection: Requires improvement")]
    [InlineData("The experiences and progress of children who Requires Improvement need help and protection", "## The experiences and progress of children who need help and protection: Requires Improvement")]
    [InlineData("## Leadership, management and|⇥Good|## governance", "## Leadership, management and governance: Good")]
    [InlineData("⇥Requires|## 3. Leadership, management and governance|⇥Improvement", "⇥Requires|## 3. Leadership, management and governance")]
    [InlineData("Overall effectiveness⇥Good", "Overall effectiveness⇥Good")]
    [InlineData("Making a positive contribution, including user engagement Grade 2 (Good)", "Making a positive contribution, including user engagement Grade 2 (Good)")]
    [InlineData("## Capacity to improve||## Grade 2 (Good)||13. The capacity to improve services for looked after children in Kent is good.", "## Capacity to improve||## Grade 2 (Good)||13. The capacity to improve services for looked after children in Kent is good.")]
    [InlineData("The experiences and progress of children in care are good. Leaders have made", "The experiences and progress of children in care are good. Leaders have made")]
    public void The_assembler_makes_one_graded_heading_of_one_printed_over_lines(string input, string expected)
    {
        var lines = new GradedHeadingAssembler().Apply(LayoutRuleTests.Lines(input));
        Assert.Equal(expected.Replace('⇥', '\t'), string.Join("|", lines));
    }
}
