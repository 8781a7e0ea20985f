namespace SearchService.Core.Model;

/// <summary>
/// The inspection or assessment framework a document was written under (or the kind of council
/// paper it is): what its judgements, outcome areas and layout follow.
/// </summary>
public enum Framework
{
    /// <summary>Not recognised as any framework: a document of another kind.</summary>
    Unknown,
    /// <summary>Annual performance assessment letters (2005–2008), graded 4 = best.</summary>
    AnnualPerformanceAssessment,
    /// <summary>Annual children's services assessment letters (2009–2012), "performs well (3)".</summary>
    AnnualChildrensServicesAssessment,
    /// <summary>Inspections of safeguarding and looked after children services (2009–2012), "Grade 2 (Good)".</summary>
    SafeguardingAndLookedAfterChildrenInspection,
    /// <summary>Inspections of looked after children services (2012–2013), the same four-point scale.</summary>
    LookedAfterChildrenInspection,
    /// <summary>Single inspections of services for children in need of help and protection, children looked after and care leavers (2013–2018).</summary>
    SingleInspection,
    /// <summary>A review of the effectiveness of the Local Safeguarding Children Board published on its own.</summary>
    LscbReview,
    /// <summary>ILACS standard inspection (2018–): more than a week on site.</summary>
    IlacsStandard,
    /// <summary>ILACS short inspection (2018–): at most a week on site.</summary>
    IlacsShort,
    /// <summary>ILACS inspection whose length is not known (no inspection dates printed).</summary>
    Ilacs,
    /// <summary>ILACS focused visit letter.</summary>
    FocusedVisit,
    /// <summary>Monitoring visit letter.</summary>
    MonitoringVisit,
    /// <summary>Council scrutiny papers: agendas, minutes, briefing notes, work programmes.</summary>
    CouncilPapers,
}

/// <summary>The names of the frameworks as users read them (facet values), in one place.</summary>
public static class Frameworks
{
    public static string Name(Framework framework) => framework switch
    {
        Framework.AnnualPerformanceAssessment => "Annual performance assessment",
        Framework.AnnualChildrensServicesAssessment => "Annual children's services assessment",
        Framework.SafeguardingAndLookedAfterChildrenInspection => "Safeguarding and looked after children inspection",
        Framework.LookedAfterChildrenInspection => "Looked after children inspection",
        Framework.SingleInspection => "Single inspection",
        Framework.LscbReview => "LSCB review",
        Framework.IlacsStandard => "ILACS standard inspection",
        Framework.IlacsShort => "ILACS short inspection",
        Framework.Ilacs => "ILACS inspection",
        Framework.FocusedVisit => "Focused visit",
        Framework.MonitoringVisit => "Monitoring visit",
        Framework.CouncilPapers => "Council papers",
        _ => "Unknown",
    };

    /// <summary>The framework a name (or its enum spelling) stands for, or null.</summary>
    public static Framework? FromName(string name)
    {
        foreach (var f in Enum.GetValues<Framework>())
            if (Name(f).Equals(name.Trim(), StringComparison.OrdinalIgnoreCase) || f.ToString().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)) return f;
        return null;
    }

    /// <summary>The ILACS frameworks, whatever the inspection's length.</summary>
    public static bool IsIlacs(Framework f) => f is Framework.IlacsStandard or Framework.IlacsShort or Framework.Ilacs;
}
