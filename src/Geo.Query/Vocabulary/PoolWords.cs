using Geo.Core.Trends;

namespace Geo.Query.Vocabulary;

/// <summary>The words for rolling pooled periods (<c>pool</c>), as every door accepts them. Stateless.</summary>
public static class PoolWords
{
    public const string Help = "The indicator's publication pool (its `pool` in the indicator list), which is the default: 1 (single "
        + "periods), 3 or 5 (rolling pools of that many consecutive periods, counts and denominators summed band by band, labelled "
        + "\"first - last\"); any other is refused, since two windowings of the same counts could be subtracted to recover a "
        + "suppressed one. A pool's period may be named by its label or its last period";

    /// <summary>The pool size named (1 when none is given), before it is checked against the indicator's publication pool.</summary>
    /// <exception cref="QueryException">Not 1, 3 or 5.</exception>
    public static int Parse(int? pool) => pool switch
    {
        null => 1,
        { } k when PooledIndicator.Sizes.Contains(k) => k,
        _ => throw QueryException.Bad("pool", $"The pool must be 1, 3 or 5 periods, not {pool}."),
    };
}
