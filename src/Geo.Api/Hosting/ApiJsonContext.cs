using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Api.Apis;

namespace Geo.Api.Hosting;

/// <summary>Source-generated JSON for the API's answers: no reflection per request. Camel-case names, but
/// <see cref="IndicatorRowDto"/> is written by its own converter (the export columns, from the row schema).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthDto))]
[JsonSerializable(typeof(DatasetDto))]
[JsonSerializable(typeof(AreaDto))]
[JsonSerializable(typeof(IReadOnlyList<AreaHitDto>))]
[JsonSerializable(typeof(IReadOnlyList<IndicatorDto>))]
[JsonSerializable(typeof(IndicatorDto))]
[JsonSerializable(typeof(UploadProblemDto[]))]
[JsonSerializable(typeof(IndicatorAreaDto))]
[JsonSerializable(typeof(IndicatorRowsDto))]
[JsonSerializable(typeof(IndicatorColumnsDto))]
[JsonSerializable(typeof(CompareDto))]
[JsonSerializable(typeof(InequalityDto))]
[JsonSerializable(typeof(HotspotClassesDto))]
[JsonSerializable(typeof(LevelValuesDto))]
[JsonSerializable(typeof(CatchmentListDto))]
[JsonSerializable(typeof(CatchmentDto))]
[JsonSerializable(typeof(TrendDto))]
[JsonSerializable(typeof(BivariateDto))]
[JsonSerializable(typeof(SegmentsDto))]
[JsonSerializable(typeof(AreaQualityDto))]
[JsonSerializable(typeof(PopulationDto))]
[JsonSerializable(typeof(AgeRatesDto))]
[JsonSerializable(typeof(OgcLandingDto))]
[JsonSerializable(typeof(OgcConformanceDto))]
[JsonSerializable(typeof(OgcCollectionsDto))]
[JsonSerializable(typeof(OgcCollectionDto))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
