namespace Geo.Data.Export;

/// <summary>
/// What an export holds and how it was made, so that someone else can reproduce it: written beside a
/// CSV as <c>{file}.metadata.json</c> and inside GeoJSON as the collection's <c>metadata</c> member.
/// </summary>
public sealed record ExportMetadata(
    string Dataset,
    bool Synthetic,
    string BoundaryVintage,
    string IndicatorId,
    string IndicatorName,
    string ValueType,
    double Multiplier,
    string Unit,
    string Polarity,
    string Source,
    string Period,
    string Selection,
    string Method,
    string Comparisons,
    string SuppressionRule,
    string Command,
    IReadOnlyDictionary<string, string> Columns);
