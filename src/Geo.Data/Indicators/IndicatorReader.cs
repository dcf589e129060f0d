using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Data.Flows;
using Geo.Data.Manifest;

namespace Geo.Data.Indicators;

/// <summary>
/// Imports an indicator named by a dataset manifest into an <see cref="IndicatorSource"/>: counts (or
/// scores) keyed by 2021 neighbourhood, or by place for data published by district. Reads the
/// <c>long</c> and <c>fingertips</c> formats; maps 2011 neighbourhood codes through the ONS lookup; attributes
/// providers' (GP practices') proportions to neighbourhoods through a flow table;
/// sums sexes; counts whatever it leaves out in <see cref="IndicatorSource.ImportNotes"/>. A bad manifest
/// entry or file throws <see cref="GeoDataException"/> before anything is returned, so nothing is
/// half-loaded. See docs/data.md. Stateless and thread-safe.
/// </summary>
public static class IndicatorReader
{
    /// <summary>Reads one indicator from <paramref name="path"/> (the entry's file, resolved).</summary>
    /// <exception cref="GeoDataException">
    /// The entry is invalid (the message names the manifest and the field, e.g. <c>indicators[0].valueType</c>),
    /// or the file or lookup has a missing column, an empty or bad cell, a repeated row (both lines named),
    /// or no figure for any area of the dataset.
    /// </exception>
    /// <remarks>With <see cref="IndicatorReadContext.Problems"/>, problems in the file are collected there (bad rows are
    /// left out and reading goes on) and one <see cref="GeoDataException"/> is thrown at the end if there are any.</remarks>
    public static IndicatorSource Read(IndicatorSpec spec, string path, IndicatorReadContext context)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        var plan = IndicatorPlan.Parse(spec, context);
        if (context.Problems is not { } problems)
        {
            return ReadPlan(plan, path, context);
        }

        IndicatorSource? source = null;
        try
        {
            source = ReadPlan(plan, path, context);
        }
        catch (GeoDataException e)
        {
            // A problem of the file as a whole (its quoting, its age bands): reported with the rest.
            problems.Add(e);
        }

        return problems.Count == 0 && source is not null
            ? source
            : throw new GeoDataException(path, null, null, $"{problems.Count:N0} problem{(problems.Count == 1 ? "" : "s")} found; nothing was loaded");
    }

    private static IndicatorSource ReadPlan(IndicatorPlan plan, string path, IndicatorReadContext context)
    {
        var problems = context.Problems;
        var file = plan.File;
        var accumulator = new IndicatorAccumulator();
        var counts = new IndicatorRowCounts();
        var sortKeys = plan.Format == IndicatorFormat.Long
            ? null
            : FingertipsFormatReader.Read(path, plan, accumulator, counts);
        if (plan.Format == IndicatorFormat.Long)
        {
            LongFormatReader.Read(path, plan, accumulator, counts);
            if (problems is { Count: > 0 } && counts.Read == 0)
            {
                // Columns are missing: the rows were not read, so there is nothing more to say about them.
                return Empty(plan, path);
            }
        }

        var standardised = IndicatorTerms.IsStandardised(plan.Definition.ValueType);
        var firstAge = file.Denominator is null && context.AgeBands.Count > 0 ? context.AgeBands[0].From : (int?)null;
        accumulator.Finish(sortKeys, standardised, firstAge);

        var bySex = plan.Format == IndicatorFormat.Long && file.Sex is not null;
        var notes = counts.Describe(path, accumulator, bySex);
        var hasDenominator = plan.Format == IndicatorFormat.Long ? file.Denominator is not null : !plan.IsScore;
        var origins = new Dictionary<string, InputOrigin>(StringComparer.OrdinalIgnoreCase);
        var records = plan.AreaLevel switch
        {
            IndicatorAreaLevel.Provider => IndicatorAreaMapper.FromProviders(accumulator, context.ProviderFlows!, context, path, file.Area!, notes, origins),
            IndicatorAreaLevel.Neighbourhood => IndicatorAreaMapper.Keep(accumulator, context.Neighbourhoods, "neighbourhood", hasDenominator, notes,
                problems, file.Area),
            IndicatorAreaLevel.Place => IndicatorAreaMapper.KeepPlaces(accumulator, context, hasDenominator, plan.IsScore, notes, problems, file.Area),
            _ => IndicatorAreaMapper.From2011(accumulator, Lsoa11Lookup.Read(context.Lsoa11LookupPath!, file.Lsoa11Lookup!), context,
                plan.IsScore, hasDenominator, notes, file.Area, origins),
        };

        if (problems is { Count: > 0 })
        {
            return Empty(plan, path);
        }

        if (records.Count == 0)
        {
            throw new GeoDataException(path, null, null,
                $"no figure is for an area of this dataset ({string.Join(" ", notes)}); check file.areaLevel and the area column");
        }

        var periods = new HashSet<string>(records.Select(r => r.Period), StringComparer.Ordinal);
        return new IndicatorSource
        {
            Definition = plan.Definition,
            Periods = accumulator.Periods.Where(periods.Contains).ToArray(),
            Bands = accumulator.Bands,
            DataLevel = plan.AreaLevel == IndicatorAreaLevel.Place ? Level.Place : Level.Neighbourhood,
            Records = records,
            File = path,
            ImportNotes = notes,
            Origins = origins,
            PublicationPool = plan.Spec.Pool,
        };
    }

    private static IndicatorSource Empty(IndicatorPlan plan, string path) => new()
    {
        Definition = plan.Definition,
        Periods = [],
        Records = [],
        File = path,
    };

    /// <summary>
    /// Reads every indicator of a manifest, in order, each from its file resolved by <paramref name="resolve"/>.
    /// Ids must be unique (ignoring case). <paramref name="context"/> is the dataset's, with
    /// <see cref="IndicatorReadContext.Manifest"/> set; each entry gets its own <see cref="IndicatorReadContext.Entry"/>.
    /// </summary>
    /// <param name="datasetFlows">The manifest's <c>flows</c> entry: the flow table of <c>provider</c> entries without their own.</param>
    /// <param name="flowTables">Flow tables already read in this load, to share (one is made when omitted).</param>
    /// <exception cref="GeoDataException">As <see cref="Read"/>, for the first entry that fails.</exception>
    public static IReadOnlyList<IndicatorSource> ReadAll(IReadOnlyList<IndicatorSpec> specs, Func<string, string> resolve,
        IndicatorReadContext context, IProgress<string>? progress = null, FlowSpec? datasetFlows = null, FlowTables? flowTables = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(context);
        flowTables ??= new FlowTables(resolve);
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var result = new List<IndicatorSource>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var entry = $"indicators[{i}]";
            var spec = specs[i] ?? throw new GeoDataException(context.Manifest, null, entry, "is empty; describe the indicator or remove the entry");
            if (spec.Id is not null && !ids.TryAdd(spec.Id.Trim(), i))
            {
                throw new GeoDataException(context.Manifest, null, entry + ".id", $"'{spec.Id}' is also the id of indicators[{ids[spec.Id.Trim()]}]; ids must be unique");
            }

            if (spec.File?.Path is not { Length: > 0 } relative)
            {
                throw new GeoDataException(context.Manifest, null, entry + ".file.path", "is missing; name the CSV holding the indicator's figures");
            }

            var path = resolve(relative);
            var lookup = spec.File.Lsoa11Lookup?.Path is { Length: > 0 } lookupPath ? resolve(lookupPath) : null;
            FlowSource? flows = null;
            if (string.Equals(spec.File.AreaLevel?.Trim(), "provider", StringComparison.OrdinalIgnoreCase)
                && (spec.File.Flows ?? datasetFlows) is { } flowSpec)
            {
                flows = flowTables.Read(flowSpec, context with { Entry = entry }, spec.File.Flows is null ? "flows" : entry + ".file.flows", progress);
            }

            progress?.Report($"reading indicator {spec.Id} {path}");
            result.Add(Read(spec, path, context with { Entry = entry, Lsoa11LookupPath = lookup, ProviderFlows = flows }));
        }

        return result;
    }
}
