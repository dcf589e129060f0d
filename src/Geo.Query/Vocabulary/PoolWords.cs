using Geo.Core.Trends;

namespace Geo.Query.Vocabulary;

/// <summary>The words for rolling pooled periods (<c>pool</c>), as every door accepts them. Stateless.</summary>
public static class PoolWords
{
    public const string Help = "1 (single periods, the default), 3 or 5: rolling pools of that many consecutive periods, counts and "
        + "denominators summed (band by band), labelled \"first - last\"; a pool's period may be named by its label or its last period";

    /// <summary>The pool size: 1 when none is given.</summary>
    /// <exception cref="QueryException">Not 1, 3 or 5.</exception>
    public static int Parse(int? pool) => pool switch
    {
        null => 1,
        { } k when PooledIndicator.Sizes.Contains(k) => k,
        _ => throw QueryException.Bad("pool", $"The pool must be 1, 3 or 5 periods, not {pool}."),
    };
}
