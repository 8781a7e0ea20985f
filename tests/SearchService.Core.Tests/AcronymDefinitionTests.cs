using SearchService.Core.Enrichment;
using SearchService.Core.Model;

namespace SearchService.Core.Tests;

/// <summary>Acronyms the documents define: sentences → definitions, junk rejected, and the learned dictionary's counts and scope.</summary>
public class AcronymDefinitionTests
{
    [Theory]
    // full form (ACRONYM)
    [InlineData("Allegations are referred to the local authority designated officer (LADO) within a day.", "LADO", "local authority designated officer")]
    [InlineData("Neglect is assessed with the graded care profile (GCP) in most cases.", "GCP", "graded care profile")]
    [InlineData("Applications under the Deprivation of Liberty Safeguards (DoLS) are made promptly.", "DoLS", "deprivation of liberty safeguards")]
    [InlineData("The number of children in need (CIN) has risen.", "CIN", "children in need")]
    [InlineData("Young people not in education, employment or training (NEET) get help.", "NEET", "not in education employment or training")]
    [InlineData("Contacts go to the multi-agency safeguarding hub (MASH), which is busy.", "MASH", "multi-agency safeguarding hub")]
    [InlineData("Every child has an education, health and care plan (EHCP) on time.", "EHCP", "education health and care plan")]
    [InlineData("Caseloads of independent reviewing officers (IROs) are manageable.", "IRO", "independent reviewing officer")]
    [InlineData("Families were placed in bed and breakfast (B&B) accommodation.", "B&B", "bed and breakfast")]
    [InlineData("The Children in Care Council (CiCC) meets monthly.", "CiCC", "children in care council")]
    [InlineData("8. The vulnerable, exploited, missing and trafficked (VEMT) group meets.", "VEMT", "vulnerable exploited missing and trafficked")]
    [InlineData("Team inspectors: two Ofsted inspectors (OI) and one more.", "OI", "ofsted inspectors")]
    [InlineData("Placements are found by the Looked after Children’s Education Service (LACES) quickly.", "LACES", "looked after children's education service")]
    // ACRONYM (full form)
    [InlineData("Contacts go to the MASH (multi-agency safeguarding hub) first.", "MASH", "multi-agency safeguarding hub")]
    [InlineData("Practitioners use the SDQ (strength and difficulty questionnaire) well.", "SDQ", "strength and difficulty questionnaire")]
    // glossary lines
    [InlineData("LADO – local authority designated officer", "LADO", "local authority designated officer")]
    [InlineData("Glossary\nPLO: Public Law Outline\nRHI = return home interview", "PLO", "public law outline")]
    [InlineData("RHI = return home interviews", "RHI", "return home interviews")]
    public void A_printed_definition_is_found(string text, string acronym, string fullForm)
    {
        var found = AcronymDefinitions.Find(text);
        Assert.Contains(found, d => d.Acronym == acronym && d.FullForm == fullForm);
    }

    [Theory]
    [InlineData("carried out under the Local Safeguarding Children Boards (Review) Regulations")] // a word in brackets
    [InlineData("Team inspectors: Pauline Higham (HMI), Mary Candlin (OI)")] // names before a grade of inspector
    [InlineData("The team includes Vista (the social work practice) staff.")] // an aside after a name
    [InlineData("The CLICK (the children in care council) meets.")] // a name that is not the initials
    [InlineData("The DCS (who has responsibility for both children’s and adult’s services) chairs it.")] // an aside after an acronym
    [InlineData("Children and Family Court Advisory and Support Service (Cafcass) reports")] // one capital: a name, not an acronym
    [InlineData("Office for Standards in Education, Children's Services and Skills (Ofsted)")] // one capital
    [InlineData("PEPs (electronic personal education plans) are used.")] // a word that gives no letter
    [InlineData("Performance improved in 2019 (see table 3).")]
    [InlineData("the plan for 2020 to 2022 (P2022)")]
    [InlineData("(LADO)")] // nothing before it
    [InlineData("by the (LADO) officer")]
    [InlineData("Note – this is not a glossary line at all")]
    public void Junk_is_not_a_definition(string text) => Assert.Empty(AcronymDefinitions.Find(text));

    private static ReportDocument Document(string authority, params string[] paragraphs)
    {
        var la = Metadata.Authorities.Find(authority)!;
        var ps = paragraphs.Select((t, i) => new Paragraph($"{authority}-{i}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i, ["Findings"], null, null, t, ParagraphKind.Text)).ToList();
        return new ReportDocument($"{authority}-doc", "Inspection", "Inspection of local authority children's services", Framework.IlacsStandard, "Ofsted", la,
            new FrontMatter(new DateOnly(2024, 1, 2), DateBasis.PrintedPublication, null, null, null), "x.txt", null, [], ps, [])
        {
            Definitions = AcronymDefinitions.In(ps),
        };
    }

    [Fact]
    public void A_definition_in_two_authorities_is_global_and_one_in_a_single_authority_is_local()
    {
        var learner = new AcronymLearner();
        learner.Add(Document("Coventry", "Allegations go to the local authority designated officer (LADO).", "The Families First Team (FFT) works with schools.", "The LADO is effective."));
        learner.Add(Document("Hillingdon", "The Local Authority Designated Officer (LADO) tracks allegations well.", "The access to resources team (ART) finds homes; art is taught; art and music; the art room."));
        var learned = learner.Build();
        var lado = Assert.Single(learned, a => a.Acronym == "LADO");
        Assert.Equal("local authority designated officer", lado.FullForm);
        Assert.Equal(2, lado.Count);
        Assert.True(lado.Global);
        Assert.Equal(["Coventry", "Hillingdon"], lado.Authorities);
        Assert.Equal("Coventry-0", lado.SourceParagraphId);
        Assert.Contains("para. 1", lado.SourceCitation);
        var fft = Assert.Single(learned, a => a.Acronym == "FFT");
        Assert.False(fft.Global);
        Assert.Equal(["Coventry"], fft.Authorities);
        Assert.False(fft.AlsoAWord);
        // "art" is printed in lower case four times, but in one paragraph: paragraphs are counted.
        var art = Assert.Single(learned, a => a.Acronym == "ART");
        Assert.False(art.AlsoAWord);
    }

    [Fact]
    public void An_acronym_the_reports_also_print_as_a_word_is_marked()
    {
        var learner = new AcronymLearner();
        learner.Add(Document("Coventry", "The access to resources team (ART) finds homes.", "state of the art", "art therapy", "the art of it"));
        Assert.True(Assert.Single(learner.Build()).AlsoAWord);
    }

    [Fact]
    public void Parsing_a_report_keeps_its_definitions_with_their_paragraphs()
    {
        var text = "Inspection of Coventry children's services\n\nThe graded care profile (GCP) is used well by social workers in Coventry.\n";
        var doc = ReportParser.Parse(new Reading.SourceText("coventry.txt", text, Reading.SourceFormat.Text)).First();
        var gcp = Assert.Single(doc.Definitions, d => d.Acronym == "GCP");
        Assert.Contains(doc.Paragraphs, p => p.Id == gcp.ParagraphId && p.Text.Contains("(GCP)", StringComparison.Ordinal));
    }
}
