namespace Geo.Data.Indicators;

/// <summary>What an empty numerator or score cell means (<c>file.blankNumerator</c> in the manifest).</summary>
internal enum BlankNumeratorRule
{
    /// <summary><c>error</c>: the load stops, naming the cell.</summary>
    Error,

    /// <summary><c>skip</c>: the row is left out and counted in the import notes.</summary>
    Skip,

    /// <summary><c>zero</c>: the cell counts as 0.</summary>
    Zero,
}
