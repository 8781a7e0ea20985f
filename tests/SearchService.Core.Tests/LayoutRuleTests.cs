using SearchService.Core.Model;
using SearchService.Core.Segmentation;
using SearchService.Core.Segmentation.Lines;

namespace SearchService.Core.Tests;

/// <summary>
/// Each layout rule on its own, table-driven: lines in ("|" separates lines, "⇥" is a tab), the
/// blocks it makes out ("H2:heading", "H0:heading", "H:heading[raw→level]", "G:raw→level",
/// "P:label:text", "L:text", "T:rows"). Each rule runs with only blank-line handling before it and
/// "anything else is a paragraph" after it, so a case shows that rule's decision alone.
/// </summary>
public class LayoutRuleTests
{
    private static string Run(ILineRule rule, string input, bool marked = false, GradeScale scale = GradeScale.Inspection) =>
        Describe(BlockBuilder.Build(Lines(input), scale, marked, [new BlankLineRule(), rule, new ParagraphRule()], passes: []));

    internal static IReadOnlyList<string> Lines(string input) => input.Split('|').Select(l => l.Replace('⇥', '\t')).ToList();

    internal static string Describe(IEnumerable<Block> blocks) => string.Join(" / ", blocks.Select(b => b switch
    {
        HeadingBlock h => $"H{h.MarkdownLevel}:{(h.Number is null ? "" : h.Number + " ")}{h.Text}{(h.Grade is null ? "" : $"[{h.Grade.Raw}→{h.Grade.Label}]")}",
        GradeBlock g => $"G:{g.Grade.Raw}→{g.Grade.Label}",
        TextBlock { Kind: ParagraphKind.Table } t => $"T:{t.Text.Replace('\n', ';')}",
        TextBlock { Kind: ParagraphKind.List } t => $"L:{t.Text.Replace('\n', ';')}",
        TextBlock t => $"P:{t.Label}:{t.Text.Replace('\n', ';')}",
        _ => b.ToString()!,
    }));

    [Theory]
    [InlineData("Grade 3", "G:Grade 3→good")]
    [InlineData("Being healthy Grade 2", "H0:Being healthy[Grade 2→requires improvement]")]
    [InlineData("Overall effectiveness **Grade 2 (Good)**", "H0:Overall effectiveness[Grade 2 (Good)→good]")]
    [InlineData("Performs well (3)", "G:Performs well (3)→good")]
    [InlineData("Grade 3 is what the council got in 2007 for this.", "P::Grade 3 is what the council got in 2007 for this.")]
    public void GradeLineRule_reads_grades_on_their_own_or_ending_a_heading(string input, string expected) =>
        Assert.Equal(expected, Run(new GradeLineRule(), input, scale: GradeScale.Apa));

    [Theory]
    [InlineData("## The experiences and progress of children in care: good", "H2:The experiences and progress of children in care[good→good]")]
    [InlineData("## The experiences and progress of children in care and care leavers are: good", "H2:The experiences and progress of children in care and care leavers are: good[good→good]")]
    [InlineData("## The experiences and progress of children who need help and protection require improvement.", "H2:The experiences and progress of children who need help and protection[require improvement→requires improvement]")]
    [InlineData("## The graded judgement for adoption performance is that it requires improvement", "H2:The graded judgement for adoption performance is that it requires improvement[requires improvement→requires improvement]")]
    [InlineData("## The Local Safeguarding Children Board is good", "H2:The Local Safeguarding Children Board is good[good→good]")]
    [InlineData("## The impact of leaders on social work practice with children and families: requires improvement to be good", "H2:The impact of leaders on social work practice with children and families[requires improvement to be good→requires improvement]")]
    [InlineData("50. The quality of provision is inadequate.", "P::50. The quality of provision is inadequate.")]
    [InlineData("## Summary", "P::Summary")]
    public void StatedGradeHeadingRule_reads_headings_that_state_their_judgement(string input, string expected) =>
        Assert.Equal(expected, Run(new StatedGradeHeadingRule(), input));

    [Theory]
    [InlineData("## The inspection judgements and what they|## mean", "H2:The inspection judgements and what they mean")]
    [InlineData("## Services for looked after children|## young people", "H2:Services for looked after children young people")]
    [InlineData("## What needs to improve?|## Priority and immediate action", "H2:What needs to improve? / H2:Priority and immediate action")]
    [InlineData("## The local authority|## Summary of findings", "H2:The local authority / H2:Summary of findings")]
    public void WrappedHeadingRule_joins_a_heading_printed_over_two_lines(string input, string expected) =>
        Assert.Equal(expected, Describe(BlockBuilder.Build(Lines(input), GradeScale.Inspection, true,
            [new BlankLineRule(), new WrappedHeadingRule(), new MarkdownHeadingRule(), new ParagraphRule()], passes: [])));

    [Theory]
    [InlineData("## young people who need extra support or who are looked after. Ofsted found that these services are now better, and", "P::young people who need extra support or who are looked after. Ofsted found that these services are now better, and")]
    [InlineData("## Summary for children and young people", "P::Summary for children and young people")]
    public void MarkedProseRule_reads_prose_in_large_type_as_text(string input, string expected) =>
        Assert.Equal(expected, Run(new MarkedProseRule(), input, marked: true));

    [Theory]
    [InlineData("## Summary", "H2:Summary")]
    [InlineData("## 2. Recommendations", "H2:2 Recommendations")]
    [InlineData("Summary", "P::Summary")]
    public void MarkdownHeadingRule_takes_marked_headings_with_their_numbers(string input, string expected) =>
        Assert.Equal(expected, Run(new MarkdownHeadingRule(), input, marked: true));

    [Theory]
    [InlineData("86. Looked after children live in stable placements.", "P:86:Looked after children live in stable placements.")]
    [InlineData("2 Recommendations", "H0:2 Recommendations")]
    [InlineData("5. **Headlines on achievement** (Pages 9 - 26)", "H0:5 Headlines on achievement")]
    // A number printed with no space before the text is read only as the next in a run of numbered paragraphs.
    [InlineData("37. Care leavers are well supported.||38.Leaders and practitioners share values.", "P:37:Care leavers are well supported. / P:38:Leaders and practitioners share values.")]
    [InlineData("37. Care leavers are well supported.||40.Leaders and practitioners share values.", "P:37:Care leavers are well supported. / P::40.Leaders and practitioners share values.")]
    [InlineData("38.Leaders and practitioners share values.", "P::38.Leaders and practitioners share values.")]
    // A stray full stop after the next number in the run ("46. . Most …") is not the paragraph's text; elsewhere it stays as printed.
    [InlineData("45. Care leavers are well supported.||46. . Most care leavers live in suitable accommodation.", "P:45:Care leavers are well supported. / P:46:Most care leavers live in suitable accommodation.")]
    [InlineData("45. Care leavers are well supported.||48. . Most care leavers live in suitable accommodation.", "P:45:Care leavers are well supported. / P::48. . Most care leavers live in suitable accommodation.")]
    public void NumberedRule_tells_numbered_paragraphs_from_numbered_headings(string input, string expected) =>
        Assert.Equal(expected, Run(new NumberedRule(), input));

    [Theory]
    [InlineData("The evidence evaluated by inspectors included:|- case files|- interviews", "P::The evidence evaluated by inspectors included:;• case files;• interviews")]
    [InlineData("- first|- second", "L:• first;• second")]
    [InlineData("- 3.1 The Ofsted Inspection of Coventry", "P:3.1:The Ofsted Inspection of Coventry")]
    public void BulletRule_attaches_bullets_to_their_lead_in(string input, string expected) =>
        Assert.Equal(expected, Run(new BulletRule(), input));

    [Theory]
    [InlineData("Contents|About this inspection 2|Service information 3|About this inspection|The purpose", "P::About this inspection / P::The purpose")]
    public void ContentsRule_drops_the_contents_list_until_the_body_repeats_an_entry(string input, string expected) =>
        Assert.Equal(expected, Run(new ContentsRule(), input));

    [Theory]
    [InlineData("Page 3 of 12", "")]
    [InlineData("Yours sincerely", "")]
    [InlineData("14", "")]
    [InlineData("14 children were seen.", "P::14 children were seen.")]
    public void FurnitureRule_drops_page_furniture(string input, string expected) =>
        Assert.Equal(expected, Run(new FurnitureRule(), input));

    [Theory]
    [InlineData("Judgement⇥Grade|Overall effectiveness⇥Good", "T:Judgement Grade;Overall effectiveness Good")]
    [InlineData("a⇥b||c⇥d", "T:a b;c d")]
    [InlineData("a⇥b|||c⇥d", "T:a b / T:c d")]
    public void TableRowRule_gathers_rows_until_a_line_that_is_not_one(string input, string expected) =>
        Assert.Equal(expected, Run(new TableRowRule(), input));

    /// <summary>A numbered paragraph the PDF ran into the line before it starts after that sentence, when its number is the next in the run.</summary>
    [Theory]
    [InlineData("27. Children are safe.||28. Brothers and sisters benefit from assessments, their relationship is mostly supported||through regular time together. 29. Most children in care have trusting relationships.",
        "P:27:Children are safe. / P:28:Brothers and sisters benefit from assessments, their relationship is mostly supported through regular time together. / P:29:Most children in care have trusting relationships.")]
    [InlineData("27. Children are safe.||28. Brothers and sisters benefit from assessments, their relationship is mostly supported||through regular time together. 31. Most children in care have trusting relationships.",
        "P:27:Children are safe. / P:28:Brothers and sisters benefit from assessments, their relationship is mostly supported through regular time together. 31. Most children in care have trusting relationships.")]
    [InlineData("27. Children are safe.||28. Caseloads are high, with some workers holding up to||as many as 29 children. 29. Most children in care are visited.",
        "P:27:Children are safe. / P:28:Caseloads are high, with some workers holding up to as many as 29 children. / P:29:Most children in care are visited.")]
    // Run into the first line of the paragraph before it (Gloucestershire 2025: "11. … their options. 12. The identification …").
    [InlineData("11. Young people have advocacy to make an informed choice about their options. 12. The identification of children in caring roles is good.",
        "P:11:Young people have advocacy to make an informed choice about their options. / P:12:The identification of children in caring roles is good.")]
    [InlineData("11. Young people have advocacy to make an informed choice about their options. 14. The identification of children in caring roles is good.",
        "P:11:Young people have advocacy to make an informed choice about their options. 14. The identification of children in caring roles is good.")]
    public void ContinuationRule_starts_the_next_numbered_paragraph_run_into_a_line(string input, string expected) =>
        Assert.Equal(expected, Describe(BlockBuilder.Build(Lines(input), GradeScale.Inspection, false,
            [new BlankLineRule(), new NumberedRule(), new ContinuationRule(), new ParagraphRule()], passes: [])));

    /// <summary>"40.⇥There is …": the next paragraph number in the run with a tab after it is a numbered paragraph, not a table.</summary>
    [Theory]
    [InlineData("39. Leaders know their services well.||40.⇥There is very strong political support.", "P:39:Leaders know their services well. / P:40:There is very strong political support.")]
    [InlineData("39. Leaders know their services well.||42.⇥There is very strong political support.", "P:39:Leaders know their services well. / T:42. There is very strong political support.")]
    [InlineData("1.⇥Children who need help and protection⇥Good", "T:1. Children who need help and protection Good")]
    [InlineData("2.⇥Children looked after", "T:2. Children looked after")]
    public void A_numbered_paragraph_with_a_tab_after_its_number_is_not_a_table_row(string input, string expected) =>
        Assert.Equal(expected, Describe(BlockBuilder.Build(Lines(input), GradeScale.Inspection, false,
            [new BlankLineRule(), new TableRowRule(), new NumberedRule(), new ParagraphRule()], passes: [])));

    [Theory]
    [InlineData("Thursday, 5th November, 2015", "H0:Thursday, 5th November, 2015")]
    [InlineData("Date to be fixed", "H0:Date to be fixed")]
    public void DateHeadingRule_lets_a_date_head_what_follows(string input, string expected) =>
        Assert.Equal(expected, Run(new DateHeadingRule(), input));

    [Theory]
    [InlineData("Looked after children live in|stable placements.", "P::Looked after children live in stable placements.")]
    [InlineData("It ends here.||New paragraph", "P::It ends here. / P::New paragraph")]
    public void ContinuationRule_mends_paragraphs_broken_by_a_line_or_page_break(string input, string expected) =>
        Assert.Equal(expected, Run(new ContinuationRule(), input));

    [Theory]
    [InlineData("Councillor Smith|Councillor Jones", "L:Councillor Smith;Councillor Jones")]
    [InlineData("Background||The council has set out its plan for the coming year.", "H0:Background / P::The council has set out its plan for the coming year.")]
    public void ShortLineRule_makes_short_lines_headings_or_lists(string input, string expected) =>
        Assert.Equal(expected, Run(new ShortLineRule(), input));

    [Theory]
    [InlineData("The council will:|- act|Within three months:|- review", "P::The council will:;• act;Within three months:;• review")]
    public void LeadInRule_keeps_lead_ins_with_their_list(string input, string expected) =>
        Assert.Equal(expected, Describe(BlockBuilder.Build(Lines(input), GradeScale.Inspection, false,
            [new BlankLineRule(), new BulletRule(), new LeadInRule(), new ParagraphRule()], passes: [])));
}
