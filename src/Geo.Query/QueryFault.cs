namespace Geo.Query;

/// <summary>What is wrong with a request: the API answers 404 or 400, the command line exits with bad input.</summary>
public enum QueryFault
{
    /// <summary>An indicator, area, provider or boundary the dataset does not have.</summary>
    NotFound,

    /// <summary>A parameter's value is not acceptable, or the use case does not apply to what was asked.</summary>
    BadParameter,
}
