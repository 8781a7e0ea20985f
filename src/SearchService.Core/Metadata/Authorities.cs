using System.Text.RegularExpressions;

namespace SearchService.Core.Metadata;

/// <summary>
/// Canonical names of English local authorities with children's services responsibilities, and
/// how to find the authority a document is about. One list so that every reader (letters, scrutiny
/// papers, PDFs) agrees on the same spelling.
/// </summary>
public static partial class Authorities
{
    /// <summary>Canonical names, as Ofsted titles them (without "City Council", "Borough of", …).</summary>
    public static readonly IReadOnlyList<string> Canonical =
    [
        "Barking and Dagenham", "Barnet", "Barnsley", "Bath and North East Somerset", "Bedford", "Bexley", "Birmingham",
        "Blackburn with Darwen", "Blackpool", "Bolton", "Bournemouth", "Bournemouth, Christchurch and Poole", "Bracknell Forest",
        "Bradford", "Brent", "Brighton and Hove", "Bristol", "Bromley", "Buckinghamshire", "Bury", "Calderdale", "Cambridgeshire",
        "Camden", "Central Bedfordshire", "Cheshire East", "Cheshire West and Chester", "City of London", "Cornwall",
        "Coventry", "Croydon", "Cumberland", "Cumbria", "Darlington", "Derby", "Derbyshire", "Devon", "Doncaster", "Dorset", "Dudley",
        "Durham", "Ealing", "East Riding of Yorkshire", "East Sussex", "Enfield", "Essex", "Gateshead", "Gloucestershire",
        "Greenwich", "Hackney", "Halton", "Hammersmith and Fulham", "Hampshire", "Haringey", "Harrow", "Hartlepool", "Havering",
        "Herefordshire", "Hertfordshire", "Hillingdon", "Hounslow", "Isle of Wight", "Isles of Scilly", "Islington",
        "Kensington and Chelsea", "Kent", "Kingston upon Hull", "Kingston upon Thames", "Kirklees", "Knowsley", "Lambeth",
        "Lancashire", "Leeds", "Leicester", "Leicestershire", "Lewisham", "Lincolnshire", "Liverpool", "Luton", "Manchester",
        "Medway", "Merton", "Middlesbrough", "Milton Keynes", "Newcastle upon Tyne", "Newham", "Norfolk", "North East Lincolnshire",
        "North Lincolnshire", "North Northamptonshire", "North Somerset", "North Tyneside", "North Yorkshire", "Northamptonshire",
        "Northumberland", "Nottingham", "Nottinghamshire", "Oldham", "Oxfordshire", "Peterborough", "Plymouth", "Poole", "Portsmouth",
        "Reading", "Redbridge", "Redcar and Cleveland", "Richmond upon Thames", "Rochdale", "Rotherham", "Rutland", "Salford",
        "Sandwell", "Sefton", "Sheffield", "Shropshire", "Slough", "Solihull", "Somerset", "South Gloucestershire", "South Tyneside",
        "Southampton", "Southend-on-Sea", "Southwark", "St Helens", "Staffordshire", "Stockport", "Stockton-on-Tees", "Stoke-on-Trent",
        "Suffolk", "Sunderland", "Surrey", "Sutton", "Swindon", "Tameside", "Telford and Wrekin", "Thurrock", "Torbay",
        "Tower Hamlets", "Trafford", "Wakefield", "Walsall", "Waltham Forest", "Wandsworth", "Warrington", "Warwickshire",
        "West Berkshire", "West Northamptonshire", "West Sussex", "Westminster", "Westmorland and Furness", "Wigan", "Wiltshire",
        "Windsor and Maidenhead", "Wirral", "Wokingham", "Wolverhampton", "Worcestershire", "York",
    ];

    private static readonly Dictionary<string, string> ByKey = BuildKeys();

    private static Dictionary<string, string> BuildKeys()
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Canonical) keys[Key(name)] = name;
        // Spellings the documents use for the same authority.
        keys[Key("Telford & Wrekin")] = "Telford and Wrekin";
        keys[Key("Stoke on Trent")] = "Stoke-on-Trent";
        keys[Key("Southend on Sea")] = "Southend-on-Sea";
        keys[Key("Stockton on Tees")] = "Stockton-on-Tees";
        keys[Key("Hull")] = "Kingston upon Hull";
        keys[Key("Kingston upon Hull City")] = "Kingston upon Hull";
        keys[Key("County Durham")] = "Durham";
        keys[Key("Bristol City")] = "Bristol";
        keys[Key("City of Bristol")] = "Bristol";
        keys[Key("City of York")] = "York";
        keys[Key("Herefordshire County")] = "Herefordshire";
        keys[Key("Brighton & Hove")] = "Brighton and Hove";
        keys[Key("Barking & Dagenham")] = "Barking and Dagenham";
        keys[Key("Hammersmith & Fulham")] = "Hammersmith and Fulham";
        keys[Key("Kensington & Chelsea")] = "Kensington and Chelsea";
        keys[Key("Redcar & Cleveland")] = "Redcar and Cleveland";
        keys[Key("Windsor & Maidenhead")] = "Windsor and Maidenhead";
        keys[Key("Bath & North East Somerset")] = "Bath and North East Somerset";
        keys[Key("BCP")] = "Bournemouth, Christchurch and Poole";
        keys[Key("Bournemouth Christchurch and Poole")] = "Bournemouth, Christchurch and Poole";
        keys[Key("Saint Helens")] = "St Helens";
        keys[Key("St. Helens")] = "St Helens";
        return keys;
    }

    /// <summary>The comparison key: lower case, letters and digits only, "&amp;" read as "and".</summary>
    private static string Key(string s)
    {
        var t = s.ToLowerInvariant().Replace("&", " and ").Replace('’', '\'');
        return NonWord().Replace(t, "");
    }

    /// <summary>
    /// The canonical name for a phrase such as "Coventry City Council", "STOKE-ON-TRENT CITY COUNCIL",
    /// "London Borough of Bromley" or "the Isles of Scilly", or null when it names no authority.
    /// </summary>
    public static string? Canonicalise(string phrase)
    {
        var p = Spaces().Replace(phrase.Replace('’', '\''), " ").Trim().Trim('.', ',', ':', ';', '\'', '"');
        p = Decoration().Replace(p, "").Trim();
        p = Suffix().Replace(p, "").Trim().Trim(',');
        if (p.Length == 0) return null;
        return ByKey.TryGetValue(Key(p), out var name) ? name : null;
    }

    /// <summary>
    /// The first canonical authority named in <paramref name="text"/> (longest name wins where
    /// names overlap, so "North Somerset" is not read as "Somerset"), or null.
    /// </summary>
    public static string? FindIn(string text)
    {
        var best = (Index: int.MaxValue, Name: (string?)null, Length: 0);
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        foreach (var (key, name) in Aliases.Value)
        {
            int from = 0;
            while (from < lower.Length)
            {
                int i = lower.IndexOf(key, from, StringComparison.Ordinal);
                if (i < 0) break;
                bool startOk = i == 0 || !char.IsLetter(lower[i - 1]);
                int end = i + key.Length;
                bool endOk = end >= lower.Length || !char.IsLetter(lower[end]);
                if (startOk && endOk)
                {
                    if (i < best.Index || (i == best.Index && key.Length > best.Length)) best = (i, name, key.Length);
                    break;
                }
                from = i + 1;
            }
        }
        return best.Name;
    }

    // Lower-case spellings to look for in running text, each with its canonical name.
    private static readonly Lazy<IReadOnlyList<(string Key, string Name)>> Aliases = new(() =>
    {
        var list = new List<(string, string)>();
        foreach (var name in Canonical)
        {
            list.Add((name.ToLowerInvariant(), name));
            if (name.Contains(" and ")) list.Add((name.Replace(" and ", " & ").ToLowerInvariant(), name));
            if (name.Contains('-')) list.Add((name.Replace('-', ' ').ToLowerInvariant(), name));
        }
        list.Add(("telford & wrekin", "Telford and Wrekin"));
        list.Add(("county durham", "Durham"));
        list.Add(("city of bristol", "Bristol"));
        list.Add(("city of york", "York"));
        list.Add(("kingston upon hull", "Kingston upon Hull"));
        return list;
    });

    /// <summary>Everyday names people type for an authority ("Stoke", "Coventry's"): the canonical name or null.</summary>
    public static string? FromUserText(string text)
    {
        var t = text.Trim();
        if (t.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || t.EndsWith("’s", StringComparison.OrdinalIgnoreCase)) t = t[..^2];
        if (Canonicalise(t) is { } exact) return exact;
        if (t.Equals("Stoke", StringComparison.OrdinalIgnoreCase)) return "Stoke-on-Trent";
        if (t.Equals("Southend", StringComparison.OrdinalIgnoreCase)) return "Southend-on-Sea";
        if (t.Equals("Telford", StringComparison.OrdinalIgnoreCase)) return "Telford and Wrekin";
        if (t.Equals("Brighton", StringComparison.OrdinalIgnoreCase)) return "Brighton and Hove";
        return null;
    }

    [GeneratedRegex(@"^(the\s+)?(london\s+borough\s+of|royal\s+borough\s+of|metropolitan\s+borough\s+of|borough\s+of|county\s+of|council\s+of\s+the)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Decoration();

    [GeneratedRegex(@"\s+(metropolitan\s+borough\s+council|metropolitan\s+district\s+council|borough\s+council|county\s+council|city\s+council|district\s+council|unitary\s+authority|council|local\s+authority)$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"[^a-z0-9]")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
