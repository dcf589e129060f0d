using Geo.Core.Indicators;
using Geo.Model;

namespace Geo.Query;

/// <summary>One indicator's figures for one period as they may be shown: the engine (true counts, for statistics that
/// need them) and its published view (suppression applied), from which every row served comes. Immutable.</summary>
public sealed record PublishedIndicator(Dataset Dataset, IndicatorEngine Engine, IndicatorView View)
{
    public IndicatorDefinition Definition => View.Definition;

    public string Period => View.Period;
}
