namespace Geo.Data.Indicators;

/// <summary>What the area codes of an indicator file are (<c>file.areaLevel</c> in the manifest).</summary>
internal enum IndicatorAreaLevel
{
    /// <summary><c>neighbourhood</c>: 2021 LSOA codes, kept as they are.</summary>
    Neighbourhood,

    /// <summary><c>neighbourhood-2011</c>: 2011 LSOA codes, mapped to 2021 through the ONS lookup.</summary>
    Neighbourhood2011,

    /// <summary><c>place</c>: district codes, kept at the place level.</summary>
    Place,

    /// <summary><c>provider</c>: provider (GP practice) codes with a proportion of each provider's patients, attributed to
    /// neighbourhoods through a flow table of patients by neighbourhood of residence.</summary>
    Provider,
}
