namespace SearchService.Core.Model;

/// <summary>
/// One English local authority with children's services responsibilities, as the gazetteer lists
/// it: the name the project files it under, the codes by which others know it, its region and type.
/// </summary>
/// <param name="Name">The name reports and this project use ("Bristol", "St Helens", "Kingston upon Hull").</param>
/// <param name="OnsName">The ONS name as the gazetteer prints it ("Bristol, City of").</param>
/// <param name="OfstedUrn">Ofsted's unique reference number for the authority.</param>
/// <param name="LaCode">The DfE's three-digit local authority code ("331").</param>
/// <param name="OnsCode">The ONS geography code ("E08000026").</param>
/// <param name="Region">The English region.</param>
/// <param name="Type">London Borough, Metropolitan District, Unitary Authority or County; null for an authority since replaced.</param>
/// <param name="AlsoKnownAs">Other names in use, from the gazetteer.</param>
/// <param name="StatisticalNeighbours">The DfE's ten statistical neighbours, closest first, as DfE codes.</param>
public sealed record LocalAuthority(
    string Name,
    string OnsName,
    string OfstedUrn,
    string LaCode,
    string OnsCode,
    string Region,
    string? Type,
    IReadOnlyList<string> AlsoKnownAs,
    IReadOnlyList<string> StatisticalNeighbours);
