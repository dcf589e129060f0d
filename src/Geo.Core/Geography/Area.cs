namespace Geo.Core.Geography;

/// <summary>
/// One area of the hierarchy. Immutable once the <see cref="Geography"/> that owns it is built, and so
/// safe to share between threads.
/// </summary>
public sealed class Area
{
    public Area(string code, string name, Level level, string? parentCode, IReadOnlyList<string> childCodes,
        bool isPartial = false, string? districtCode = null)
    {
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
        ChildCodes = childCodes;
        IsPartial = isPartial;
        DistrictCode = districtCode;
    }

    /// <summary>Unique code within the dataset. A place that is part of a straddling district is
    /// coded <c>{district}-{system}</c>; every other area keeps its official code.</summary>
    public string Code { get; }

    public string Name { get; }

    public Level Level { get; }

    /// <summary>Null only for the country root.</summary>
    public string? ParentCode { get; }

    public IReadOnlyList<string> ChildCodes { get; }

    /// <summary>True for a place that holds only the part of its district inside one system.</summary>
    public bool IsPartial { get; }

    /// <summary>For places: the local authority district code the place comes from.</summary>
    public string? DistrictCode { get; }

    public override string ToString() => $"{Level.ToName()} {Code} {Name}";
}
