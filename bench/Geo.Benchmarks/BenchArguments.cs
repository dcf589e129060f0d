using System.Globalization;

namespace Geo.Benchmarks;

/// <summary>Command-line options of the form <c>--name value</c> or <c>--flag</c>. Immutable after parsing.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string?> _values;

    private BenchArguments(Dictionary<string, string?> values) => _values = values;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return new BenchArguments(values);
    }

    public static BenchArguments Of(params (string Name, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value));

    public bool Has(string name) => _values.ContainsKey(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value is not null ? value : throw new ArgumentException($"--{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    /// <summary>The dataset of <c>--dataset M [--data-root D]</c>, or the demo without <c>--dataset</c>.</summary>
    public Geo.Model.Dataset Dataset() => Optional("dataset") is { } manifest
        ? Geo.Data.Loading.DatasetLoader.Load(manifest, Optional("data-root"))
        : Geo.Data.Loading.DatasetLoader.Build(Geo.Demo.DemoDataset.Generate().Source);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) && value is not null ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
