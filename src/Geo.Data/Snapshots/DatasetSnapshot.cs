using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Core.Statistics;
using Geo.Data.Manifest;
using Geo.Model;
using Geo.Spatial.Join;
using NetTopologySuite.Geometries;

namespace Geo.Data.Snapshots;

/// <summary>
/// A prepared dataset saved to one file, so that a server or a join starts from it in a fraction of a second instead of
/// reading, checking and dissolving the raw files again. It holds everything a <see cref="Dataset"/> is made of (hierarchy,
/// every boundary, population, deprivation, the load report, indicators, flows), each number and ordinate exactly as
/// loaded, so a dataset read from it answers byte for byte as the one it was written from.
/// </summary>
/// <remarks>
/// <para>Layout (little-endian): the magic <c>GEOSNAP\0</c>, the format version, the number of sections, then per section
/// its number, offset, length and XxHash3 checksum, the total file length and the header's own checksum; then the
/// sections: <see cref="Section"/>. Strings are pooled per section; geometries are runs of doubles.</para>
/// <para>Refused, with the reason and the file named (<see cref="GeoDataException"/>), never half-read: a file that is not
/// a snapshot, another format version, one made by another build of geo, one whose input files (the manifest and every
/// file it names: path, size and modification time) changed or went missing since, one made from another manifest than
/// the one given, and a truncated or corrupt one (a length or a checksum that does not match).</para>
/// </remarks>
public static class DatasetSnapshot
{
    /// <summary>The format this build writes and reads; raised at every change of layout.</summary>
    public const int FormatVersion = 2;

    private static readonly byte[] Magic = "GEOSNAP\0"u8.ToArray();

    private const int HeaderFixedBytes = 8 + 4 + 4;
    private const int SectionEntryBytes = 4 + 8 + 8 + 8;

    /// <summary>The sections, by number (part of the format).</summary>
    private enum Section
    {
        Origin = 0,
        Geography = 1,
        Neighbourhoods = 2,
        Boundaries = 3,
        Indicators = 4,
        Flows = 5,
        BngIndex = 6,
        Wgs84Index = 7,
    }

    private const int SectionCount = 8;

    /// <summary>
    /// The build of geo that makes and reads snapshots: the module ids of the assemblies whose code decides what a loaded
    /// dataset holds. A rebuilt loader may load the same files differently, so its snapshots are made again.
    /// </summary>
    public static string BuildId { get; } = Convert.ToHexStringLower(XxHash3.Hash(Encoding.UTF8.GetBytes(string.Join(",",
        new[] { typeof(DatasetSnapshot), typeof(Dataset), typeof(Geography), typeof(Geo.Spatial.Coverage.CoverageCheck) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId)))));

    /// <summary>Writes <paramref name="dataset"/>, made from <paramref name="origin"/>, to <paramref name="path"/> (a temporary
    /// file beside it moved into place, so a reader never sees half a snapshot). Returns the bytes written.</summary>
    public static long Write(Dataset dataset, SnapshotOrigin origin, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(path);

        var neighbourhoodCodes = dataset.Boundaries.Keys
            .Where(code => dataset.Geography.Find(code)?.Level == Level.Neighbourhood)
            .ToList();
        var sections = new byte[SectionCount][];
        var polygons = dataset.Neighbourhoods;
        Parallel.Invoke(
            () => sections[(int)Section.BngIndex] = WriteBngIndex(polygons, neighbourhoodCodes),
            () => sections[(int)Section.Wgs84Index] = WriteWgs84Index(polygons),
            () => sections[(int)Section.Origin] = WriteOrigin(origin),
            () => sections[(int)Section.Geography] = WriteGeography(dataset),
            () => sections[(int)Section.Neighbourhoods] = WriteNeighbourhoods(dataset, neighbourhoodCodes),
            () => sections[(int)Section.Boundaries] = WriteBoundaries(dataset, neighbourhoodCodes),
            () => sections[(int)Section.Indicators] = WriteIndicators(dataset.Indicators),
            () => sections[(int)Section.Flows] = WriteFlows(dataset.Flows));

        var headerLength = HeaderFixedBytes + sections.Length * SectionEntryBytes + 8 + 8;
        var header = new byte[headerLength];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), sections.Length);
        long offset = headerLength;
        for (var i = 0; i < sections.Length; i++)
        {
            var entry = header.AsSpan(HeaderFixedBytes + i * SectionEntryBytes);
            BinaryPrimitives.WriteInt32LittleEndian(entry, i);
            BinaryPrimitives.WriteInt64LittleEndian(entry[4..], offset);
            BinaryPrimitives.WriteInt64LittleEndian(entry[12..], sections[i].Length);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[20..], XxHash3.HashToUInt64(sections[i]));
            offset += sections[i].Length;
        }

        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(headerLength - 16), offset);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(headerLength - 8), XxHash3.HashToUInt64(header.AsSpan(0, headerLength - 8)));

        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(header);
                foreach (var section in sections)
                {
                    file.Write(section);
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return offset;
    }

    /// <summary>
    /// The dataset saved in <paramref name="path"/>, after checking it is whole and current. With
    /// <paramref name="manifestPath"/>, it must also have been made from that manifest (and <paramref name="dataRoot"/>,
    /// when given).
    /// </summary>
    /// <exception cref="GeoDataException">The snapshot is refused: the message names the file and says why.</exception>
    public static Dataset Read(string path, string? manifestPath = null, string? dataRoot = null, IProgress<string>? progress = null)
    {
        using var file = Open(path, manifestPath, dataRoot, progress);
        var bytes = file.ReadAll();
        var neighbourhoods = Array.Empty<(string, Geometry)>();
        Tables tables = null!;
        Dictionary<string, Geometry> boundaries = null!;
        IReadOnlyList<IndicatorSource> indicators = null!;
        FlowSource? flows = null;
        file.Parse(() => Parallel.Invoke(
            () => tables = ReadGeography(file.Reader(bytes, Section.Geography)),
            () =>
            {
                neighbourhoods = ReadNeighbourhoods(file.Reader(bytes, Section.Neighbourhoods));
                boundaries = ReadBoundaries(file.Reader(bytes, Section.Boundaries), neighbourhoods);
            },
            () => indicators = ReadIndicators(file.Reader(bytes, Section.Indicators)),
            () => flows = ReadFlows(file.Reader(bytes, Section.Flows))));

        return new Dataset
        {
            Name = tables.Name,
            Synthetic = tables.Synthetic,
            BoundaryVintage = tables.BoundaryVintage,
            Geography = tables.Geography,
            Boundaries = boundaries,
            AgeBands = tables.AgeBands,
            Population = tables.Population,
            Deprivation = tables.Deprivation,
            Report = tables.Report,
            Indicators = indicators,
            Flows = flows,
            Suppression = tables.Suppression,
        };
    }

    /// <summary>Only what a point join needs of the snapshot: the neighbourhood polygons, in the order a dataset read
    /// in full (or from the files) holds them, so every answer is the same. The other sections are not read.</summary>
    /// <exception cref="GeoDataException">The snapshot is refused: the message names the file and says why.</exception>
    public static NeighbourhoodPolygons ReadNeighbourhoods(string path, string? manifestPath = null, string? dataRoot = null,
        IProgress<string>? progress = null)
    {
        using var file = Open(path, manifestPath, dataRoot, progress);
        Tables tables = null!;
        var neighbourhoods = Array.Empty<(string, Geometry)>();
        file.Parse(() => Parallel.Invoke(
            () => tables = ReadGeography(file.Reader(file.ReadSection(Section.Geography), Section.Geography, whole: false)),
            () => neighbourhoods = ReadNeighbourhoods(file.Reader(file.ReadSection(Section.Neighbourhoods), Section.Neighbourhoods, whole: false))));
        return NeighbourhoodPolygons.Of(tables.Geography, neighbourhoods.ToDictionary(n => n.Item1, n => n.Item2, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The point index of the neighbourhoods for points in <paramref name="system"/>, as saved (polygons and classified
    /// grid), so a join starts without rasterising anything: the same answers as the index of a dataset read from the files.
    /// </summary>
    /// <exception cref="GeoDataException">The snapshot is refused: the message names the file and says why.</exception>
    public static PointIndex ReadPointIndex(string path, PointCoordinateSystem system, string? manifestPath = null, string? dataRoot = null,
        IProgress<string>? progress = null)
    {
        using var file = Open(path, manifestPath, dataRoot, progress);
        if (system == PointCoordinateSystem.Wgs84LonLat)
        {
            return file.Parse(() => ReadWgs84Index(file.Reader(file.ReadSection(Section.Wgs84Index), Section.Wgs84Index, whole: false)));
        }

        var neighbourhoods = Array.Empty<(string, Geometry)>();
        byte[] bng = [];
        file.Parse(() => Parallel.Invoke(
            () => neighbourhoods = ReadNeighbourhoods(file.Reader(file.ReadSection(Section.Neighbourhoods), Section.Neighbourhoods, whole: false)),
            () => bng = file.ReadSection(Section.BngIndex)));
        return file.Parse(() => ReadBngIndex(file.Reader(bng, Section.BngIndex, whole: false), neighbourhoods));
    }

    /// <summary>What the snapshot says of its making, after the same checks as <see cref="Read"/> but without reading
    /// the dataset.</summary>
    /// <exception cref="GeoDataException">The snapshot is refused: the message names the file and says why.</exception>
    public static SnapshotOrigin Describe(string path)
    {
        using var file = Open(path, null, null, null);
        return file.Origin;
    }

    private static SnapshotFile Open(string path, string? manifestPath, string? dataRoot, IProgress<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        progress?.Report($"reading snapshot {full}");
        var file = SnapshotFile.Open(full);
        try
        {
            file.Check(manifestPath, dataRoot);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private sealed class SnapshotFile : IDisposable
    {
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;
        private readonly (long Offset, long Length, ulong Hash)[] _sections;
        private readonly long _length;

        private SnapshotFile(string path, Microsoft.Win32.SafeHandles.SafeFileHandle handle, (long, long, ulong)[] sections, long length)
        {
            Path = path;
            _handle = handle;
            _sections = sections;
            _length = length;
            Origin = null!;
        }

        public string Path { get; }

        public SnapshotOrigin Origin { get; private set; }

        public static SnapshotFile Open(string path)
        {
            Microsoft.Win32.SafeHandles.SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new GeoDataException(path, null, null, $"the snapshot cannot be opened: {e.Message}", e);
            }

            try
            {
                return new SnapshotFile(path, handle, [], 0).ReadHeader();
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        private SnapshotFile ReadHeader()
        {
            var actual = RandomAccess.GetLength(_handle);
            var start = new byte[HeaderFixedBytes];
            if (RandomAccess.Read(_handle, start, 0) < HeaderFixedBytes || !start.AsSpan(0, 8).SequenceEqual(Magic))
            {
                throw Refused("it is not a Geo snapshot (it does not start with GEOSNAP); make one with `geo snapshot`");
            }

            var version = BinaryPrimitives.ReadInt32LittleEndian(start.AsSpan(8));
            if (version != FormatVersion)
            {
                throw Refused($"it is in snapshot format {version}, and this build of geo reads format {FormatVersion}; make it again with `geo snapshot`");
            }

            var count = BinaryPrimitives.ReadInt32LittleEndian(start.AsSpan(12));
            if (count != SectionCount)
            {
                throw Refused($"it is corrupt: its header lists {count} sections");
            }

            var headerLength = HeaderFixedBytes + count * SectionEntryBytes + 16;
            var header = new byte[headerLength];
            if (RandomAccess.Read(_handle, header, 0) < headerLength)
            {
                throw Refused($"it is truncated: {actual:N0} bytes, shorter than its own header");
            }

            if (XxHash3.HashToUInt64(header.AsSpan(0, headerLength - 8)) != BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(headerLength - 8)))
            {
                throw Refused("it is corrupt: its header fails its checksum");
            }

            var expected = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(headerLength - 16));
            if (actual != expected)
            {
                throw Refused(actual < expected
                    ? $"it is truncated: {actual:N0} bytes of the {expected:N0} it was written with"
                    : $"it is corrupt: {actual:N0} bytes, {actual - expected:N0} more than it was written with");
            }

            var sections = new (long, long, ulong)[count];
            for (var i = 0; i < count; i++)
            {
                var entry = header.AsSpan(HeaderFixedBytes + i * SectionEntryBytes);
                var offset = BinaryPrimitives.ReadInt64LittleEndian(entry[4..]);
                var length = BinaryPrimitives.ReadInt64LittleEndian(entry[12..]);
                if (BinaryPrimitives.ReadInt32LittleEndian(entry) != i || offset < headerLength || length < 0 || length > int.MaxValue
                    || offset + length > expected)
                {
                    throw Refused($"it is corrupt: section {i} lies outside the file");
                }

                sections[i] = (offset, length, BinaryPrimitives.ReadUInt64LittleEndian(entry[20..]));
            }

            return new SnapshotFile(Path, _handle, sections, expected);
        }

        /// <summary>The origin section, then whether this snapshot may be used: same build, same manifest, inputs unchanged.</summary>
        public void Check(string? manifestPath, string? dataRoot)
        {
            Origin = Parse(() => ReadOrigin(Reader(ReadSection(Section.Origin), Section.Origin, whole: false)));
            if (Origin.BuildId != BuildId)
            {
                throw Refused("it was made by another build of geo, which may load the same files differently; make it again with `geo snapshot`");
            }

            if (manifestPath is not null)
            {
                var asked = System.IO.Path.GetFullPath(manifestPath);
                if (!string.Equals(Origin.Manifest, asked, StringComparison.Ordinal))
                {
                    throw Refused($"it was made from {Origin.Manifest ?? "the embedded demo"}, not from {asked}");
                }

                if (dataRoot is not null && !string.Equals(Origin.DataRoot, System.IO.Path.GetFullPath(dataRoot), StringComparison.Ordinal))
                {
                    throw Refused($"it was made with data root {Origin.DataRoot ?? "(the manifest's folder)"}, not {System.IO.Path.GetFullPath(dataRoot)}");
                }
            }

            if (Origin.Changes().FirstOrDefault() is { } change)
            {
                throw Refused($"{change} since the snapshot was made; make it again with `geo snapshot`");
            }
        }

        public byte[] ReadAll() => ReadRange(0, _length, "the file");

        public byte[] ReadSection(Section section)
        {
            var (offset, length, _) = _sections[(int)section];
            return ReadRange(offset, length, $"section {section}");
        }

        private byte[] ReadRange(long offset, long length, string what)
        {
            var bytes = new byte[length];
            var done = 0;
            while (done < bytes.Length)
            {
                var read = RandomAccess.Read(_handle, bytes.AsSpan(done), offset + done);
                if (read == 0)
                {
                    throw Refused($"it is truncated: {what} ended early while being read");
                }

                done += read;
            }

            return bytes;
        }

        /// <summary>A reader over one section (of the whole file's bytes, or of the section's own when not
        /// <paramref name="whole"/>), after checking its checksum.</summary>
        public SnapshotReader Reader(byte[] bytes, Section section, bool whole = true)
        {
            var (offset, length, hash) = _sections[(int)section];
            var memory = whole ? bytes.AsMemory((int)offset, (int)length) : bytes.AsMemory();
            if (XxHash3.HashToUInt64(memory.Span) != hash)
            {
                throw new SnapshotFormatException($"section {section} fails its checksum");
            }

            return new SnapshotReader(memory);
        }

        /// <summary>Runs a parse, turning what the bytes do not hold into a refusal naming the file.</summary>
        public void Parse(Action parse) => Parse(() =>
        {
            parse();
            return 0;
        });

        public T Parse<T>(Func<T> parse)
        {
            try
            {
                return parse();
            }
            catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault(x => x is SnapshotFormatException or GeoDataException or ArgumentException) is { } first)
            {
                throw first is GeoDataException g ? g : Refused($"it is corrupt: {first.Message}", first);
            }
            catch (Exception e) when (e is SnapshotFormatException or ArgumentException or OverflowException)
            {
                throw Refused($"it is corrupt: {e.Message}", e);
            }
        }

        public GeoDataException Refused(string reason, Exception? inner = null) =>
            new(Path, null, null, $"snapshot refused: {reason}.", inner);

        public void Dispose() => _handle.Dispose();
    }

    private static byte[] WriteOrigin(SnapshotOrigin origin)
    {
        var w = new SnapshotWriter();
        w.String(origin.BuildId);
        w.Long(origin.Created.UtcTicks);
        w.String(origin.Manifest);
        w.String(origin.DataRoot);
        w.String(origin.Description);
        w.Int(origin.Inputs.Count);
        foreach (var input in origin.Inputs)
        {
            w.String(input.Path);
            w.Long(input.Length);
            w.Long(input.LastWriteUtcTicks);
        }

        return w.ToArray();
    }

    private static SnapshotOrigin ReadOrigin(SnapshotReader r)
    {
        var buildId = r.String();
        var created = new DateTimeOffset(r.Long(), TimeSpan.Zero);
        var manifest = r.NullableString();
        var dataRoot = r.NullableString();
        var description = r.String();
        var inputs = new SnapshotInput[r.Count(20)];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = new SnapshotInput(r.String(), r.Long(), r.Long());
        }

        return new SnapshotOrigin(manifest, dataRoot, description, inputs) { BuildId = buildId, Created = created };
    }

    private sealed record Tables(string Name, bool Synthetic, string BoundaryVintage, Geography Geography, SuppressionPolicy Suppression,
        IReadOnlyList<AgeBand> AgeBands, Dictionary<string, double[]> Population, Dictionary<string, DeprivationRecord> Deprivation, DatasetReport Report);

    private static byte[] WriteGeography(Dataset dataset)
    {
        var w = new SnapshotWriter();
        w.String(dataset.Name);
        w.Bool(dataset.Synthetic);
        w.String(dataset.BoundaryVintage);

        var geography = dataset.Geography;
        Area(w, geography.Root);
        var others = geography.Areas.Where(a => !ReferenceEquals(a, geography.Root)).ToList();
        w.Int(others.Count);
        foreach (var area in others)
        {
            Area(w, area);
        }

        w.Bool(dataset.Suppression.IsEnabled);
        w.Int(dataset.Suppression.MinimumHidden);
        w.Int(dataset.Suppression.MaximumHidden);
        AgeBands(w, dataset.AgeBands);

        w.Int(dataset.Population.Count);
        foreach (var (code, counts) in dataset.Population)
        {
            w.String(code);
            w.Doubles(counts);
        }

        w.Int(dataset.Deprivation.Count);
        foreach (var (code, row) in dataset.Deprivation)
        {
            w.String(code);
            w.String(row.Neighbourhood);
            w.Int(row.Decile);
            w.NullableDouble(row.Score);
            w.Long(row.Line);
        }

        var report = dataset.Report;
        w.Int(report.Repairs.Count);
        foreach (var repair in report.Repairs)
        {
            w.String(repair.Code);
            w.String(repair.File);
            w.Long(repair.Feature);
            w.String(repair.Problem);
            w.Double(repair.AreaChange);
        }

        w.Int(report.CoverageProblems.Count);
        foreach (var problem in report.CoverageProblems)
        {
            w.String(problem.Kind);
            w.Strings(problem.Codes.ToArray());
            w.Double(problem.Area);
            w.Double(problem.Easting);
            w.Double(problem.Northing);
        }

        w.Int(report.UnmatchedCodes.Count);
        foreach (var unmatched in report.UnmatchedCodes)
        {
            w.String(unmatched.Code);
            w.String(unmatched.File);
            w.String(unmatched.Problem);
        }

        w.Strings(report.Notes);
        return w.ToArray();
    }

    private static void Area(SnapshotWriter w, Area area)
    {
        w.String(area.Code);
        w.String(area.Name);
        w.Int((int)area.Level);
        w.String(area.ParentCode);
        w.Strings(area.ChildCodes.ToArray());
        w.Bool(area.IsPartial);
        w.String(area.DistrictCode);
    }

    private static Area Area(SnapshotReader r)
    {
        var code = r.String();
        var name = r.String();
        var level = r.Int();
        if (!Enum.IsDefined((Level)level))
        {
            throw new SnapshotFormatException($"level {level} of area {code} is unknown");
        }

        return new Area(code, name, (Level)level, r.NullableString(), r.Strings(), r.Bool(), r.NullableString());
    }

    private static void AgeBands(SnapshotWriter w, IReadOnlyList<AgeBand> bands)
    {
        w.Int(bands.Count);
        foreach (var band in bands)
        {
            w.Int(band.From);
            w.NullableInt(band.To);
        }
    }

    private static AgeBand[] AgeBands(SnapshotReader r)
    {
        var bands = new AgeBand[r.Count(5)];
        for (var i = 0; i < bands.Length; i++)
        {
            bands[i] = new AgeBand(r.Int(), r.NullableInt());
        }

        return bands;
    }

    private static Tables ReadGeography(SnapshotReader r)
    {
        var name = r.String();
        var synthetic = r.Bool();
        var vintage = r.String();
        var root = Area(r);
        var areas = new Area[r.Count(20)];
        for (var i = 0; i < areas.Length; i++)
        {
            areas[i] = Area(r);
        }

        var geography = new Geography(root, areas);
        var enabled = r.Bool();
        var minimum = r.Int();
        var maximum = r.Int();
        var suppression = enabled ? new SuppressionPolicy(minimum, maximum) : SuppressionPolicy.None;
        var bands = AgeBands(r);

        var populationCount = r.Count(8);
        var population = new Dictionary<string, double[]>(populationCount, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < populationCount; i++)
        {
            population.Add(r.String(), r.Doubles());
        }

        var deprivationCount = r.Count(17);
        var deprivation = new Dictionary<string, DeprivationRecord>(deprivationCount, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < deprivationCount; i++)
        {
            deprivation.Add(r.String(), new DeprivationRecord(r.String(), r.Int(), r.NullableDouble(), r.Long()));
        }

        var report = new DatasetReport();
        for (var i = r.Count(32); i > 0; i--)
        {
            report.Repairs.Add(new GeometryRepair(r.String(), r.String(), r.Long(), r.String(), r.Double()));
        }

        for (var i = r.Count(32); i > 0; i--)
        {
            report.CoverageProblems.Add(new CoverageProblem(r.String(), r.Strings(), r.Double(), r.Double(), r.Double()));
        }

        for (var i = r.Count(12); i > 0; i--)
        {
            report.UnmatchedCodes.Add(new UnmatchedCode(r.String(), r.String(), r.String()));
        }

        report.Notes.AddRange(r.Strings());
        End(r, Section.Geography);
        return new Tables(name, synthetic, vintage, geography, suppression, bands, population, deprivation, report);
    }

    private static byte[] WriteNeighbourhoods(Dataset dataset, List<string> codes)
    {
        var w = new SnapshotWriter();
        w.Int(codes.Count);
        foreach (var code in codes)
        {
            w.String(code);
            w.Geometry(dataset.Boundaries[code]);
        }

        return w.ToArray();
    }

    private static (string Code, Geometry Polygon)[] ReadNeighbourhoods(SnapshotReader r)
    {
        var result = new (string, Geometry)[r.Count(20)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (r.String(), r.Geometry());
        }

        End(r, Section.Neighbourhoods);
        return result;
    }

    /// <summary>Every boundary in the dataset's order: other levels' geometries here, neighbourhoods by their number in
    /// <see cref="Section.Neighbourhoods"/>.</summary>
    private static byte[] WriteBoundaries(Dataset dataset, List<string> neighbourhoodCodes)
    {
        var numbers = new Dictionary<string, int>(neighbourhoodCodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < neighbourhoodCodes.Count; i++)
        {
            numbers.Add(neighbourhoodCodes[i], i);
        }

        var w = new SnapshotWriter();
        w.Int(dataset.Boundaries.Count);
        foreach (var (code, geometry) in dataset.Boundaries)
        {
            w.String(code);
            if (numbers.TryGetValue(code, out var number))
            {
                w.Int(number);
            }
            else
            {
                w.Int(-1);
                w.Geometry(geometry);
            }
        }

        return w.ToArray();
    }

    private static Dictionary<string, Geometry> ReadBoundaries(SnapshotReader r, (string Code, Geometry Polygon)[] neighbourhoods)
    {
        var count = r.Count(8);
        var boundaries = new Dictionary<string, Geometry>(count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var code = r.String();
            var number = r.Int();
            if (number >= neighbourhoods.Length || number < -1)
            {
                throw new SnapshotFormatException($"boundary {code} refers to neighbourhood {number}, which is not there");
            }

            boundaries.Add(code, number == -1 ? r.Geometry() : neighbourhoods[number].Polygon);
        }

        End(r, Section.Boundaries);
        return boundaries;
    }

    private static byte[] WriteIndicators(IReadOnlyList<IndicatorSource> indicators)
    {
        var w = new SnapshotWriter();
        w.Int(indicators.Count);
        foreach (var source in indicators)
        {
            var d = source.Definition;
            w.String(d.Id);
            w.String(d.Name);
            w.Int((int)d.ValueType);
            w.Double(d.Multiplier);
            w.Int((int)d.Polarity);
            w.String(d.Unit);
            w.String(d.Source);
            w.Strings(source.Periods.ToArray());
            AgeBands(w, source.Bands);
            w.Int((int)source.DataLevel);
            w.String(source.File);
            w.Int(source.PopulationPeriods);
            w.Int(source.PublicationPool);
            w.Strings(source.ImportNotes.ToArray());
            w.Int(source.Records.Count);
            foreach (var record in source.Records)
            {
                w.String(record.Area);
                w.String(record.Period);
                w.Int(record.Band);
                w.Double(record.Numerator);
                w.NullableDouble(record.Denominator);
                w.Long(record.Line);
            }
        }

        return w.ToArray();
    }

    private static IndicatorSource[] ReadIndicators(SnapshotReader r)
    {
        var indicators = new IndicatorSource[r.Count(40)];
        for (var i = 0; i < indicators.Length; i++)
        {
            var definition = new IndicatorDefinition(r.String(), r.String(), Enumerated<IndicatorValueType>(r), r.Double(),
                Enumerated<Polarity>(r), r.String(), r.String());
            var periods = r.Strings();
            var bands = AgeBands(r);
            var level = Enumerated<Level>(r);
            var file = r.String();
            var populationPeriods = r.Int();
            var publicationPool = r.Int();
            var notes = r.Strings();
            var records = new IndicatorRecord[r.Count(29)];
            for (var k = 0; k < records.Length; k++)
            {
                records[k] = new IndicatorRecord(r.String(), r.String(), r.Int(), r.Double(), r.NullableDouble(), r.Long());
            }

            indicators[i] = new IndicatorSource
            {
                Definition = definition,
                Periods = periods,
                Bands = bands,
                DataLevel = level,
                Records = records,
                File = file,
                PopulationPeriods = populationPeriods,
                PublicationPool = publicationPool,
                ImportNotes = notes,
            };
        }

        End(r, Section.Indicators);
        return indicators;
    }

    private static byte[] WriteFlows(FlowSource? flows)
    {
        var w = new SnapshotWriter();
        w.Bool(flows is not null);
        if (flows is null)
        {
            return w.ToArray();
        }

        w.String(flows.Providers);
        w.String(flows.Counts);
        w.String(flows.File);
        w.Strings(flows.ImportNotes.ToArray());
        w.Int(flows.ProviderNames.Count);
        foreach (var (code, name) in flows.ProviderNames)
        {
            w.String(code);
            w.String(name);
        }

        w.Int(flows.Flows.Count);
        foreach (var flow in flows.Flows)
        {
            w.String(flow.Provider);
            w.String(flow.Neighbourhood);
            w.Double(flow.Count);
            w.Long(flow.Line);
        }

        return w.ToArray();
    }

    private static FlowSource? ReadFlows(SnapshotReader r)
    {
        if (!r.Bool())
        {
            End(r, Section.Flows);
            return null;
        }

        var providers = r.String();
        var counts = r.String();
        var file = r.String();
        var notes = r.Strings();
        var nameCount = r.Count(8);
        var names = new Dictionary<string, string>(nameCount, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < nameCount; i++)
        {
            names.Add(r.String(), r.String());
        }

        var flows = new ProviderFlow[r.Count(24)];
        for (var i = 0; i < flows.Length; i++)
        {
            flows[i] = new ProviderFlow(r.String(), r.String(), r.Double(), r.Long());
        }

        End(r, Section.Flows);
        return new FlowSource { Providers = providers, Counts = counts, File = file, ImportNotes = notes, ProviderNames = names, Flows = flows };
    }

    /// <summary>The BNG index: its polygons by number in <see cref="Section.Neighbourhoods"/>, in the index's order, and its grid.</summary>
    private static byte[] WriteBngIndex(NeighbourhoodPolygons polygons, List<string> neighbourhoodCodes)
    {
        var numbers = neighbourhoodCodes.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i, StringComparer.Ordinal);
        var w = new SnapshotWriter();
        w.Ints(polygons.Polygons.Select(p => numbers[p.Code]).ToArray());
        Grid(w, polygons.Index(PointCoordinateSystem.BritishNationalGrid).Grid);
        return w.ToArray();
    }

    private static PointIndex ReadBngIndex(SnapshotReader r, (string Code, Geometry Polygon)[] neighbourhoods)
    {
        var numbers = r.Ints();
        var polygons = new (string, Geometry)[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            polygons[i] = (uint)numbers[i] < (uint)neighbourhoods.Length
                ? neighbourhoods[numbers[i]]
                : throw new SnapshotFormatException($"the index names neighbourhood {numbers[i]}, which is not there");
        }

        var grid = Grid(r);
        End(r, Section.BngIndex);
        return new PointIndex(polygons, grid);
    }

    /// <summary>The WGS84 index: its polygons (the neighbourhoods through the OSGB36 datum shift) and its grid.</summary>
    private static byte[] WriteWgs84Index(NeighbourhoodPolygons polygons)
    {
        var index = polygons.Index(PointCoordinateSystem.Wgs84LonLat);
        var w = new SnapshotWriter();
        w.Int(index.Count);
        for (var i = 0; i < index.Count; i++)
        {
            w.String(index.Code(i));
            w.Geometry(index.PolygonAt(i));
        }

        Grid(w, index.Grid);
        return w.ToArray();
    }

    private static PointIndex ReadWgs84Index(SnapshotReader r)
    {
        var polygons = new (string, Geometry)[r.Count(20)];
        for (var i = 0; i < polygons.Length; i++)
        {
            polygons[i] = (r.String(), r.Geometry());
        }

        var grid = Grid(r);
        End(r, Section.Wgs84Index);
        return new PointIndex(polygons, grid);
    }

    private static void Grid(SnapshotWriter w, PointIndexGrid grid)
    {
        w.Double(grid.OriginX);
        w.Double(grid.OriginY);
        w.Double(grid.ScaleX);
        w.Double(grid.ScaleY);
        w.Int(grid.Columns);
        w.Int(grid.Rows);
        w.Ints(grid.Cells);
        w.Ints(grid.CandidateStart);
        w.Ints(grid.Candidates);
    }

    private static PointIndexGrid Grid(SnapshotReader r) =>
        new(r.Double(), r.Double(), r.Double(), r.Double(), r.Int(), r.Int(), r.Ints(), r.Ints(), r.Ints());

    private static T Enumerated<T>(SnapshotReader r)
        where T : struct, Enum
    {
        var value = r.Int();
        var typed = (T)(object)value;
        return Enum.IsDefined(typed) ? typed : throw new SnapshotFormatException($"{value} is not a {typeof(T).Name}");
    }

    private static void End(SnapshotReader r, Section section)
    {
        if (!r.AtEnd)
        {
            throw new SnapshotFormatException($"section {section} holds more than it should");
        }
    }
}

/// <summary>One input file of a snapshot as it was when the snapshot was made.</summary>
public sealed record SnapshotInput(string Path, long Length, long LastWriteUtcTicks)
{
    /// <summary>The file as it is now.</summary>
    public static SnapshotInput Of(string path)
    {
        var info = new FileInfo(path);
        return new SnapshotInput(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks);
    }
}

/// <summary>What a snapshot was made from: a manifest and the files it names, or a generated dataset (the demo).</summary>
public sealed record SnapshotOrigin(string? Manifest, string? DataRoot, string Description, IReadOnlyList<SnapshotInput> Inputs)
{
    public string BuildId { get; init; } = DatasetSnapshot.BuildId;

    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The manifest (full path) and every file it names, as they are now.</summary>
    public static SnapshotOrigin FromManifest(string manifestPath, string? dataRoot)
    {
        var manifest = Path.GetFullPath(manifestPath);
        var root = dataRoot is null ? null : Path.GetFullPath(dataRoot);
        var files = ManifestReader.Paths(ManifestReader.Read(manifest))
            .Select(p => ManifestReader.Resolve(manifest, root, p.Path))
            .Prepend(manifest)
            .Distinct(StringComparer.Ordinal)
            .Select(SnapshotInput.Of)
            .ToArray();
        return new SnapshotOrigin(manifest, root, $"manifest {manifest}", files);
    }

    /// <summary>A dataset made in memory (the demo), from no files.</summary>
    public static SnapshotOrigin Generated(string description) => new(null, null, description, []);

    /// <summary>How each input differs from what was recorded, first changed first (empty: all as they were).</summary>
    public IEnumerable<string> Changes()
    {
        foreach (var input in Inputs)
        {
            var info = new FileInfo(input.Path);
            if (!info.Exists)
            {
                yield return $"its input {input.Path} is missing";
            }
            else if (info.Length != input.Length)
            {
                yield return $"its input {input.Path} changed size ({input.Length:N0} to {info.Length:N0} bytes)";
            }
            else if (info.LastWriteTimeUtc.Ticks != input.LastWriteUtcTicks)
            {
                yield return $"its input {input.Path} was modified ({new DateTime(input.LastWriteUtcTicks, DateTimeKind.Utc):u} to {info.LastWriteTimeUtc:u})";
            }
        }
    }
}
