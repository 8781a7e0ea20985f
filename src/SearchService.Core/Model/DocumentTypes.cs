namespace SearchService.Core.Model;

/// <summary>The document types, named as the documents name themselves. One place, used by every reader.</summary>
public static class DocumentTypes
{
    public const string AnnualPerformanceAssessment = "Annual performance assessment";
    public const string AnnualChildrensServicesAssessment = "Annual children's services assessment";
    public const string SafeguardingAndLookedAfterChildrenInspection = "Inspection of safeguarding and looked after children services";
    public const string LookedAfterChildrenInspection = "Inspection of looked after children services";
    public const string SingleInspection = "Inspection of services for children in need of help and protection, children looked after and care leavers";
    public const string LscbReview = "Review of the effectiveness of the Local Safeguarding Children Board";
    public const string Ilacs = "Inspection of local authority children's services";
    public const string FocusedVisit = "Focused visit";
    public const string MonitoringVisit = "Monitoring visit";
    public const string Agenda = "Scrutiny agenda";
    public const string Minutes = "Scrutiny minutes";
    public const string BriefingNote = "Scrutiny briefing note";
    public const string WorkProgramme = "Scrutiny work programme";
    public const string Other = "Other";
}
